import type { FunnelRow } from '../../shared/contract/matching';
import { select, type ReadPlan, type SqlDialect } from '../store/readPlan';

/** Days from a deal's `since` to its contract date (ISO dates): the one part that differs by dialect. */
const DAYS_BETWEEN: Record<SqlDialect, string> = {
  sqlite: 'julianday(contract_date) - julianday(since)',
  postgres: 'CAST(contract_date AS date) - CAST(since AS date)',
};

/**
 * 供给 → 对接 → 成交 per region for one year (DOMAIN §9): patents pooled that year; pooled patents with a 对接 that
 * year; pooled patents named in a deal contracted that year that a 对接 turned into, or that was contracted on or after
 * the day they were pooled (an open license taken, a deal entered under 交易). Days to deal run from the patent's first 对接 (else the day it was pooled) to the
 * contract date.
 *
 * `together` counts every region's records as one region of that code (the province's total: its averages are over
 * all regions' deals, which an average of the regions' averages is not).
 */
export function* funnel(
  year: number,
  options: { together?: string } = {},
  dialect: SqlDialect = 'sqlite',
): ReadPlan<FunnelRow[]> {
  const y = String(year);
  const rows = yield* select<{
    region_code: string;
    supplies: number;
    matched: number;
    dealt: number;
    days: number | null;
  }>(
    `WITH pool AS (
       SELECT s.id, coalesce(CAST(? AS text), s.region_code) AS region_code, s.patent_number, substr(s.created_at, 1, 10) AS pooled,
              (SELECT min(m.event_date) FROM matchmakings m WHERE m.supply_id = s.id AND m.voided_at IS NULL) AS first_match
         FROM supply_patents s WHERE s.voided_at IS NULL),
     dealt AS (
       SELECT p.id, p.region_code, min(d.contract_date) AS contract_date, coalesce(p.first_match, p.pooled) AS since
         FROM pool p JOIN deal_patents dp ON dp.patent_number = p.patent_number JOIN deals d ON d.id = dp.deal_id
        WHERE d.voided_at IS NULL AND substr(d.contract_date, 1, 4) = ?
          AND (d.contract_date >= p.pooled OR EXISTS (SELECT 1 FROM matchmakings m WHERE m.supply_id = p.id AND m.deal_id = d.id))
        GROUP BY p.id, p.region_code, p.first_match, p.pooled)
     SELECT r.region_code,
            (SELECT count(*) FROM pool WHERE region_code = r.region_code AND substr(pooled, 1, 4) = ?) AS supplies,
            (SELECT count(DISTINCT m.supply_id) FROM matchmakings m JOIN pool ON pool.id = m.supply_id
              WHERE pool.region_code = r.region_code AND m.voided_at IS NULL AND substr(m.event_date, 1, 4) = ?) AS matched,
            (SELECT count(*) FROM dealt WHERE region_code = r.region_code) AS dealt,
            (SELECT avg(${DAYS_BETWEEN[dialect]}) FROM dealt WHERE region_code = r.region_code) AS days
       FROM (SELECT DISTINCT region_code FROM pool) r ORDER BY r.region_code`,
    [options.together ?? null, y, y, y],
  );
  return rows.map((r) => ({
    regionCode: r.region_code,
    year,
    supplies: r.supplies,
    matched: r.matched,
    dealt: r.dealt,
    matchRate: r.supplies > 0 ? r.matched / r.supplies : null,
    dealRate: r.matched > 0 ? r.dealt / r.matched : null,
    avgDaysToDeal: r.days === null ? null : Math.round(r.days * 10) / 10,
  }));
}
