import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { RegionOverview } from '../../../../shared/contract/provinceHome';
import { formatIndicator, formatRate } from '../../../../shared/indicators/format';
import { INDICATORS, type IndicatorId } from '../../../../shared/indicators/ids';
import { drillColumn, type IndicatorViewProps, RegionsTable } from './RegionsTable';

type Row = RegionOverview['indicators'][number];

const rowOf = (r: RegionOverview, id: IndicatorId): Row => r.indicators.find((i) => i.indicator === id)!;
/** Sorts numbers with the undefined ones (—) last whichever way. */
const byValue = (id: IndicatorId, pick: (row: Row) => number | null) => (a: RegionOverview, b: RegionOverview) =>
  (pick(rowOf(a, id)) ?? -Infinity) - (pick(rowOf(b, id)) ?? -Infinity);

export function metLabel(met: boolean | null) {
  if (met === null) return <Tag>无要求</Tag>;
  return met ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>;
}

/** One indicator of the year in every region, against its target: value, cumulative, completion, growth, 达标. */
export function IndicatorTable({ regions, id, open }: IndicatorViewProps) {
  const unit = INDICATORS[id].unit;
  const figure = (title: string, pick: (row: Row) => number | null) =>
    drillColumn(
      title,
      title,
      byValue(id, pick),
      (r) => formatIndicator(id, pick(rowOf(r, id))),
      (r) => open(id, r),
    );
  const rate = (title: string, pick: (row: Row) => number | null) => ({
    title,
    key: title,
    align: 'right' as const,
    sorter: byValue(id, pick),
    render: (_: unknown, r: RegionOverview) => formatRate(pick(rowOf(r, id))),
  });
  const columns: ColumnsType<RegionOverview> = [
    { title: '地区', dataIndex: 'regionName', width: 150, sorter: (a, b) => a.region.localeCompare(b.region) },
    figure(`本年（${unit}）`, (row) => row.year),
    ...(INDICATORS[id].kind === 'rate'
      ? []
      : [
          figure(`累计（${unit}）`, (row) => row.cumulative),
          {
            ...rate('目标', (row) => row.target),
            render: (_: unknown, r: RegionOverview) => formatIndicator(id, rowOf(r, id).target),
          },
        ]),
    rate('完成率', (row) => row.completion),
    rate('同比增幅', (row) => row.yoy),
    rate('年均增幅', (row) => row.avgGrowth),
    rate('要求增幅', (row) => row.requiredGrowth),
    {
      title: '是否达标',
      key: 'met',
      sorter: (a, b) => Number(rowOf(a, id).growthMet ?? -1) - Number(rowOf(b, id).growthMet ?? -1),
      render: (_: unknown, r: RegionOverview) => metLabel(rowOf(r, id).growthMet),
    },
  ];
  return <RegionsTable regions={regions} columns={columns} testId="indicator-table" />;
}
