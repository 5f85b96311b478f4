import { Select } from 'antd';
import type { Control, FieldValues } from 'react-hook-form';
import { INDUSTRIES } from '../../../shared/domain/industries';
import { FormField } from '../../components/FormField';
import { poolField } from './poolField';

const INDUSTRY_OPTIONS = INDUSTRIES.map((v) => ({ value: v, label: v }));

/** The 所属产业 of a need or a pooled patent: one of the 14 strategic industries or 其他. */
export function IndustryField<T extends FieldValues>({ control }: { control: Control<T> }) {
  return (
    <FormField
      {...poolField(control, 'industry')}
      label="所属产业"
      render={(f) => <Select {...f} aria-label="所属产业" virtual={false} options={INDUSTRY_OPTIONS} />}
    />
  );
}
