/** The counted deals behind a chart (I1 or I2 of a region and year, optionally one industry or month). */
import type { SqlDialect } from '../store/readPlan';
import type { z } from 'zod';
import type { countedDeals, countedDealsQuery } from '../../shared/contract/indicators';
import type { ProvinceDb } from '../province/store/provinceDb';
import type { ReadHandle } from '../store/store';
import { factQueries, inRegions } from './facts';
import { COUNTED_DEALS_FROM } from './factTables';
import { regionsOf } from './report';

/** Which counted deals: a family's in some regions, recorded between two dates, optionally of one industry. */
export interface CountedDealsFilter {
  family: 'I1' | 'I2';
  regions: readonly string[];
  from: string;
  to: string;
  industry?: string;
  /** How many ids to list, the latest recorded first. */
  limit: number;
}

/** How many deals and patents the filter counts, and the ids of the latest `limit` of them. */
export interface CountedDealIds {
  total: number;
  patents: number;
  ids: string[];
}

/** The filter's SQL over the deal rows of `from` (each with id, patents, recorded, industry) and its parameters. */
function countedDealsSql(from: string, filter: CountedDealsFilter) {
  const where = filter.industry === undefined ? '' : ' WHERE c.industry = :industry';
  const params = {
    family: filter.family,
    from: filter.from,
    to: filter.to,
    ...(filter.industry === undefined ? {} : { industry: filter.industry }),
  };
  return {
    totals: `SELECT count(*) AS total, coalesce(sum(c.patents), 0) AS patents FROM (${from}) c${where}`,
    ids: `SELECT c.id FROM (${from}) c${where} ORDER BY c.recorded DESC, c.id LIMIT ${filter.limit}`,
    params,
  };
}

/** The counted deals from the records, by the definition (facts.ts), in either dialect. */
export function countedDealsFromScratch(dialect: SqlDialect, filter: CountedDealsFilter) {
  const family = filter.family === 'I1' ? 'countedI1' : 'countedI2';
  return countedDealsSql(inRegions(factQueries(dialect)[family], filter.regions), filter);
}

/** On SQLite: the counted deals from the fact table the triggers keep (factTables.ts), one row per counted deal. */
export function readCountedDealIds(db: ReadHandle, filter: CountedDealsFilter): CountedDealIds {
  const rows = inRegions(
    `SELECT f.deal_id AS id, f.patent_count AS patents, f.recordation_date AS recorded, f.industry AS industry
     ${COUNTED_DEALS_FROM} AND f.recordation_date BETWEEN :from AND :to`,
    filter.regions,
  );
  const sql = countedDealsSql(rows, filter);
  const totals = db.prepare(sql.totals).get(sql.params) as { total: number; patents: number };
  const ids = db.prepare(sql.ids).pluck().all(sql.params) as string[];
  return { ...totals, ids };
}

type Query = z.output<typeof countedDealsQuery>;

/** The chart's list, on the store of either backend: the counted deals (DerivedData.countedDeals), then their rows. */
export async function listCountedDeals(db: ProvinceDb, query: Query): Promise<z.output<typeof countedDeals>> {
  const { ids, ...totals } = await db.derived.countedDeals({
    family: query.family,
    regions: regionsOf(query.region),
    from: query.month ? `${query.month}-01` : `${query.year}-01-01`,
    to: query.month ? `${query.month}-31` : `${query.year}-12-31`,
    industry: query.industry,
    limit: query.limit,
  });
  if (ids.length === 0) return { ...totals, rows: [] };
  const rows = await db.all<z.output<typeof countedDeals>['rows'][number]>(
    `SELECT d.id, d.contract_no AS "contractNo", d.kind, d.recordation_date AS "recordationDate",
       a.name AS "assignorName", b.name AS "assigneeName", d.industry, d.patent_count AS "patentCount",
       d.amount_fen AS "amountFen"
     FROM deals d JOIN organizations a ON a.id = d.assignor_id JOIN organizations b ON b.id = d.assignee_id
     WHERE d.id IN (${ids.map(() => '?').join(', ')}) ORDER BY d.recordation_date DESC, d.id`,
    ids,
  );
  return { ...totals, rows };
}
