import { Funnel, FunnelChart, LabelList, Legend, ResponsiveContainer, Tooltip } from 'recharts';
import type { PoolFunnelRow } from '../../../../shared/contract/provinceMatching';
import { ChartCard } from '../../charts/ChartCard';
import { allZero } from '../../charts/charts';

/** The five stages in order, each with its unit: the chart's bands and the table's columns. */
export const STAGES = [
  { key: 'supplies', label: '入库专利', unit: '件' },
  { key: 'needs', label: '技术需求', unit: '项' },
  { key: 'recommended', label: '获推荐需求', unit: '项' },
  { key: 'matchmakings', label: '对接', unit: '次' },
  { key: 'deals', label: '对接成交', unit: '笔' },
] as const;

const COLORS = ['#1d5fbf', '#4e86d6', '#13c2c2', '#f0a020', '#389e0d'];

/** One region's (or the province's) funnel of the year as bands, widest first. */
export function PoolFunnelChart({ row, year }: { row: PoolFunnelRow; year: number }) {
  const data = STAGES.map((s, i) => ({ name: `${s.label}（${s.unit}）`, value: row[s.key], fill: COLORS[i] }));
  return (
    <ChartCard
      testId="chart-pool-funnel"
      title={`${row.regionName} ${year} 年供需对接漏斗`}
      unit="件、项、次、笔"
      empty={allZero(data.map((d) => d.value))}
      table={{ headers: STAGES.map((s) => `${s.label}（${s.unit}）`), rows: [STAGES.map((s) => row[s.key])] }}
    >
      <ResponsiveContainer>
        <FunnelChart margin={{ top: 8, right: 8, left: 8, bottom: 8 }}>
          <Tooltip />
          {/* The stage names beside the bands would run into the widest one: they are the legend, in stage order. */}
          <Legend
            layout="vertical"
            align="right"
            verticalAlign="middle"
            itemSorter={null}
            wrapperStyle={{ fontSize: 13 }}
          />
          <Funnel dataKey="value" nameKey="name" data={data} isAnimationActive={false} lastShapeType="rectangle">
            <LabelList position="center" dataKey="value" fill="#fff" stroke="none" />
          </Funnel>
        </FunnelChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
