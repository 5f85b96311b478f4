import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FlagDealView } from '../../../shared/contract/rules';
import { fenToWanNumber } from '../../../shared/domain/money';

/** Payments received against the contract amount over time: cumulative 实际到账 as steps, the amount (and R06's minimum share) as lines. */
export function PaymentsChart({
  deal,
  asOf,
  minPaidPercent,
}: {
  deal: FlagDealView;
  asOf: string;
  minPaidPercent?: number;
}) {
  const received = deal.payments.reduce<{ date: string; fen: number }[]>(
    (steps, p) => [...steps, { date: p.date, fen: (steps.at(-1)?.fen ?? 0) + p.amountFen }],
    [],
  );
  const total = received.at(-1)?.fen ?? 0;
  const points = [
    { date: deal.contractDate, receivedWan: 0 },
    ...received.map((r) => ({ date: r.date, receivedWan: fenToWanNumber(r.fen) })),
  ];
  if (points.at(-1)!.date < asOf) points.push({ date: asOf, receivedWan: fenToWanNumber(total) });
  const amountWan = fenToWanNumber(deal.amountFen);
  return (
    <div aria-label="到账与成交金额" style={{ width: '100%', height: 220 }}>
      <ResponsiveContainer>
        <LineChart data={points} margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" />
          <YAxis
            domain={[0, Math.max(amountWan, fenToWanNumber(total)) * 1.1]}
            tickFormatter={(v: number) => v.toFixed(0)}
            label={{ value: '万元', position: 'insideTopLeft', offset: -4 }}
          />
          <Tooltip formatter={(v) => [`${Number(v).toFixed(2)} 万元`, '累计到账']} />
          <ReferenceLine
            y={amountWan}
            stroke="#cf1322"
            strokeDasharray="6 3"
            label={{ value: `成交金额 ${amountWan.toFixed(2)} 万元`, position: 'insideTopRight' }}
          />
          {minPaidPercent !== undefined && (
            <ReferenceLine
              y={(amountWan * minPaidPercent) / 100}
              stroke="#faad14"
              strokeDasharray="4 4"
              label={{ value: `应至少到账 ${minPaidPercent}%`, position: 'insideBottomRight' }}
            />
          )}
          <Line type="stepAfter" dataKey="receivedWan" stroke="#1677ff" dot isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
