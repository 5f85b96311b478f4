import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FlagDetail } from '../../../shared/contract/rules';
import { formatFenAsWan } from '../../../shared/domain/money';

type Bins = NonNullable<FlagDetail['priceDistribution']>;

/** R05: how the group's prices per patent spread (log scale bins), with the flagged deal's bin in red. */
export function PriceDistributionChart({ bins }: { bins: Bins }) {
  const data = bins.map((b) => ({ ...b, label: formatFenAsWan(b.fromFen, 2) }));
  return (
    <div aria-label="同组单件价格分布" style={{ width: '100%', height: 240 }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={3} label={{ value: '每件专利价格（万元，对数分组）', position: 'insideBottom', offset: -16 }} />
          <YAxis allowDecimals={false} label={{ value: '交易笔数', angle: -90, position: 'insideLeft' }} />
          <Tooltip formatter={(v) => [`${String(v)} 笔`, '交易']} labelFormatter={(_, p) => { const b = p?.[0]?.payload as Bins[number] | undefined; return b ? `${formatFenAsWan(b.fromFen)}–${formatFenAsWan(b.toFen)} 万元${b.isDeal ? '（本笔交易所在区间）' : ''}` : ''; }} />
          <Bar dataKey="count" isAnimationActive={false}>
            {data.map((b) => (
              <Cell key={b.fromFen} fill={b.isDeal ? '#cf1322' : '#91caff'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
