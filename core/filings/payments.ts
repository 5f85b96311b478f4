import type { ParsedPayment, PaymentLine } from '../../shared/contract/filings/deals';
import type { WriteOutcome } from '../../shared/contract/filings/records';
import { formatFenAsWan } from '../../shared/domain/money';
import type { Writer } from '../service/context';
import { refuse, refuseFutureDates } from './checks';
import { readRow, type Row, writeRecord } from './recordWriter';
import { DEALS, PAYMENTS } from './tables';
import { voidRecord } from './voidRecord';
import { newId } from '../store/ids';
import { statement } from '../store/statements';

type PaymentFields = Omit<ParsedPayment, 'voucherNo'> & { voucherNo?: string | null };

/**
 * Records one payment on a deal, keyed by (deal, 到账日期, 金额, 凭证号): the same payment again is 'unchanged'.
 * Refused: a date before the contract date or in the future; a total above the contract amount unless confirmed.
 * `field` prefixes the messages' field paths (e.g. 'payments.1').
 */
export function upsertPayment(w: Writer, dealId: string, input: PaymentFields, field = ''): WriteOutcome {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const deal = readRow(w, DEALS, dealId);
  if (!deal || deal.voided_at) throw refuse(at('dealId'), '找不到这笔到账所属的交易，或该交易已作废');
  const voucherNo = input.voucherNo?.trim() ?? '';
  refuseFutureDates(w, [[at('paidDate'), '到账日期', input.paidDate]]);
  if (input.paidDate < (deal.contract_date as string)) {
    throw refuse(at('paidDate'), `到账日期不能早于合同日期 ${String(deal.contract_date)}`);
  }
  const existing = statement(
    w.db,
    'SELECT * FROM payments WHERE deal_id = ? AND paid_date = ? AND amount_fen = ? AND voucher_no = ? AND voided_at IS NULL',
  ).get(dealId, input.paidDate, input.amountFen, voucherNo) as Row | undefined;
  if (existing) return { id: existing.id as string, version: existing.version as number, outcome: 'unchanged' };

  const paid = statement(
    w.db,
    'SELECT coalesce(sum(amount_fen), 0) FROM payments WHERE deal_id = ? AND voided_at IS NULL',
    'pluck',
  ).get(dealId) as number;
  const contractFen = deal.amount_fen as number;
  if (paid + input.amountFen > contractFen && !input.confirmOverpayment) {
    throw refuse(
      at('amountFen'),
      `到账金额合计 ${formatFenAsWan(paid + input.amountFen)} 万元超过成交金额 ${formatFenAsWan(contractFen)} 万元，请核实后确认`,
    );
  }
  const values: Row = {
    deal_id: dealId,
    paid_date: input.paidDate,
    amount_fen: input.amountFen,
    voucher_no: voucherNo,
  };
  return writeRecord(w, PAYMENTS, { id: newId(), values, existing: undefined });
}

/** How a payment reads in the deal's history: `2023-03-15 20.00 万元（凭证 PZ-1）`. */
const paymentLabel = (p: { paidDate: string; amountFen: number; voucherNo: string }) =>
  `${p.paidDate} ${formatFenAsWan(p.amountFen)} 万元${p.voucherNo ? `（凭证 ${p.voucherNo}）` : ''}`;

/**
 * The deal's active payments before and after its form's edit, when the list changes: the caseworker edited them in
 * the deal's 修改, so the change is part of the deal's new version and its history (the payments stay records of
 * their own for the province).
 */
export function dealPaymentChange(
  w: Writer,
  dealId: string,
  payments: PaymentLine[],
): { from: string[]; to: string[] } | undefined {
  const stored = statement(
    w.db,
    'SELECT paid_date, amount_fen, voucher_no FROM payments WHERE deal_id = ? AND voided_at IS NULL',
  ).all(dealId) as {
    paid_date: string;
    amount_fen: number;
    voucher_no: string;
  }[];
  const from = stored
    .map((p) => paymentLabel({ paidDate: p.paid_date, amountFen: p.amount_fen, voucherNo: p.voucher_no }))
    .sort();
  const to = payments
    .map((p) => paymentLabel({ paidDate: p.paidDate, amountFen: p.amountFen, voucherNo: p.voucherNo?.trim() ?? '' }))
    .sort();
  return from.join('\n') === to.join('\n') ? undefined : { from, to };
}

const paymentKey = (p: { paid_date: unknown; amount_fen: unknown; voucher_no: unknown }) =>
  `${String(p.paid_date)}|${String(p.amount_fen)}|${String(p.voucher_no)}`;

/**
 * Makes the deal's active payments exactly the given list (the deal form edits them as one list): payments no longer
 * listed are voided, new ones recorded. Overpayment was confirmed, or refused, on the whole list already.
 */
export function replaceDealPayments(
  w: Writer,
  dealId: string,
  payments: PaymentLine[],
  confirmOverpayment: boolean,
): void {
  const wanted = payments.map((p) => ({
    paidDate: p.paidDate,
    amountFen: p.amountFen,
    voucherNo: p.voucherNo?.trim() ?? '',
  }));
  const wantedKeys = new Set(
    wanted.map((p) => paymentKey({ paid_date: p.paidDate, amount_fen: p.amountFen, voucher_no: p.voucherNo })),
  );
  const active = w.db.prepare('SELECT * FROM payments WHERE deal_id = ? AND voided_at IS NULL').all(dealId) as Row[];
  for (const payment of active) {
    if (!wantedKeys.has(paymentKey(payment as never)))
      voidRecord(w, 'payment', payment.id as string, '修改交易时删除了这笔到账');
  }
  wanted.forEach((p, i) => upsertPayment(w, dealId, { ...p, confirmOverpayment }, `payments.${i}`));
}
