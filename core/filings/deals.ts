import type { z } from 'zod';
import { checkDeal, type ParsedDeal } from '../../shared/contract/filings/deals';
import type { WriteOutcome } from '../../shared/contract/filings/records';
import type { Writer } from '../service/context';
import { refuse, refuseFutureDates } from './checks';
import { resolveParty } from './parties';
import { upsertPatents } from './patents';
import { findRecord } from './findRecord';
import type { Row } from './recordWriter';
import { writeRecordWithPatents } from './recordWithPatents';
import { DEALS } from './tables';
import { statement } from '../store/statements';

/** A deal without its payments: payments are their own records (upsertPayment). */
export type DealRecord = Omit<ParsedDeal, 'payments' | 'confirmOverpayment'> &
  Partial<Pick<ParsedDeal, 'payments' | 'confirmOverpayment'>>;

export interface UpsertDealOptions {
  /** The installation's region: deals are keyed by (region, 合同编号). */
  regionCode: string;
  /** Update this deal (a form's edit); without it the deal is found by its contract number. */
  id?: string;
  actorId?: string | null;
  /** The payments edited with the deal, when they differ from the stored ones: part of the deal's new version. */
  paymentChange?: { from: string[]; to: string[] };
}

/** The checks of the contract schema, again: the importer builds inputs itself and core never trusts a caller. */
function refuseInconsistentDeal(input: DealRecord): void {
  const issues: { path?: PropertyKey[]; message?: string }[] = [];
  const ctx = {
    addIssue: (issue: { path?: PropertyKey[]; message?: string }) => issues.push(issue),
  } as unknown as z.RefinementCtx;
  checkDeal({ ...input, payments: input.payments ?? [], confirmOverpayment: input.confirmOverpayment ?? null }, ctx);
  const first = issues[0];
  if (first) throw refuse((first.path ?? []).map(String).join('.'), first.message ?? '输入有误');
}

/**
 * Creates or updates the deal keyed by (installation region, 合同编号), with its parties and patents. Unchanged input
 * writes nothing. Organizations and patents reach the outbox before the deal that names them (same transaction).
 */
export function upsertDeal(w: Writer, input: DealRecord, options: UpsertDealOptions): WriteOutcome {
  refuseInconsistentDeal(input);
  refuseFutureDates(w, [
    ['contractDate', '合同日期', input.contractDate],
    ['recordationDate', '备案（登记）日期', input.recordationDate],
  ]);
  const existing = findRecord(
    w,
    DEALS,
    {
      where: { region_code: options.regionCode, contract_no: input.contractNo },
      field: 'contractNo',
      label: `合同编号 ${input.contractNo} `,
    },
    options.id,
  );
  const assignor = resolveParty(w, input.assignor, 'assignor');
  const assignee = resolveParty(w, input.assignee, 'assignee');
  // The same party on both sides is recorded as entered: it is an anomaly for review (R03), not a typing error to refuse.
  const patents = upsertPatents(w, input.patents);
  const assigneeSize =
    input.assigneeSize ??
    (statement(w.db, 'SELECT size FROM organizations WHERE id = ?', 'pluck').get(assignee.id) as string | null);

  const values: Row = {
    region_code: options.regionCode,
    contract_no: input.contractNo,
    kind: input.kind,
    license_mode: input.kind === '许可' ? (input.licenseMode ?? null) : null,
    assignor_id: assignor.id,
    assignee_id: assignee.id,
    assignee_size: assigneeSize ?? null,
    industry: input.industry,
    contract_date: input.contractDate,
    recordation_date: input.recordationDate ?? null,
    amount_fen: input.amountFen,
    license_end_date: input.licenseEndDate ?? null,
    patent_count: patents.length,
  };
  const extraChanges = options.paymentChange && { payments: options.paymentChange };
  return writeRecordWithPatents(w, DEALS, 'deal', {
    existing,
    values,
    patents,
    actorId: options.actorId,
    extraChanges,
  });
}
