import { candidate, dealSubject } from '../candidate';
import { groupBy } from '../groupBy';
import { dealDate, inScope, naturalExpirySql, scopeParams } from '../sql';
import type { RuleModule } from '../types';
import { statement } from '../../store/statements';

interface ExpiringRow {
  id: string;
  contractNo: string;
  regionCode: string;
  referenceDate: string;
  hasRecordation: number;
  number: string;
  type: string;
  filingDate: string | null;
  status: string;
  expiry: string | null;
  /** Days from the deal's date to the natural expiry (negative: expired before it); null without a filing date. */
  daysToExpiry: number | null;
}

/**
 * R07: a deal names a patent that is lapsed (失效) or expired (届满), or whose natural expiry falls at most N days
 * after the recordation date (or before it). A deal not yet recorded is judged by its contract date, and says so.
 */
export const r07ExpiringPatent: RuleModule = {
  id: 'R07',
  run(run) {
    const withinDays = run.thresholds.r07ExpiryWithinDays;
    // A full scan starts from the few patents that can qualify at all: lapsed, or expiring before the latest deal
    // date plus N days (no deal is dated later). A check after a save starts from its deals.
    // The risky patents are materialized with their expiry (computed once per patent) and drive the join: CROSS JOIN
    // fixes that order, which the planner otherwise turns into a walk over every deal. Every term is at least 20
    // years for an invention and 10 for the other types, so a filing date later than the latest expiry that counts
    // minus that term (with two days to spare for 29 February) rules a patent out before its expiry is computed.
    const expiry = `CASE WHEN p.filing_date IS NOT NULL THEN ${naturalExpirySql('p')} END`;
    const columns = `d.id, d.contract_no AS contractNo, d.region_code AS regionCode, ${dealDate('d')} AS referenceDate,
      d.recordation_date IS NOT NULL AS hasRecordation, p.number, p.type, p.filing_date AS filingDate, p.status, p.expiry,
      CAST(julianday(p.expiry) - julianday(${dealDate('d')}) AS INTEGER) AS daysToExpiry`;
    const qualifies = `d.voided_at IS NULL AND (p.status IN ('失效', '届满') OR p.expiry <= date(${dealDate('d')}, '+' || @withinDays || ' days'))`;
    const sql =
      run.dealIds === null
        ? `WITH latest AS (SELECT date(max(coalesce((SELECT max(recordation_date) FROM deals), ''), (SELECT max(contract_date) FROM deals)),
               '+' || @withinDays || ' days') AS expiry),
             bounds AS (SELECT expiry, date(expiry, '+2 days', '-20 years') AS invention, date(expiry, '+2 days', '-10 years') AS other FROM latest),
             risky AS MATERIALIZED (SELECT p.number, p.type, p.filing_date, p.status, ${expiry} AS expiry FROM patents p, bounds b
               WHERE p.status IN ('失效', '届满')
                 OR (p.filing_date <= CASE p.type WHEN '发明' THEN b.invention ELSE b.other END AND ${naturalExpirySql('p')} <= b.expiry))
           SELECT ${columns} FROM risky p CROSS JOIN deal_patents dp ON dp.patent_number = p.number CROSS JOIN deals d ON d.id = dp.deal_id
           WHERE ${qualifies}`
        : `SELECT ${columns} FROM deals d JOIN deal_patents dp ON dp.deal_id = d.id
             JOIN (SELECT p.number, p.type, p.filing_date, p.status, ${expiry} AS expiry FROM patents p) p ON p.number = dp.patent_number
           WHERE ${inScope('d.id', run.dealIds)} AND ${qualifies}`;
    const rows = statement(run.db, `${sql} ORDER BY d.id, dp.position`).all({
      withinDays,
      ...scopeParams(run.dealIds),
    }) as ExpiringRow[];
    const byDeal = groupBy(rows, (r) => r.id);
    return [...byDeal.values()].map((patents) => {
      const d = patents[0]!;
      const dateLabel = d.hasRecordation ? '备案日' : '合同日（尚未备案）';
      const findings = patents.map((p) => {
        const { daysToExpiry } = p;
        const reason =
          p.status === '失效' || p.status === '届满'
            ? `状态为${p.status}`
            : daysToExpiry! < 0
              ? `已于 ${p.expiry} 到期（${dateLabel}之前）`
              : `将于 ${p.expiry} 到期（${dateLabel}后 ${daysToExpiry} 天）`;
        return {
          number: p.number,
          type: p.type,
          status: p.status,
          filingDate: p.filingDate,
          naturalExpiry: p.expiry,
          daysToExpiry,
          reason,
        };
      });
      return candidate(
        'R07',
        d.regionCode,
        [dealSubject(d.id, d.contractNo)],
        `合同 ${d.contractNo} 的专利${findings.map((f) => ` ${f.number} ${f.reason}`).join('；')}（${dateLabel} ${d.referenceDate}，监测期 ${withinDays} 天）。`,
        {
          referenceDate: d.referenceDate,
          referenceIsRecordation: Boolean(d.hasRecordation),
          withinDays,
          patents: findings,
        },
      );
    });
  },
};
