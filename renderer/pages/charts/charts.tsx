import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Dashboard } from '../../../shared/contract/indicators';
import { chartNumber, formatIndicator, formatIndicatorWithUnit, formatRate } from '../../../shared/indicators/format';
import { dealFamily } from '../../../shared/indicators/dealFamily';
import { AVERAGE_GROWTH_IDS, INDICATORS, TARGETABLE_IDS, type IndicatorId } from '../../../shared/indicators/ids';
import { CITY_REGIONS } from '../../../shared/domain/regions';
import { ChartCard, ChartSelect } from './ChartCard';
import { NoTarget } from './TargetsLink';
import type { DealsQuery } from './DealsDrawer';

type Open = (query: DealsQuery) => void;

// Every series is drawn without animation: a PNG export or a screenshot taken at once must never catch a half-drawn line.
const COLORS = { bar: '#1d5fbf', second: '#f0a020', target: '#d4380d', line: '#389e0d' };

const unitOf = (id: IndicatorId) => INDICATORS[id].unit;
/** Axis ticks without binary noise (8551.400000000001 → 8,551.4), here and in the PNG export. */
const tickNumber = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
export const axisTick = (value: number) => tickNumber.format(value);
export const allZero = (values: readonly (number | null | undefined)[]) => values.every((v) => !v);
export const label = (id: IndicatorId) => `${id} ${INDICATORS[id].shortName}`;
/** The deals of one industry counted in I1 or I2 in a year and region; `place` names the region in the title. */
export const industryDeals = (
  query: Omit<DealsQuery, 'title'> & { family: 'I1' | 'I2'; industry: string },
  place?: string,
) => ({
  ...query,
  title: `${place ? `${place} ` : ''}${query.year} 年 ${query.industry} 产业计入 ${query.family} 的交易`,
});
export const indicatorOptions = (ids: readonly IndicatorId[]) => ids.map((id) => ({ value: id, label: label(id) }));

