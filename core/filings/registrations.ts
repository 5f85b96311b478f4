import type { ParsedRegistration, WriteOutcome } from '../../shared/contract/filings';
import type { Writer } from '../service/context';
import { refuseFutureDates } from './checks';
import { findRecord } from './findRecord';
import { resolveParty } from './parties';
import { relinkPatents } from './patentLinks';
import { upsertPatents } from './patents';
import type { RecordOptions } from './pledges';
import { writeRecord } from './recordWriter';
import { REGISTRATIONS } from './tables';
import { newId } from '../store/ids';
import { statement } from './statements';

/** Creates or updates the patent product registration keyed by 备案号, with its enterprise and patents. */
export function upsertRegistration(w: Writer, input: ParsedRegistration, options: RecordOptions): WriteOutcome {
  refuseFutureDates(w, [['registrationDate', '备案日期', input.registrationDate]]);
  const existing = findRecord(
    w,
    REGISTRATIONS,
    { where: { registration_no: input.registrationNo }, field: 'registrationNo', label: `备案号 ${input.registrationNo} ` },
    options.id,
  );
  const enterprise = resolveParty(w, input.enterprise, 'enterprise');
  const size = input.enterpriseSize ?? (statement(w.db, 'SELECT size FROM organizations WHERE id = ?', true).get(enterprise.id) as string | null);
  const patents = upsertPatents(w, input.patents);
  const id = (existing?.id as string | undefined) ?? newId();
  const relink = relinkPatents(w, 'registration', id, patents, !existing);
  const outcome = writeRecord(w, REGISTRATIONS, {
    id,
    existing,
    actorId: options.actorId,
    values: {
      region_code: options.regionCode,
      registration_no: input.registrationNo,
      enterprise_id: enterprise.id,
      enterprise_size: size ?? null,
      product_name: input.productName,
      registration_date: input.registrationDate,
      output_value_fen: input.outputValueFen ?? null,
    },
    extraChanges: existing ? relink?.change : undefined,
    extraPayload: { patents },
  });
  relink?.apply();
  return outcome;
}
