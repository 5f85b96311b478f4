import { Input } from 'antd';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { FormField } from './FormField';

/**
 * A password, typed masked. Its label names it to screen readers too (unless `ariaLabel` says otherwise);
 * `autoComplete` tells the browser a new password from the current one.
 */
export function PasswordField<T extends FieldValues>(props: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  autoComplete: 'new-password' | 'current-password';
  required?: boolean;
  extra?: string;
  autoFocus?: boolean;
  ariaLabel?: string;
}) {
  return (
    <FormField
      control={props.control}
      name={props.name}
      label={props.label}
      required={props.required}
      extra={props.extra}
      render={(field) => (
        <Input.Password
          {...field}
          aria-label={props.ariaLabel ?? props.label}
          autoComplete={props.autoComplete}
          autoFocus={props.autoFocus}
        />
      )}
    />
  );
}
