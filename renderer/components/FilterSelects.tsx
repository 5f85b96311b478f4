import { Select } from 'antd';

/** One filter of a list, bound to one key of the filters: a clearable select; cleared, it filters nothing. */
export interface FilterSelectSpec<F> {
  name: keyof F & string;
  label: string;
  placeholder: string;
  width: number;
  options: { value: string | number; label: string }[];
  showSearch?: boolean;
}

/** The selects of a list's filters, in order; a choice changes only its own key (undefined when cleared). */
export function FilterSelects<F>({
  selects,
  filters,
  onChange,
}: {
  selects: readonly FilterSelectSpec<F>[];
  filters: F;
  onChange: (patch: Partial<F>) => void;
}) {
  return selects.map((s) => (
    <Select
      key={s.name}
      allowClear
      showSearch={s.showSearch}
      placeholder={s.placeholder}
      aria-label={s.label}
      style={{ width: s.width }}
      value={filters[s.name] as string | number | undefined}
      onChange={(v?: string | number) => onChange({ [s.name]: v } as Partial<F>)}
      options={s.options}
    />
  ));
}
