/**
 * The 成效评价表 of DOMAIN §7 for one region and year: the report, each growth against its required rate
 * (年均增幅; for I3a/I3b the year's growth itself), the deals under review, the deductions and the score under the
 * scoring scheme kept in settings.
 */
import type { EvaluationSheet, IndicatorReport } from '../../shared/contract/indicators';
import { meetsRequirement } from '../../shared/indicators/growth';
import { INDICATOR_IDS } from '../../shared/indicators/ids';
import { scoreSheet } from '../../shared/indicators/scoring';
import { PROVINCE_CODE, regionName } from '../../shared/domain/regions';
import type { ProvinceDb } from '../province/store/provinceDb';
import { positional } from '../province/store/provinceFacts';
import { provinceReportParts } from '../province/store/provinceReport';
import { num } from './facts';
import { buildReport, type ReportParts } from './report';
import { readScoring } from './scoringStore';

/** A party's or record's reporting region in SQL: county codes rolled up to their city, 140171 kept. */
export const rollup = (column: string) =>
  `CASE WHEN ${column} = '140171' THEN ${column} ELSE substr(${column}, 1, 4) || '00' END`;
const IN_REGION = (column: string) => `(:region = '${PROVINCE_CODE}' OR ${rollup(column)} = :region)`;

const SQL = {
  underReview: `SELECT count(DISTINCT d.id) AS n FROM anomaly_flags af
    JOIN flag_subjects fs ON fs.flag_id = af.id AND fs.entity = 'deal' JOIN deals d ON d.id = fs.entity_id
    WHERE af.status IN ('待审核','需补充材料') AND ${IN_REGION('af.region_code')}
      AND d.voided_at IS NULL AND d.recordation_date BETWEEN :from AND :to
      AND d.id NOT IN (SELECT fs2.entity_id FROM anomaly_flags af2 JOIN flag_subjects fs2 ON fs2.flag_id = af2.id
        WHERE af2.status = '确认异常' AND fs2.entity = 'deal')`,
  confirmed: `SELECT count(DISTINCT af.id) AS n FROM anomaly_flags af
    JOIN flag_subjects fs ON fs.flag_id = af.id AND fs.entity = 'deal' JOIN deals d ON d.id = fs.entity_id
    WHERE af.status = '确认异常' AND ${IN_REGION('af.region_code')} AND d.recordation_date BETWEEN :from AND :to`,
  clawedBack: `SELECT count(*) AS n, coalesce(sum(amount_fen), 0) AS fen FROM subsidies s
    WHERE s.voided_at IS NULL AND s.clawed_back_at IS NOT NULL AND substr(s.clawed_back_at, 1, 4) = :yearText
      AND ${IN_REGION('s.region_code')}`,
};

/** Each indicator of the report with its required growth and whether that is met (达标 / 未达标). */
export function evaluationRows(
  report: IndicatorReport,
  parts: ReportParts,
  region: string,
  year: number,
): EvaluationSheet['rows'] {
  return INDICATOR_IDS.map((indicator) => {
    const value = report.indicators[indicator];
    const requiredGrowth = parts.targets.requiredGrowth(region, indicator, year);
    const measured = indicator === 'I3a' || indicator === 'I3b' ? value.year : value.avgGrowth;
    return { indicator, ...value, requiredGrowth, growthMet: meetsRequirement(measured, requiredGrowth) };
  });
}

/** The sheet of a region (or the province) and year, on the desk's store or the province's of either backend. */
export async function computeEvaluation(
  db: ProvinceDb,
  region: string,
  year: number,
  today: string,
): Promise<EvaluationSheet> {
  const parts = await provinceReportParts(db, region, year);
  const report = buildReport(region, year, parts);
  const rows = evaluationRows(report, parts, region, year);

  const params = { region, from: `${year}-01-01`, to: `${year}-12-31`, yearText: String(year) };
  const read = <T>(sql: string) => {
    const query = positional(sql, params);
    return db.get<T>(query.sql, query.values) as Promise<T>;
  };
  const count = async (sql: string) => num((await read<{ n: number }>(sql)).n);
  const clawed = await read<{ n: number; fen: number }>(SQL.clawedBack);
  const subsidyFrauds = num(clawed.n);
  const confirmedAnomalies = await count(SQL.confirmed);

  const { scheme, version } = await readScoring(db);
  const withRequirement = rows.filter((r) => r.growthMet !== null);
  const score = scoreSheet(scheme, {
    completion: Object.fromEntries(rows.map((r) => [r.indicator, r.completion])),
    growthChecks: { required: withRequirement.length, met: withRequirement.filter((r) => r.growthMet).length },
    confirmedAnomalies,
    subsidyFrauds,
  });
  return {
    region,
    regionName: regionName(region) ?? region,
    year,
    generatedOn: today,
    rows,
    dealsUnderReview: await count(SQL.underReview),
    confirmedAnomalies,
    subsidyFrauds,
    clawedBackFen: num(clawed.fen),
    score,
    schemeVersion: version,
  };
}
