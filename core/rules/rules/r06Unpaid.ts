import { addDays, daysBetween } from '../../../shared/domain/dates';
import { formatWan } from '../../../shared/domain/money';
import { candidate, dealSubject } from '../candidate';
import { inScope, scopeParams } from '../sql';
import type { RuleModule } from '../types';
import { statement } from '../../store/statements';

interface UnpaidRow {
  id: string;
  contractNo: string;
  regionCode: string;
  amountFen: number;
  contractDate: string;
  receivedFen: number;
  /** JSON: the deal's live payments in date order. */
  payments: string;
}

/**
 * R06: received below P % of the contract amount once D days have passed since the contract date, as of the scan
 * day. Payments dated after the scan day do not count yet; a zero contract amount cannot be underpaid (R04's).
 */
export const r06Unpaid: RuleModule = {
  id: 'R06',
  run(run) {
    const { r06MinPaidPercent: percent, r06AfterDays: afterDays } = run.thresholds;
    // received / amount < percent / 100, compared in SQL (分 × 100 stays far below 2^53) so that only the unpaid
    // deals come back from a million. Nearly every deal is old enough and priced: a full scan reads the deals in
    // turn (NOT INDEXED), since any index's order — date, amount, the live party pairs — would fetch a million deal
    // rows at random; a check after a save finds its deals by id.
    // The deals are a subquery that SQLite must not flatten (LIMIT -1), so that each deal's sum is computed once;
    // the payments a reviewer sees come with the unpaid deals in the same statement.
    const unpaid = statement(
      run.db,
      `SELECT u.*, (SELECT json_group_array(json_object('date', paid_date, 'amountFen', amount_fen, 'voucherNo', voucher_no))
             FROM (SELECT paid_date, amount_fen, voucher_no FROM payments WHERE deal_id = u.id AND voided_at IS NULL ORDER BY paid_date, id)) AS payments
         FROM (
           SELECT d.id, d.contract_no AS contractNo, d.region_code AS regionCode, d.amount_fen AS amountFen, d.contract_date AS contractDate,
             coalesce((SELECT sum(p.amount_fen) FROM payments p WHERE p.deal_id = d.id AND p.voided_at IS NULL AND p.paid_date <= @asOf), 0) AS receivedFen
           FROM deals d ${run.dealIds === null ? 'NOT INDEXED' : ''}
           WHERE +d.contract_date <= @signedBy AND d.voided_at IS NULL AND +d.amount_fen > 0 AND ${inScope('d.id', run.dealIds)}
           LIMIT -1) u
         WHERE receivedFen * 100 < @percent * amountFen`,
    ).all({
      asOf: run.asOf,
      signedBy: addDays(run.asOf, -afterDays),
      percent,
      ...scopeParams(run.dealIds),
    }) as UnpaidRow[];
    return unpaid.map((r) => {
      const days = daysBetween(r.contractDate, run.asOf);
      const paidPercent = Math.floor((r.receivedFen * 10000) / r.amountFen) / 100;
      return candidate(
        'R06',
        r.regionCode,
        [dealSubject(r.id, r.contractNo)],
        `合同 ${r.contractNo} 签订已 ${days} 天（截至 ${run.asOf}），成交金额 ${formatWan(r.amountFen)}，实际到账 ${formatWan(r.receivedFen)}（${paidPercent}%），低于 ${percent}%。`,
        {
          asOf: run.asOf,
          contractDate: r.contractDate,
          daysSinceContract: days,
          amountFen: r.amountFen,
          receivedFen: r.receivedFen,
          paidPercent,
          minPaidPercent: percent,
          afterDays,
          payments: JSON.parse(r.payments) as unknown[],
        },
      );
    });
  },
};
