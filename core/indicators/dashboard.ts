/**
 * What the 统计图表 page draws: the report, year values since 2020, cumulative values per region (when the store
 * holds records of several regions), the year's counted deals per industry, and the year month by month.
 */
import type { Dashboard, IndicatorNumbers } from '../../shared/contract/indicators';
import { INDICATOR_IDS, PROGRAM_FIRST_YEAR, type IndicatorId } from '../../shared/indicators/ids';
import { CITY_REGIONS, PROVINCE_CODE, regionName } from '../../shared/domain/regions';
import type { ProvinceDb } from '../province/store/provinceDb';
import { provinceReportParts } from '../province/store/provinceReport';
import { num } from './facts';
import { buildReport, regionsOf, sumRegions, yearValues } from './report';

const REGIONS_HELD_SQL = `SELECT count(DISTINCT city_code) AS n FROM organizations WHERE city_code IS NOT NULL`;

/** The values a chart of the cumulative period shows: cumulative counts and amounts, the year's rates. */
function cumulativeValues(report: ReturnType<typeof buildReport>): IndicatorNumbers {
  return Object.fromEntries(
    INDICATOR_IDS.map((id) => [
      id,
      id === 'I3a' || id === 'I3b' ? report.indicators[id].year : report.indicators[id].cumulative,
    ]),
  ) as IndicatorNumbers;
}

/** The latest recordation date of a live deal (`at`): its year is the latest year with data (the province reads it too). */
export const LATEST_RECORDATION_SQL = 'SELECT max(recordation_date) AS at FROM deals WHERE voided_at IS NULL';
export const yearOfLatest = (row: { at: string | null } | undefined): number | null =>
  row?.at ? Number(row.at.slice(0, 4)) : null;

/** 统计图表 of a region (or the province) and year, on the desk's store or the province's of either backend. */
export async function computeDashboard(db: ProvinceDb, region: string, year: number): Promise<Dashboard> {
  const held = num((await db.get<{ n: number }>(REGIONS_HELD_SQL))?.n);
  const withRegions = region === PROVINCE_CODE || held > 1;
  // One read of the twelve regions serves both the chosen region and the comparison between regions.
  const parts = await provinceReportParts(db, withRegions ? PROVINCE_CODE : region, year, true);
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
    const distinct = [...(await db.derived.cumulativeDistinct(regionsOf(region), PROGRAM_FIRST_YEAR, y)).values()];
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

  // The year's counted deals per industry, the regions together.
  const industries = new Map<string, { industry: string; I1: number; I1a: number; I2: number; I2a: number }>();
  for (const cell of await db.derived.industryFacts(year, regionsOf(region))) {
    const name = cell.industry || '其他';
    let entry = industries.get(name);
    if (!entry) industries.set(name, (entry = { industry: name, I1: 0, I1a: 0, I2: 0, I2a: 0 }));
    if (cell.family === 'I1') Object.assign(entry, { I1: entry.I1 + cell.patents, I1a: entry.I1a + cell.amount });
    else Object.assign(entry, { I2: entry.I2 + cell.patents, I2a: entry.I2a + cell.amount });
  }

  const months = new Map((await db.derived.monthFacts(year, regionsOf(region))).map((m) => [m.month, m]));
  const monthly = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const { I1, I2, I5, I5a } = months.get(month) ?? { I1: 0, I2: 0, I5: 0, I5a: 0 };
    return { month, I1, I2, I5, I5a };
  });

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
    latestDataYear: yearOfLatest(await db.get(LATEST_RECORDATION_SQL)),
    byRegion,
    byIndustry: [...industries.values()].sort((a, b) => b.I1 + b.I2 - (a.I1 + a.I2)),
    monthly,
  };
}
