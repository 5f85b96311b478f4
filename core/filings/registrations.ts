import type { ParsedRegistration } from '../../shared/contract/filings/registrations';
import type { WriteOutcome } from '../../shared/contract/filings/records';
import type { Writer } from '../service/context';
import { refuseFutureDates } from './checks';
import { findRecord } from './findRecord';
import { resolveParty } from './parties';
import { upsertPatents } from './patents';
import type { RecordOptions } from './pledges';
import { writeRecordWithPatents } from './recordWithPatents';
import { REGISTRATIONS } from './tables';
import { statement } from '../store/statements';

/** Creates or updates the patent product registration keyed by 备案号, with its enterprise and patents. */
export function upsertRegistration(w: Writer, input: ParsedRegistration, options: RecordOptions): WriteOutcome {
  refuseFutureDates(w, [['registrationDate', '备案日期', input.registrationDate]]);
  const existing = findRecord(
    w,
    REGISTRATIONS,
    {
      where: { registration_no: input.registrationNo },
      field: 'registrationNo',
      label: `备案号 ${input.registrationNo} `,
    },
    options.id,
  );
  const enterprise = resolveParty(w, input.enterprise, 'enterprise');
  const size =
    input.enterpriseSize ??
    (statement(w.db, 'SELECT size FROM organizations WHERE id = ?', 'pluck').get(enterprise.id) as string | null);
  const values = {
    region_code: options.regionCode,
    registration_no: input.registrationNo,
    enterprise_id: enterprise.id,
    enterprise_size: size ?? null,
    product_name: input.productName,
    registration_date: input.registrationDate,
    output_value_fen: input.outputValueFen ?? null,
  };
  const patents = upsertPatents(w, input.patents);
  return writeRecordWithPatents(w, REGISTRATIONS, 'registration', {
    values,
    patents,
    existing,
    actorId: options.actorId,
  });
}
