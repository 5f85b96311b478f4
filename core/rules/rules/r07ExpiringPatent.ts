import { daysBetween } from '../../../shared/domain/dates';
import { candidate, dealSubject } from '../candidate';
import { groupBy } from '../groupBy';
import { dealDate, inScope, naturalExpirySql, scopeParams } from '../sql';
import type { RuleModule } from '../types';
import { prepared } from '../prepared';

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
    // The risky patents are materialized and drive the join (else the planner walks every deal in id order); every
    // term is at least 10 years, so a filing date later than the latest expiry that counts minus 10 years (with two
    // days to spare for 29 February) rules a patent out before its expiry is computed.
    const risky =
      run.dealIds === null
        ? `WITH latest AS (SELECT date(max(coalesce((SELECT max(recordation_date) FROM deals), ''), (SELECT max(contract_date) FROM deals)),
               '+' || @withinDays || ' days') AS expiry),
           risky AS MATERIALIZED (SELECT p.number FROM patents p, latest WHERE p.status IN ('失效', '届满')
             OR (p.filing_date <= date(latest.expiry, '+2 days', '-10 years') AND ${naturalExpirySql('p')} <= latest.expiry))`
        : '';
    const from =
      run.dealIds === null
        ? `risky JOIN deal_patents dp ON dp.patent_number = risky.number
           JOIN deals d ON d.id = dp.deal_id
           JOIN patents p ON p.number = dp.patent_number`
        : `deals d JOIN deal_patents dp ON dp.deal_id = d.id JOIN patents p ON p.number = dp.patent_number`;
    const rows = prepared(run.db,
        `${risky} SELECT d.id, d.contract_no AS contractNo, d.region_code AS regionCode, ${dealDate('d')} AS referenceDate,
           d.recordation_date IS NOT NULL AS hasRecordation, p.number, p.type, p.filing_date AS filingDate, p.status,
           CASE WHEN p.filing_date IS NOT NULL THEN ${naturalExpirySql('p')} END AS expiry
         FROM ${from}
         WHERE d.voided_at IS NULL AND ${inScope('d.id', run.dealIds)}
           AND (p.status IN ('失效', '届满')
             OR (p.filing_date IS NOT NULL AND ${naturalExpirySql('p')} <= date(${dealDate('d')}, '+' || @withinDays || ' days')))
         ORDER BY d.id, dp.position`,
      )
      .all({ withinDays, ...scopeParams(run.dealIds) }) as ExpiringRow[];
    const byDeal = groupBy(rows, (r) => r.id);
    return [...byDeal.values()].map((patents) => {
      const d = patents[0]!;
      const dateLabel = d.hasRecordation ? '备案日' : '合同日（尚未备案）';
      const findings = patents.map((p) => {
        const daysToExpiry = p.expiry === null ? null : daysBetween(d.referenceDate, p.expiry);
        const reason =
          p.status === '失效' || p.status === '届满'
            ? `状态为${p.status}`
            : daysToExpiry! < 0
              ? `已于 ${p.expiry} 到期（${dateLabel}之前）`
              : `将于 ${p.expiry} 到期（${dateLabel}后 ${daysToExpiry} 天）`;
        return { number: p.number, type: p.type, status: p.status, filingDate: p.filingDate, naturalExpiry: p.expiry, daysToExpiry, reason };
      });
      return candidate(
        'R07',
        d.regionCode,
        [dealSubject(d.id, d.contractNo)],
        `合同 ${d.contractNo} 的专利${findings.map((f) => ` ${f.number} ${f.reason}`).join('；')}（${dateLabel} ${d.referenceDate}，监测期 ${withinDays} 天）。`,
        { referenceDate: d.referenceDate, referenceIsRecordation: Boolean(d.hasRecordation), withinDays, patents: findings },
      );
    });
  },
};
