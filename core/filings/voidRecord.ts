import type { WriteOutcome } from '../../shared/contract/filings/records';
import type { Writer } from '../service/context';
import { refuse } from './checks';
import { linkedPatentNumbers, PATENT_LINKS, type PatentOwner } from './patentLinks';
import { readRow, recordChange } from './recordWriter';
import { VOIDABLE, type VoidableEntity } from './tables';

/** Voids a record with a reason: a new version in the outbox (op 'void'); nothing is deleted. */
export function voidRecord(w: Writer, entity: VoidableEntity, id: string, reason: string): WriteOutcome {
  const spec = VOIDABLE[entity];
  const row = readRow(w, spec, id);
  if (!row) throw refuse('id', '找不到要作废的记录，可能编号有误');
  if (row.voided_at) throw refuse('id', `该记录已于 ${String(row.voided_at).slice(0, 10)} 作废`);
  const trimmed = reason.trim();
  if (trimmed === '') throw refuse('reason', '请填写作废原因');
  const version = Number(row.version) + 1;
  w.db
    .prepare(`UPDATE ${spec.table} SET voided_at = ?, void_reason = ?, version = ?, updated_at = ? WHERE id = ?`)
    .run(w.at, trimmed, version, w.at, id);
  const extra = entity in PATENT_LINKS ? { patents: linkedPatentNumbers(w.db, entity as PatentOwner, id) } : {};
  recordChange(w, spec, id, version, 'void', { version, reason: trimmed }, extra);
  return { id, version, outcome: 'updated' };
}
