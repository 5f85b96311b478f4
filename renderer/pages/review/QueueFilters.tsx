import { Select, Space, Switch, Typography } from 'antd';
import type { QueueFilters as Filters } from '../../../shared/contract/rules';
import { CITY_REGIONS } from '../../../shared/domain/regions';
import { RULES } from '../../../shared/rules/catalog';
import { FLAG_SOURCES, FLAG_STATUSES } from '../../../shared/rules/ruleIds';
import { FilterSelects, type FilterSelectSpec } from '../../components/FilterSelects';

const REGION_OPTIONS = CITY_REGIONS.map((r) => ({ value: r.code, label: r.shortName }));
const STATUS_OPTIONS = FLAG_STATUSES.map((s) => ({ value: s, label: s }));
const SOURCE_OPTIONS = FLAG_SOURCES.map((s) => ({ value: s, label: s }));
const AGE_OPTIONS = [
  { value: 7, label: '已等待 7 天以上' },
  { value: 30, label: '已等待 30 天以上' },
  { value: 90, label: '已等待 90 天以上' },
];

/** The queue's single-choice filters: cleared, each filters nothing (its placeholder says so). */
const SELECTS: FilterSelectSpec<Filters>[] = [
  { name: 'regionCode', label: '地区', placeholder: '全部地区', width: 150, options: REGION_OPTIONS },
  { name: 'status', label: '状态', placeholder: '全部状态', width: 130, options: STATUS_OPTIONS },
  { name: 'source', label: '来源', placeholder: '全部来源', width: 120, options: SOURCE_OPTIONS },
  { name: 'minAgeDays', label: '等待时间', placeholder: '不限等待时间', width: 160, options: AGE_OPTIONS },
];

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
      <FilterSelects selects={SELECTS} filters={value} onChange={set} />
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
