import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { Bulletin } from '../../../../shared/contract/bulletin';
import { BULLETIN_MAIN_IDS } from '../../../../shared/indicators/bulletinPeriod';
import { INDICATORS } from '../../../../shared/indicators/ids';
import { formatRate } from '../../../../shared/indicators/format';
import { shortRegionName } from './regionNames';

// Fixed sizes, no animation: the charts are drawn inside the print root, which has no size on screen (display: none),
// and a PDF taken at once must never catch a half-drawn bar. 700 px is the width of A4 between its margins.
const WIDTH = 700;
const COLORS = { bar: '#1d5fbf', behind: '#d4380d', schedule: '#389e0d' };
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const percentLabel = (value: unknown) => (typeof value === 'number' ? `${value}%` : '');

function ScheduleLine({ elapsed }: { elapsed: number }) {
  return (
    <ReferenceLine
      y={percent(elapsed) ?? 0}
      stroke={COLORS.schedule}
      strokeDasharray="6 3"
      ifOverflow="extendDomain"
      label={{
        value: `序时进度 ${formatRate(elapsed)}`,
        position: 'insideTopRight',
        fill: COLORS.schedule,
        fontSize: 11,
      }}
    />
  );
}

/** Percentages as labelled bars on the sheet's width, against the plan's 序时进度 (`elapsed`). */
function PercentBars({
  rows,
  elapsed,
  height,
  barSize,
  labelSize,
}: {
  rows: { name: string; value: number }[];
  elapsed: number;
  height: number;
  barSize: number;
  labelSize: number;
}) {
  return (
    <BarChart width={WIDTH} height={height} data={rows} margin={{ top: 18, right: 16, left: 0, bottom: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="name" tick={{ fontSize: 10 }} interval={0} />
      <YAxis unit="%" tick={{ fontSize: 10 }} />
      <Bar dataKey="value" fill={COLORS.bar} isAnimationActive={false} barSize={barSize}>
        <LabelList dataKey="value" position="top" formatter={percentLabel} fontSize={labelSize} />
      </Bar>
      <ScheduleLine elapsed={elapsed} />
    </BarChart>
  );
}

/** The province's completion of each plan target against 序时进度. */
export function ProvinceCompletionChart({ bulletin }: { bulletin: Bulletin }) {
  const rows = BULLETIN_MAIN_IDS.map((id) => ({
    name: `${id} ${INDICATORS[id].shortName}`,
    value: percent(bulletin.province.indicators[id].completion) ?? 0,
  }));
  return <PercentBars rows={rows} elapsed={bulletin.planElapsed} height={190} barSize={36} labelSize={10} />;
}

/** The regions by 综合完成率, best first, against the plan's 序时进度; regions without targets are left out. */
export function RankingChart({ bulletin }: { bulletin: Bulletin }) {
  const rows = bulletin.regions
    .filter((r) => r.rank !== null)
    .sort((a, b) => a.rank! - b.rank!)
    .map((r) => ({
      name: shortRegionName(r.region),
      value: percent(r.overall) ?? 0,
      behind: (r.overall ?? 0) < bulletin.planElapsed,
    }));
  if (rows.length === 0) return <div className="chart-empty">各地区均未设置目标，无法排名。</div>;
  return <PercentBars rows={rows} elapsed={bulletin.planElapsed} height={200} barSize={24} labelSize={9} />;
}
