/** The counted deals behind a chart (I1 or I2 of a region and year, optionally one industry or month). */
import type { z } from 'zod';
import type { countedDeals, countedDealsQuery } from '../../shared/contract/indicators';
import type { ReadHandle } from '../store/store';
import { inRegions } from './facts';
import { COUNTED_DEALS_FROM } from './factTables';
import { regionsOf } from './report';

type Query = z.output<typeof countedDealsQuery>;

export function listCountedDeals(db: ReadHandle, query: Query): z.output<typeof countedDeals> {
  const monthFrom = query.month ? `${query.month}-01` : `${query.year}-01-01`;
  const monthTo = query.month ? `${query.month}-31` : `${query.year}-12-31`;
  const extra = query.industry ? ' AND f.industry = :industry' : '';
  const params = {
    family: query.family,
    from: monthFrom,
    to: monthTo,
    ...(query.industry ? { industry: query.industry } : {}),
  };
  const where = `${COUNTED_DEALS_FROM} AND f.recordation_date BETWEEN :from AND :to${extra}`;
  const totals = db
    .prepare(
      inRegions(
        `SELECT count(*) AS total, coalesce(sum(f.patent_count), 0) AS patents ${where}`,
        regionsOf(query.region),
      ),
    )
    .get(params) as {
    total: number;
    patents: number;
  };
  const ids = (
    db
      .prepare(
        inRegions(
          `SELECT f.deal_id AS id ${where} ORDER BY f.recordation_date DESC, f.deal_id LIMIT ${query.limit}`,
          regionsOf(query.region),
        ),
      )
      .all(params) as { id: string }[]
  ).map((r) => r.id);
  const rows = db
    .prepare(
      `SELECT d.id, d.contract_no AS contractNo, d.kind, d.recordation_date AS recordationDate, a.name AS assignorName,
         b.name AS assigneeName, d.industry, d.patent_count AS patentCount, d.amount_fen AS amountFen
       FROM deals d JOIN organizations a ON a.id = d.assignor_id JOIN organizations b ON b.id = d.assignee_id
       WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY d.recordation_date DESC, d.id`,
    )
    .all(JSON.stringify(ids)) as z.output<typeof countedDeals>['rows'];
  return { ...totals, rows };
}
