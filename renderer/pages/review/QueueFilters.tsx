import { Select, Space, Switch, Typography } from 'antd';
import type { QueueFilters as Filters } from '../../../shared/contract/rules';
import { CITY_REGIONS } from '../../../shared/domain/regions';
import { RULES } from '../../../shared/rules/catalog';
import { FLAG_SOURCES, FLAG_STATUSES } from '../../../shared/rules/ruleIds';

const AGE_OPTIONS = [
  { value: 7, label: '已等待 7 天以上' },
  { value: 30, label: '已等待 30 天以上' },
  { value: 90, label: '已等待 90 天以上' },
];

/** One filter of the queue: cleared, it filters nothing (its placeholder says so). */
function FilterSelect<V extends string | number>({
  label,
  placeholder,
  width,
  value,
  onChange,
  options,
}: {
  label: string;
  placeholder: string;
  width: number;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: { value: V; label: string }[];
}) {
  return (
    <Select
      allowClear
      placeholder={placeholder}
      aria-label={label}
      style={{ width }}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}

/** The queue's filters: rule, region, status, source and age. */
export function QueueFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Select
        mode="multiple"
        allowClear
        placeholder="全部规则"
        aria-label="规则"
        style={{ minWidth: 220 }}
        maxTagCount={2}
        value={value.ruleIds ?? []}
        onChange={(ruleIds) => set({ ruleIds: ruleIds.length ? ruleIds : undefined })}
        options={RULES.map((r) => ({ value: r.id, label: `${r.id} ${r.name}` }))}
      />
      <FilterSelect
        label="地区"
        placeholder="全部地区"
        width={150}
        value={value.regionCode}
        onChange={(regionCode) => set({ regionCode })}
        options={CITY_REGIONS.map((r) => ({ value: r.code, label: r.shortName }))}
      />
      <FilterSelect
        label="状态"
        placeholder="全部状态"
        width={130}
        value={value.status}
        onChange={(status) => set({ status })}
        options={FLAG_STATUSES.map((s) => ({ value: s, label: s }))}
      />
      <FilterSelect
        label="来源"
        placeholder="全部来源"
        width={120}
        value={value.source}
        onChange={(source) => set({ source })}
        options={FLAG_SOURCES.map((s) => ({ value: s, label: s }))}
      />
      <FilterSelect
        label="等待时间"
        placeholder="不限等待时间"
        width={160}
        value={value.minAgeDays}
        onChange={(minAgeDays) => set({ minAgeDays })}
        options={AGE_OPTIONS}
      />
      <Space size={4}>
        <Switch
          size="small"
          checked={value.includeInactive ?? false}
          onChange={(includeInactive) => set({ includeInactive })}
          aria-label="含已不再命中"
        />
        <Typography.Text type="secondary">含已不再命中的</Typography.Text>
      </Space>
    </Space>
  );
}
