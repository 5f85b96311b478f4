/**
 * What the 统计图表 page draws: the report, year values since 2020, cumulative values per region (when the store
 * holds records of several regions), the year's counted deals per industry, and the year month by month.
 */
import type { Dashboard, IndicatorNumbers } from '../../shared/contract/indicators';
import { INDICATOR_IDS, PROGRAM_FIRST_YEAR, type IndicatorId } from '../../shared/indicators/ids';
import { CITY_REGIONS, PROVINCE_CODE, regionName } from '../../shared/domain/regions';
import type { ReadHandle } from '../store/store';
import { inRegions } from './facts';
import { COUNTED_DEALS_FROM, readCumulativeDistinct } from './factTables';
import { buildReport, readReportParts, regionsOf, sumRegions, yearValues } from './report';

const SQL = {
  regionsHeld: `SELECT count(DISTINCT city_code) AS n FROM organizations WHERE city_code IS NOT NULL`,
  industry: `SELECT f.industry AS industry, sum(f.patent_count) AS patents, sum(f.amount_fen) AS amount
    ${COUNTED_DEALS_FROM} AND f.recordation_date BETWEEN :from AND :to GROUP BY 1`,
  month: `SELECT substr(f.recordation_date, 1, 7) AS month, sum(f.patent_count) AS n
    ${COUNTED_DEALS_FROM} AND f.recordation_date BETWEEN :from AND :to GROUP BY 1`,
  monthI5: `SELECT substr(registration_date, 1, 7) AS month, sum(amount_fen) AS amount, count(*) AS n
    FROM indicator_pledges WHERE region IN (__REGIONS__) AND registration_date BETWEEN :from AND :to GROUP BY 1`,
};

/** The values a chart of the cumulative period shows: cumulative counts and amounts, the year's rates. */
function cumulativeValues(report: ReturnType<typeof buildReport>): IndicatorNumbers {
  return Object.fromEntries(
    INDICATOR_IDS.map((id) => [
      id,
      id === 'I3a' || id === 'I3b' ? report.indicators[id].year : report.indicators[id].cumulative,
    ]),
  ) as IndicatorNumbers;
}

/** The year of the latest recordation of a live deal (the date the indicators count by); read backwards on its index. */
/** The latest recordation date of a live deal (`at`): its year is the latest year with data (the province reads it too). */
export const LATEST_RECORDATION_SQL = 'SELECT max(recordation_date) AS at FROM deals WHERE voided_at IS NULL';
export const yearOfLatest = (row: { at: string | null } | undefined): number | null =>
  row?.at ? Number(row.at.slice(0, 4)) : null;

export function latestDataYear(db: ReadHandle): number | null {
  return yearOfLatest(db.prepare(LATEST_RECORDATION_SQL).get() as { at: string | null });
}

export function computeDashboard(db: ReadHandle, region: string, year: number): Dashboard {
  const held = (db.prepare(SQL.regionsHeld).get() as { n: number }).n;
  const withRegions = region === PROVINCE_CODE || held > 1;
  // One read of the twelve regions serves both the chosen region and the comparison between regions.
  const parts = readReportParts(db, withRegions ? PROVINCE_CODE : region, year, true);
  const report = buildReport(region, year, parts);
  const area = sumRegions(parts.facts, regionsOf(region));

  const byYear = [];
  for (let y = 2020; y <= year; y++) byYear.push({ year: y, values: yearValues(area.year(y)) });

  // Running sums, except the distinct counts (I3, I4a), which are counted again over each period.
  const cumulativeByYear = [];
  const running = Object.fromEntries(INDICATOR_IDS.map((id) => [id, 0])) as Record<IndicatorId, number>;
  for (let y = PROGRAM_FIRST_YEAR; y <= year; y++) {
    const values = yearValues(area.year(y));
    for (const id of INDICATOR_IDS) running[id] += values[id] ?? 0;
    const distinct = [...readCumulativeDistinct(db, regionsOf(region), PROGRAM_FIRST_YEAR, y).values()];
    cumulativeByYear.push({
      year: y,
      values: {
        ...running,
        I3: distinct.reduce((sum, d) => sum + d.enterprises, 0),
        I4a: distinct.reduce((sum, d) => sum + d.registrationPatents, 0),
        I3a: values.I3a,
        I3b: values.I3b,
      },
    });
  }

  const byRegion = withRegions
    ? CITY_REGIONS.map((r) => ({
        region: r.code,
        regionName: r.name,
        values: cumulativeValues(buildReport(r.code, year, parts)),
      }))
    : [];

  const params = { from: `${year}-01-01`, to: `${year}-12-31` };
  type Row = { industry?: string; month?: string; patents?: number; amount?: number; n?: number };
  const rows = (sql: string, family?: 'I1' | 'I2') =>
    db.prepare(inRegions(sql, regionsOf(region))).all(family ? { ...params, family } : params) as Row[];
  const industries = new Map<string, { industry: string; I1: number; I1a: number; I2: number; I2a: number }>();
  const industry = (name: string) => {
    let entry = industries.get(name);
    if (!entry) industries.set(name, (entry = { industry: name, I1: 0, I1a: 0, I2: 0, I2a: 0 }));
    return entry;
  };
  for (const r of rows(SQL.industry, 'I1'))
    Object.assign(industry(r.industry ?? '其他'), { I1: r.patents ?? 0, I1a: r.amount ?? 0 });
  for (const r of rows(SQL.industry, 'I2'))
    Object.assign(industry(r.industry ?? '其他'), { I2: r.patents ?? 0, I2a: r.amount ?? 0 });

  const monthly = Array.from({ length: 12 }, (_, i) => ({
    month: `${year}-${String(i + 1).padStart(2, '0')}`,
    I1: 0,
    I2: 0,
    I5: 0,
    I5a: 0,
  }));
  const month = (m: string | undefined) => monthly[Number(m?.slice(5, 7)) - 1];
  for (const r of rows(SQL.month, 'I1')) {
    const m = month(r.month);
    if (m) m.I1 = r.n ?? 0;
  }
  for (const r of rows(SQL.month, 'I2')) {
    const m = month(r.month);
    if (m) m.I2 = r.n ?? 0;
  }
  for (const r of rows(SQL.monthI5)) {
    const m = month(r.month);
    if (m) Object.assign(m, { I5: r.amount ?? 0, I5a: r.n ?? 0 });
  }

  const requiredGrowth = Object.fromEntries(
    INDICATOR_IDS.map((id: IndicatorId) => [id, parts.targets.requiredGrowth(region, id, year)]),
  ) as Dashboard['requiredGrowth'];

  return {
    region,
    regionName: regionName(region) ?? region,
    year,
    report,
    requiredGrowth,
    byYear,
    cumulativeByYear,
    latestDataYear: latestDataYear(db),
    byRegion,
    byIndustry: [...industries.values()].sort((a, b) => b.I1 + b.I2 - (a.I1 + a.I2)),
    monthly,
  };
}
