import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ProvinceHome } from '../../../../shared/contract/provinceHome';
import { CITY_REGIONS } from '../../../../shared/domain/regions';
import { INDUSTRIES } from '../../../../shared/domain/industries';
import {
  chartNumber,
  formatIndicator,
  formatIndicatorWithUnit,
  formatRate,
} from '../../../../shared/indicators/format';
import { INDICATORS, type IndicatorId } from '../../../../shared/indicators/ids';
import { ChartCard, ChartSelect } from '../../charts/ChartCard';
import { allZero, axisTick, industryDeals, label } from '../../charts/charts';
import type { DealsQuery } from '../../charts/DealsDrawer';
import type { IndicatorViewProps } from './RegionsTable';

/** Twelve regions need twelve colours that stay apart on a projector. */
const REGION_COLORS = [
  '#1d5fbf',
  '#f0a020',
  '#389e0d',
  '#d4380d',
  '#722ed1',
  '#13c2c2',
  '#eb2f96',
  '#8c8c8c',
  '#a0d911',
  '#fa541c',
  '#2f54eb',
  '#5b8c00',
];
const INDUSTRY_COLORS = [
  '#1d5fbf',
  '#4e86d6',
  '#13c2c2',
  '#36cfc9',
  '#389e0d',
  '#73d13d',
  '#a0d911',
  '#d4b106',
  '#f0a020',
  '#fa8c16',
  '#d4380d',
  '#eb2f96',
  '#722ed1',
  '#9254de',
  '#bfbfbf',
];
const shortName = (code: string) => CITY_REGIONS.find((r) => r.code === code)?.shortName ?? code;

/** Year values of one indicator, 2021 through the year, one line per region. */
export function TrendChart({ home, id }: { home: ProvinceHome; id: IndicatorId }) {
  const years = home.trend[0]?.byYear.map((y) => y.year) ?? [];
  const rows = years.map((year, i) => ({
    year: `${year}`,
    ...Object.fromEntries(home.trend.map((t) => [t.region, chartNumber(id, t.byYear[i]?.values[id])])),
  }));
  return (
    <ChartCard
      testId="chart-trend"
      title={`逐年趋势：${id}`}
      exportName={`各地区逐年趋势：${label(id)}`}
      unit={INDICATORS[id].unit}
      empty={allZero(home.trend.flatMap((t) => t.byYear.map((y) => y.values[id])))}
      table={{
        headers: ['地区', ...years.map((y) => `${y} 年`)],
        rows: home.trend.map((t) => [shortName(t.region), ...t.byYear.map((y) => formatIndicator(id, y.values[id]))]),
      }}
    >
      <ResponsiveContainer>
        <LineChart data={rows} margin={{ top: 16, right: 24, left: 8, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="year" tickFormatter={(y: string) => `${y} 年`} />
          <YAxis width={72} tickFormatter={axisTick} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {home.trend.map((t, i) => (
            <Line
              key={t.region}
              isAnimationActive={false}
              type="linear"
              dataKey={t.region}
              name={shortName(t.region)}
              stroke={REGION_COLORS[i % REGION_COLORS.length]}
              strokeWidth={2}
              dot={{ r: 3 }}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** The regions ranked by completion of the chosen indicator (by cumulative value where no target is set). */
export function RankingChart({ regions, id, open }: IndicatorViewProps) {
  const withTargets = regions.some((r) => r.indicators.find((i) => i.indicator === id)?.completion !== null);
  const rows = regions
    .map((r) => {
      const row = r.indicators.find((i) => i.indicator === id)!;
      const value = withTargets
        ? row.completion === null
          ? null
          : Math.round(row.completion * 1000) / 10
        : chartNumber(id, row.cumulative ?? row.year);
      return {
        name: r.regionName,
        region: r,
        value,
        shown: withTargets ? formatRate(row.completion) : formatIndicatorWithUnit(id, row.cumulative ?? row.year),
      };
    })
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  return (
    <ChartCard
      testId="chart-ranking"
      title={`排名：${id}${withTargets ? ' 累计完成率' : ' 累计值'}`}
      exportName={`各地区排名：${label(id)}${withTargets ? '（累计完成率）' : '（累计值，未设目标）'}`}
      unit={withTargets ? '%' : INDICATORS[id].unit}
      empty={allZero(rows.map((r) => r.value))}
      table={{
        headers: ['名次', '地区', withTargets ? '完成率' : `累计（${INDICATORS[id].unit}）`],
        rows: rows.map((r, i) => [i + 1, r.name, r.shown]),
      }}
    >
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 48, left: 8, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => (withTargets ? `${axisTick(v)}%` : axisTick(v))} />
          <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip
            formatter={(_v, _n, item) => [(item.payload as { shown: string }).shown, withTargets ? '完成率' : '累计']}
          />
          <Bar
            isAnimationActive={false}
            dataKey="value"
            fill="#1d5fbf"
            cursor="pointer"
            label={{
              position: 'right',
              fontSize: 11,
              formatter: (v: unknown) => (typeof v === 'number' ? (withTargets ? `${v}%` : axisTick(v)) : ''),
            }}
            onClick={(_e: unknown, index: number) => {
              const row = rows[index];
              if (row) open(id, row.region);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** The 产业地图: counted patents of the year per region, stacked by the 14 strategic industries (and 其他). */
export function IndustryMapChart({ home, open }: { home: ProvinceHome; open: (query: DealsQuery) => void }) {
  const [family, setFamily] = useState<'I1' | 'I2'>('I1');
  const present = INDUSTRIES.filter((industry) =>
    home.industries.some((c) => c.industry === industry && c[family] > 0),
  );
  const rows = CITY_REGIONS.map((r) => ({
    name: r.shortName,
    region: r.code,
    ...Object.fromEntries(
      present.map((industry) => [
        industry,
        home.industries.find((c) => c.region === r.code && c.industry === industry)?.[family] ?? 0,
      ]),
    ),
  }));
  return (
    <ChartCard
      testId="chart-industry-map"
      title={`${home.year} 年产业地图：各地区按产业的转化专利数`}
      exportName={`产业地图：${family === 'I1' ? '中小微企业受让' : '高校院所转化'}`}
      unit="项"
      extra={
        <ChartSelect
          label="产业地图口径"
          width={170}
          value={family}
          onChange={setFamily}
          options={[
            { value: 'I1', label: 'I1 中小微企业受让' },
            { value: 'I2', label: 'I2 高校院所转化' },
          ]}
        />
      }
      empty={present.length === 0}
      table={{
        headers: ['地区', ...INDUSTRIES],
        rows: CITY_REGIONS.map((r) => [
          r.name,
          ...INDUSTRIES.map(
            (industry) => home.industries.find((c) => c.region === r.code && c.industry === industry)?.[family] ?? 0,
          ),
        ]),
      }}
    >
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ top: 16, right: 16, left: 8, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
          <YAxis width={56} allowDecimals={false} tickFormatter={axisTick} />
          <Tooltip formatter={(v, name) => [`${String(v)} 项`, name]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {present.map((industry) => (
            <Bar
              key={industry}
              isAnimationActive={false}
              stackId="industry"
              dataKey={industry}
              fill={INDUSTRY_COLORS[INDUSTRIES.indexOf(industry)]}
              cursor="pointer"
              onClick={(_e: unknown, index: number) => {
                const row = rows[index];
                if (row) open(industryDeals({ region: row.region, year: home.year, family, industry }, row.name));
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
