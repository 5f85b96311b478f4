import type { ParsedSubsidy } from '../../shared/contract/filings/subsidies';
import type { WriteOutcome } from '../../shared/contract/filings/records';
import type { Writer } from '../service/context';
import { refuse, refuseFutureDates } from './checks';
import { findRecord } from './findRecord';
import { resolveParty } from './parties';
import type { RecordOptions } from './pledges';
import { writeRecord } from './recordWriter';
import { SUBSIDIES } from './tables';
import { newId } from '../store/ids';
import { statement } from '../store/statements';

function linkedId(w: Writer, sql: string, params: unknown[], field: string, message: string): string | null {
  const id = statement(w.db, sql, 'pluck').get(...params) as string | undefined;
  if (!id) throw refuse(field, message);
  return id;
}

/** Creates or updates the subsidy keyed by 奖补编号; the deal and pledge it rewards are linked by their numbers. */
export function upsertSubsidy(w: Writer, input: ParsedSubsidy, options: RecordOptions): WriteOutcome {
  refuseFutureDates(w, [['grantedDate', '奖补日期', input.grantedDate]]);
  const existing = findRecord(
    w,
    SUBSIDIES,
    { where: { subsidy_no: input.subsidyNo }, field: 'subsidyNo', label: `奖补编号 ${input.subsidyNo} ` },
    options.id,
  );
  const recipient = resolveParty(w, input.recipient, 'recipient');
  const dealId = input.dealContractNo
    ? linkedId(
        w,
        'SELECT id FROM deals WHERE region_code = ? AND contract_no = ? AND voided_at IS NULL',
        [options.regionCode, input.dealContractNo],
        'dealContractNo',
        `找不到合同编号为 ${input.dealContractNo} 的交易，请先录入该交易或核对编号`,
      )
    : null;
  const pledgeId = input.pledgeRegistrationNo
    ? linkedId(
        w,
        'SELECT id FROM pledges WHERE registration_no = ? AND voided_at IS NULL',
        [input.pledgeRegistrationNo],
        'pledgeRegistrationNo',
        `找不到质押登记号为 ${input.pledgeRegistrationNo} 的质押，请先录入该质押或核对编号`,
      )
    : null;
  return writeRecord(w, SUBSIDIES, {
    id: (existing?.id as string | undefined) ?? newId(),
    existing,
    actorId: options.actorId,
    values: {
      region_code: options.regionCode,
      subsidy_no: input.subsidyNo,
      recipient_id: recipient.id,
      program_name: input.programName,
      amount_fen: input.amountFen,
      granted_date: input.grantedDate,
      deal_id: dealId,
      pledge_id: pledgeId,
    },
  });
}
