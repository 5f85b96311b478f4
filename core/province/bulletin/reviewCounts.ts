/**
 * The review side of the 定期通报, per region: confirmed anomalies and the deals they took out of the indicators, and
 * the deals still under review, over the cumulative period (deals recorded from 2021 to the period's end). A flag is
 * attributed to the region of each deal it concerns — at the province a cross-city finding concerns two cities, and
 * each is told about it — while the province's own count takes every flag once.
 */
import type { ProvinceSql } from '../store/provinceDb';
import { positional } from '../store/provinceFacts';
import { rollup } from '../../indicators/evaluation';
import { num } from '../../indicators/facts';

export interface ReviewCounts {
  confirmedAnomalies: number;
  dealsRemoved: number;
  dealsUnderReview: number;
}

const CONFIRMED_DEALS = `SELECT fs.entity_id FROM anomaly_flags af JOIN flag_subjects fs ON fs.flag_id = af.id
  WHERE af.status = '确认异常' AND fs.entity = 'deal'`;

const SUBJECT_DEALS = `FROM anomaly_flags af JOIN flag_subjects fs ON fs.flag_id = af.id AND fs.entity = 'deal'
  JOIN deals d ON d.id = fs.entity_id
  WHERE d.voided_at IS NULL AND d.recordation_date BETWEEN :from AND :to`;

/** `region`: group by the deal's region, or one row for the whole store. */
const sql = (region: string) => ({
  confirmed: `SELECT ${region} AS region, count(DISTINCT af.id) AS flags, count(DISTINCT d.id) AS deals
    ${SUBJECT_DEALS} AND af.status = '确认异常' GROUP BY 1`,
  underReview: `SELECT ${region} AS region, count(DISTINCT d.id) AS deals
    ${SUBJECT_DEALS} AND af.status IN ('待审核','需补充材料') AND d.id NOT IN (${CONFIRMED_DEALS}) GROUP BY 1`,
});

type Row = { region: string; flags?: number; deals: number };

async function countsBy(
  db: ProvinceSql,
  region: string,
  range: { from: string; to: string },
): Promise<Map<string, ReviewCounts>> {
  const queries = sql(region);
  const out = new Map<string, ReviewCounts>();
  const entry = (code: string) => {
    let counts = out.get(code);
    if (!counts) out.set(code, (counts = { confirmedAnomalies: 0, dealsRemoved: 0, dealsUnderReview: 0 }));
    return counts;
  };
  const rows = (text: string) => {
    const query = positional(text, range);
    return db.all<Row>(query.sql, query.values);
  };
  for (const row of await rows(queries.confirmed))
    Object.assign(entry(row.region), { confirmedAnomalies: num(row.flags), dealsRemoved: num(row.deals) });
  for (const row of await rows(queries.underReview)) entry(row.region).dealsUnderReview = num(row.deals);
  return out;
}

export function reviewCountsByRegion(
  db: ProvinceSql,
  range: { from: string; to: string },
): Promise<Map<string, ReviewCounts>> {
  return countsBy(db, rollup('d.region_code'), range);
}

export async function reviewCountsOverall(db: ProvinceSql, range: { from: string; to: string }): Promise<ReviewCounts> {
  return (
    (await countsBy(db, `'all'`, range)).get('all') ?? { confirmedAnomalies: 0, dealsRemoved: 0, dealsUnderReview: 0 }
  );
}
