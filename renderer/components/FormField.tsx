import { Form } from 'antd';
import type { ReactElement } from 'react';
import {
  Controller,
  type Control,
  type ControllerRenderProps,
  type FieldPath,
  type FieldValues,
  type UseFormSetError,
} from 'react-hook-form';
import type { ServiceError } from '../../shared/contract/result';

/**
 * One labelled field: react-hook-form's Controller around an antd input, with the (Chinese) error beside it.
 */
export function FormField<T extends FieldValues, N extends FieldPath<T>>(props: {
  control: Control<T>;
  name: N;
  label: string;
  required?: boolean;
  extra?: string;
  render: (field: ControllerRenderProps<T, N>) => ReactElement;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <Form.Item
          label={props.label}
          required={props.required}
          validateStatus={fieldState.error ? 'error' : undefined}
          help={fieldState.error?.message}
          extra={props.extra}
        >
          {props.render(field)}
        </Form.Item>
      )}
    />
  );
}

/** Puts a refused call's per-field issues beside their fields; returns false when none matched a field. */
export function showServerIssues<T extends FieldValues>(setError: UseFormSetError<T>, error: ServiceError): boolean {
  const issues = error.issues?.filter((i) => i.field) ?? [];
  for (const issue of issues) setError(issue.field as FieldPath<T>, { type: 'server', message: issue.message });
  return issues.length > 0;
}
