import { Input, Radio } from 'antd';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { MIN_REASON_LENGTH } from '../../../shared/contract/rules';
import { FormField } from '../../components/FormField';

/** A reviewer's conclusion, none chosen beforehand (a pre-selected one would be a careless click from a wrong decision). */
export function DecisionField<T extends FieldValues>({
  control,
  options,
}: {
  control: Control<T>;
  options: readonly string[];
}) {
  return (
    <FormField
      control={control}
      name={'decision' as FieldPath<T>}
      label="审核结论"
      required
      render={(field) => (
        <Radio.Group {...field} aria-label="审核结论" options={options.map((d) => ({ value: d, label: d }))} />
      )}
    />
  );
}

/** The reason a reviewer gives, which the desk requires: what was checked, on what grounds. */
export function ReasonField<T extends FieldValues>({
  control,
  label = '审核理由',
}: {
  control: Control<T>;
  label?: string;
}) {
  return (
    <FormField
      control={control}
      name={'reason' as FieldPath<T>}
      label={label}
      required
      render={(field) => (
        <Input.TextArea
          {...field}
          aria-label="审核理由"
          rows={3}
          maxLength={500}
          showCount
          placeholder={`至少 ${MIN_REASON_LENGTH} 个字，写明核实了什么、依据是什么`}
        />
      )}
    />
  );
}
