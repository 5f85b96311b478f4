import type { Control, FieldPath, FieldValues } from 'react-hook-form';

/** Binds a field that both pool forms (技术需求 and 专利供给) name alike to whichever form's control. */
export function poolField<T extends FieldValues>(control: Control<T>, name: 'industry' | 'keywords') {
  return { control, name: name as FieldPath<T> };
}
