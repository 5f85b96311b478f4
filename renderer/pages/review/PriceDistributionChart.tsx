import { Typography } from 'antd';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FlagDetail } from '../../../shared/contract/rules';
import { FEN_PER_WAN, formatWan } from '../../../shared/domain/money';

type Bins = NonNullable<FlagDetail['priceDistribution']>;

const FEN_PER_YUAN = 100;
const yuan = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** A price a bin starts or ends at: below 1 万元 in 元 (so that small prices do not all read “0.00”), else in 万元. */
function priceText(fen: number): string {
  return fen < FEN_PER_WAN ? `${yuan.format(fen / FEN_PER_YUAN)} 元` : formatWan(fen);
}

/** The flagged deal's bar is drawn at least this tall, even when the rest of its group dwarfs it. */
const DEAL_BAR_MIN_PX = 6;

/** R05: how the group's prices per patent spread (log scale bins), with the flagged deal's bin in red. */
export function PriceDistributionChart({ bins }: { bins: Bins }) {
  const data = bins.map((b) => ({ ...b, label: priceText(b.fromFen) }));
  const deal = bins.find((b) => b.isDeal);
  return (
    <>
      <div aria-label="同组单件价格分布" style={{ width: '100%', height: 240 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="label"
              interval={3}
              label={{ value: '每件专利价格（对数分组）', position: 'insideBottom', offset: -16 }}
            />
            <YAxis allowDecimals={false} label={{ value: '交易笔数', angle: -90, position: 'insideLeft' }} />
            <Tooltip
              formatter={(v) => [`${String(v)} 笔`, '交易']}
              labelFormatter={(_, p) => {
                const b = p?.[0]?.payload as Bins[number] | undefined;
                return b
                  ? `${priceText(b.fromFen)}–${priceText(b.toFen)}${b.isDeal ? '（本笔交易所在区间）' : ''}`
                  : '';
              }}
            />
            <Bar
              dataKey="count"
              isAnimationActive={false}
              minPointSize={(_value, index) => (data[index]?.isDeal ? DEAL_BAR_MIN_PX : 0)}
            >
              {data.map((b) => (
                <Cell key={b.fromFen} fill={b.isDeal ? '#cf1322' : '#91caff'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      {deal && (
        <Typography.Text type="secondary">
          红色柱为本笔交易所在区间：每件 {priceText(deal.fromFen)}–{priceText(deal.toFen)}，该区间共 {deal.count} 笔
        </Typography.Text>
      )}
    </>
  );
}
