import type { ParsedPledge } from '../../shared/contract/filings/pledges';
import type { WriteOutcome } from '../../shared/contract/filings/records';
import type { Writer } from '../service/context';
import { refuseFutureDates } from './checks';
import { findRecord } from './findRecord';
import { resolveParty } from './parties';
import { upsertPatents } from './patents';
import { writeRecordWithPatents } from './recordWithPatents';
import { PLEDGES } from './tables';

export interface RecordOptions {
  /** The installation's region, stored on the record. */
  regionCode: string;
  /** Update this record (a form's edit); without it the record is found by its business number. */
  id?: string;
  actorId?: string | null;
}

/** Creates or updates the pledge keyed by 质押登记号, with its pledgor and patents. */
export function upsertPledge(w: Writer, input: ParsedPledge, options: RecordOptions): WriteOutcome {
  refuseFutureDates(w, [['registrationDate', '登记日期', input.registrationDate]]);
  const existing = findRecord(
    w,
    PLEDGES,
    {
      where: { registration_no: input.registrationNo },
      field: 'registrationNo',
      label: `质押登记号 ${input.registrationNo} `,
    },
    options.id,
  );
  const pledgor = resolveParty(w, input.pledgor, 'pledgor');
  const values = {
    region_code: options.regionCode,
    registration_no: input.registrationNo,
    pledgor_id: pledgor.id,
    pledgee_name: input.pledgeeName,
    amount_fen: input.amountFen,
    registration_date: input.registrationDate,
    term_months: input.termMonths ?? null,
  };
  const patents = upsertPatents(w, input.patents);
  return writeRecordWithPatents(w, PLEDGES, 'pledge', { values, patents, existing, actorId: options.actorId });
}
