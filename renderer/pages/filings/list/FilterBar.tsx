import { Checkbox, Input, Select, Space } from 'antd';
import { DEAL_KINDS } from '../../../../shared/contract/filings/deals';
import { ENTERPRISE_SIZES, PARTY_KINDS } from '../../../../shared/domain/enterprise';
import { INDUSTRIES } from '../../../../shared/domain/industries';
import { CITY_REGIONS } from '../../../../shared/domain/regions';
import type { ListFilters } from '../calls';
import type { KindSpec } from '../kinds';

export type Filters = ListFilters;

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const YEARS = Array.from({ length: new Date().getFullYear() - 2019 }, (_, i) => 2020 + i).reverse();

/** Search and filters of a list; every filter runs in core. */
export function FilterBar({
  spec,
  filters,
  onChange,
}: {
  spec: KindSpec;
  filters: Filters;
  onChange: (next: Filters) => void;
}) {
  const set = (key: keyof Filters) => (value: unknown) =>
    onChange({ ...filters, [key]: (value as string | number | boolean | undefined) ?? null });
  const select = (
    key: keyof Filters,
    placeholder: string,
    opts: { value: string | number; label: string }[],
    width = 110,
  ) => (
    <Select
      aria-label={placeholder}
      allowClear
      placeholder={placeholder}
      style={{ width }}
      value={filters[key] ?? undefined}
      onChange={set(key)}
      options={opts}
    />
  );
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        aria-label="搜索"
        allowClear
        placeholder="编号、单位名称、统一社会信用代码、专利号或名称"
        style={{ width: 280 }}
        defaultValue={(filters.search as string) ?? ''}
        onSearch={(v) => onChange({ ...filters, search: v || null })}
      />
      {select(
        'regionCode',
        '地区',
        CITY_REGIONS.map((r) => ({ value: r.code, label: r.shortName })),
        100,
      )}
      {select(
        'year',
        '年度',
        YEARS.map((y) => ({ value: y, label: `${y} 年` })),
        100,
      )}
      {spec.filters.includes('kind') && select('kind', '交易类型', options(DEAL_KINDS))}
      {spec.filters.includes('assignorKind') && select('assignorKind', '让与方类型', options(PARTY_KINDS), 120)}
      {spec.filters.includes('assigneeSize') && select('assigneeSize', '受让方规模', options(ENTERPRISE_SIZES), 120)}
      {spec.filters.includes('enterpriseSize') && select('enterpriseSize', '企业规模', options(ENTERPRISE_SIZES))}
      {spec.filters.includes('industry') && select('industry', '所属产业', options(INDUSTRIES), 150)}
      <Select
        aria-label="记录状态"
        style={{ width: 110 }}
        value={(filters.status as string) ?? 'active'}
        onChange={set('status')}
        options={[
          { value: 'active', label: '有效记录' },
          { value: 'voided', label: '已作废' },
          { value: 'all', label: '全部' },
        ]}
      />
      {spec.hasFlags && (
        <Checkbox checked={filters.hasFlags === true} onChange={(e) => set('hasFlags')(e.target.checked ? true : null)}>
          仅看有异常的
        </Checkbox>
      )}
    </Space>
  );
}
