import { Input } from 'antd';
import type { Control, FieldValues } from 'react-hook-form';
import { FormField } from '../../components/FormField';
import { poolField } from './poolField';

/** The 关键词 of a need or a pooled patent: free words, separated by commas or 顿号. */
export function KeywordsField<T extends FieldValues>({ control }: { control: Control<T> }) {
  return (
    <FormField
      {...poolField(control, 'keywords')}
      label="关键词"
      extra="逗号或顿号分隔"
      render={(f) => <Input {...f} value={f.value ?? ''} aria-label="关键词" />}
    />
  );
}