/** Cumulative value by year end against the target line, for one indicator chosen from a list. */
export function ProgressChart({ data, open }: { data: Dashboard; open: Open }) {
  const { id, family, card, point } = useIndicatorChoice('进度指标', '累计完成进度');
  const target = data.report.indicators[id].target;
  const rows = data.cumulativeByYear.map((y) => ({ year: `${y.year}`, ...point(y.values[id]) }));
  return (
    <ChartCard
      testId="chart-progress"
      {...card}
      empty={allZero(rows.map((r) => r.raw))}
      note={target === null ? <NoTarget year={data.year} /> : undefined}
      table={{
        headers: ['截至年度', `累计值（${unitOf(id)}）`, `目标（${unitOf(id)}）`, '完成率'],
        rows: data.cumulativeByYear.map((y) => [
          `2021—${y.year}`,
          formatIndicator(id, y.values[id]),
          formatIndicator(id, target),
          target ? formatRate((y.values[id] ?? 0) / target) : '—',
        ]),
      }}
    >
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ top: 16, right: 24, left: 8, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="year" tickFormatter={(y: string) => `${y} 年末`} />
          <YAxis
            width={72}
            tickFormatter={axisTick}
            domain={[0, (max: number) => Math.max(max, chartNumber(id, target) ?? 0) * 1.1]}
          />
          <Tooltip
            formatter={(_v, _n, item) => [formatIndicatorWithUnit(id, (item.payload as { raw: number }).raw), '累计值']}
            labelFormatter={(y) => `2021—${y} 年`}
          />
          <Bar
            isAnimationActive={false}
            dataKey="value"
            name="累计值"
            fill={COLORS.bar}
            maxBarSize={64}
            cursor={family ? 'pointer' : undefined}
            label={{
              position: 'top',
              formatter: (v: unknown) =>
                typeof v === 'number' ? formatIndicator(id, rows.find((r) => r.value === v)?.raw ?? null) : '',
            }}
            onClick={(_entry: unknown, index: number) => {
              const row = rows[index];
              if (family && row)
                open({
                  region: data.region,
                  year: Number(row.year),
                  family,
                  title: `${row.year} 年计入 ${label(id)} 的交易`,
                });
            }}
          />
          {target !== null && (
            <ReferenceLine
              y={chartNumber(id, target) ?? 0}
              stroke={COLORS.target}
              strokeDasharray="6 3"
              label={{
                value: `目标 ${formatIndicatorWithUnit(id, target)}`,
                position: 'insideTopRight',
                fill: COLORS.target,
              }}
            />
          )}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Year-on-year and average growth of each indicator against its required rate. */
export function GrowthChart({ data }: { data: Dashboard }) {
  const rows = AVERAGE_GROWTH_IDS.map((id) => ({
    name: id,
    yoy: pct(data.report.indicators[id].yoy),
    avg: pct(data.report.indicators[id].avgGrowth),
    required: pct(data.requiredGrowth[id]),
  }));
  return (
    <ChartCard
      testId="chart-growth"
      title={`${data.year} 年增幅与要求增幅`}
      unit="%"
      empty={rows.every((r) => r.yoy === null && r.avg === null)}
      table={{
        headers: ['指标', '同比增幅', '年均增幅（以 2020 年为基期）', '要求年均增幅'],
        rows: AVERAGE_GROWTH_IDS.map((id) => [
          label(id),
          formatRate(data.report.indicators[id].yoy),
          formatRate(data.report.indicators[id].avgGrowth),
          formatRate(data.requiredGrowth[id], 0),
        ]),
      }}
    >
      <ResponsiveContainer>
        <ComposedChart data={rows} margin={{ top: 16, right: 24, left: 8, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" />
          <YAxis width={56} tickFormatter={(v: number) => `${axisTick(v)}%`} />
          <Tooltip
            formatter={(v) => (v === null || v === undefined ? '—（基数为 0 或无数据）' : `${Number(v).toFixed(1)}%`)}
            labelFormatter={(id) => label(id as IndicatorId)}
          />
          <Legend />
          <ReferenceLine y={0} stroke="#999" />
          <Bar isAnimationActive={false} dataKey="yoy" name="同比增幅" fill={COLORS.bar} maxBarSize={22} />
          <Bar isAnimationActive={false} dataKey="avg" name="年均增幅" fill={COLORS.second} maxBarSize={22} />
          <Scatter dataKey="required" name="要求增幅" fill={COLORS.target} shape="diamond" />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function pct(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** Cumulative values of the twelve regions side by side. */
export function RegionChart({ data, open }: { data: Dashboard; open: Open }) {
  const { id, family, card, point } = useIndicatorChoice('地区对比指标', '各地区累计');
  const rows = data.byRegion.map((r) => ({
    name: CITY_REGIONS.find((c) => c.code === r.region)?.shortName ?? r.regionName,
    region: r.region,
    ...point(r.values[id]),
  }));
  return (
    <ChartCard
      testId="chart-regions"
      {...card}
      table={{
        headers: ['地区', `累计值（${unitOf(id)}）`],
        rows: data.byRegion.map((r) => [r.regionName, formatIndicator(id, r.values[id])]),
      }}
      empty={allZero(rows.map((r) => r.raw))}
    >
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ top: 16, right: 16, left: 8, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
          <YAxis width={72} tickFormatter={axisTick} />
          <Tooltip
            formatter={(_v, _n, item) => [formatIndicatorWithUnit(id, (item.payload as { raw: number }).raw), '累计值']}
          />
          <Bar
            isAnimationActive={false}
            dataKey="value"
            fill={COLORS.bar}
            maxBarSize={36}
            cursor={family ? 'pointer' : undefined}
            onClick={(_entry: unknown, index: number) => {
              const row = rows[index];
              if (family && row)
                open({
                  region: row.region,
                  year: data.year,
                  family,
                  title: `${row.name} ${data.year} 年计入 ${label(id)} 的交易`,
                });
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** The industry chart's bars: patents counted in I1 and in I2, each opening its deals. */
const INDUSTRY_BARS = [
  { family: 'I1', name: '中小微企业受让', color: COLORS.bar },
  { family: 'I2', name: '高校院所转化', color: COLORS.second },
] as const;

/** The year's counted patents per industry. */
export function IndustryChart({ data, open }: { data: Dashboard; open: Open }) {
  const rows = data.byIndustry.map((r) => ({ ...r }));
  const click = (family: 'I1' | 'I2') => (_entry: unknown, index: number) => {
    const row = rows[index];
    if (row) open(industryDeals({ region: data.region, year: data.year, family, industry: row.industry }));
  };
  return (
    <ChartCard
      testId="chart-industries"
      title={`${data.year} 年按产业：专利转化数`}
      unit="项"
      empty={allZero(rows.flatMap((r) => [r.I1, r.I2]))}
      table={{
        headers: [
          '产业',
          'I1 中小微企业受让（项）',
          'I1a 成交金额（万元）',
          'I2 高校院所转化（项）',
          'I2a 成交金额（万元）',
        ],
        rows: data.byIndustry.map((r) => [
          r.industry,
          r.I1,
          formatIndicator('I1a', r.I1a),
          r.I2,
          formatIndicator('I2a', r.I2a),
        ]),
      }}
    >
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, left: 8, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tickFormatter={axisTick} />
          <YAxis type="category" dataKey="industry" width={150} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(v, name) => [`${String(v)} 项`, name]} />
          <Legend />
          {INDUSTRY_BARS.map((b) => (
            <Bar
              key={b.family}
              isAnimationActive={false}
              dataKey={b.family}
              name={b.name}
              fill={b.color}
              cursor="pointer"
              onClick={click(b.family)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/**
 * A chart of one indicator the caseworker chooses (I1 first): the choice, its deals' family, the card's title, file
 * name, unit and select (`card`), and a point of the chart from a raw value (`point`).
 */
function useIndicatorChoice(label: string, title: string) {
  const [id, setId] = useState<IndicatorId>('I1');
  const choice = (
    <ChartSelect label={label} width={190} value={id} onChange={setId} options={indicatorOptions(TARGETABLE_IDS)} />
  );
  const card = { title, exportName: `${title}：${INDICATORS[id].shortName}`, unit: unitOf(id), extra: choice };
  const point = (raw: number | null | undefined) => ({ value: chartNumber(id, raw), raw });
  return { id, family: dealFamily(id), card, point };
}

/** The monthly trend's lines; `family` the deals a point opens. */
const MONTHLY_LINES = [
  { id: 'I1', name: '中小微企业受让', color: COLORS.bar, family: 'I1' },
  { id: 'I2', name: '高校院所转化', color: COLORS.second, family: 'I2' },
  { id: 'I5a', name: '质押项目', color: COLORS.line, family: null },
] as const;

/** Month by month in the year: patents (项) of I1 and I2, pledges (项). */
export function MonthlyChart({ data, open }: { data: Dashboard; open: Open }) {
  const rows = data.monthly.map((m) => ({ ...m, label: `${Number(m.month.slice(5))}月` }));
  const click = (family: 'I1' | 'I2') => (point: { payload?: { month: string } }) =>
    point.payload &&
    open({
      region: data.region,
      year: data.year,
      family,
      month: point.payload.month,
      title: `${point.payload.month} 计入 ${family} 的交易`,
    });
  return (
    <ChartCard
      testId="chart-monthly"
      title={`${data.year} 年月度趋势`}
      unit="项"
      empty={allZero(rows.flatMap((r) => [r.I1, r.I2, r.I5a]))}
      table={{
        headers: ['月份', 'I1（项）', 'I2（项）', 'I5a 质押项目（项）', 'I5 质押金额（万元）'],
        rows: data.monthly.map((m) => [m.month, m.I1, m.I2, m.I5a, formatIndicator('I5', m.I5)]),
      }}
    >
      <ResponsiveContainer>
        <LineChart data={rows} margin={{ top: 16, right: 24, left: 8, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis width={48} allowDecimals={false} />
          <Tooltip formatter={(v, name) => [`${String(v)} 项`, name]} />
          <Legend />
          {MONTHLY_LINES.map(({ id, name, color, family }) => (
            <Line
              key={id}
              isAnimationActive={false}
              type="linear"
              dataKey={id}
              name={name}
              stroke={color}
              strokeWidth={2}
              // Only the deal indicators' points open the month's deals.
              activeDot={
                family === null
                  ? undefined
                  : {
                      r: 6,
                      cursor: 'pointer',
                      onClick: (_e: unknown, p: unknown) => click(family)(p as { payload?: { month: string } }),
                    }
              }
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
