import { Card, Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { RegionOverview } from '../../../../shared/contract/provinceHome';
import { formatIndicatorWithUnit, formatRate } from '../../../../shared/indicators/format';
import { INDICATORS, TARGETABLE_IDS, type IndicatorId } from '../../../../shared/indicators/ids';
import { RegionsTable } from './RegionsTable';

/** Completion bands of the heat table, from behind to done; a cell without a target is grey. */
const BANDS: { from: number; color: string; label: string }[] = [
  { from: 1, color: '#52c41a', label: '已完成' },
  { from: 0.8, color: '#b7eb8f', label: '80%—100%' },
  { from: 0.5, color: '#ffe58f', label: '50%—80%' },
  { from: 0.2, color: '#ffbb96', label: '20%—50%' },
  { from: -Infinity, color: '#ff7875', label: '20% 以下' },
];
const NO_TARGET = '#f0f0f0';

export function completionColor(completion: number | null): string {
  if (completion === null) return NO_TARGET;
  return BANDS.find((b) => completion >= b.from)!.color;
}

/** Regions × indicators like a map: each cell is the cumulative completion against the target, coloured by band. */
export function HeatTable({
  regions,
  year,
  open,
}: {
  regions: RegionOverview[];
  year: number;
  open: (id: IndicatorId, region: RegionOverview) => void;
}) {
  const columns: ColumnsType<RegionOverview> = [
    { title: '地区', dataIndex: 'regionName', width: 140, fixed: 'left' },
    ...TARGETABLE_IDS.map((id) => ({
      title: <Tooltip title={INDICATORS[id].name}>{id}</Tooltip>,
      key: id,
      align: 'center' as const,
      onCell: (r: RegionOverview) => {
        const row = r.indicators.find((i) => i.indicator === id)!;
        return {
          style: { background: completionColor(row.completion), cursor: 'pointer' },
          onClick: () => open(id, r),
          'aria-label': `${r.regionName} ${id} 完成率`,
          title: `${r.regionName} ${INDICATORS[id].name}：累计 ${formatIndicatorWithUnit(id, row.cumulative)}，目标 ${formatIndicatorWithUnit(id, row.target)}`,
        };
      },
      render: (_: unknown, r: RegionOverview) =>
        formatRate(r.indicators.find((i) => i.indicator === id)!.completion, 0),
    })),
  ];
  return (
    <Card
      size="small"
      title={`各地区目标完成热力表（2021—${year} 年累计完成率）`}
      extra={
        <Space size={12} wrap>
          {BANDS.map((b) => (
            <Space key={b.label} size={4}>
              <span style={{ display: 'inline-block', width: 12, height: 12, background: b.color }} />
              <Typography.Text style={{ fontSize: 12 }}>{b.label}</Typography.Text>
            </Space>
          ))}
          <Space size={4}>
            <span
              style={{
                display: 'inline-block',
                width: 12,
                height: 12,
                background: NO_TARGET,
                border: '1px solid #d9d9d9',
              }}
            />
            <Typography.Text style={{ fontSize: 12 }}>未设目标</Typography.Text>
          </Space>
        </Space>
      }
    >
      <RegionsTable regions={regions} columns={columns} testId="heat-table" scrollX={900} />
    </Card>
  );
}
