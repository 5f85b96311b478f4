import type { WriteOutcome } from '../../shared/contract/filings/records';
import { DeskError } from '../service/errors';
import type { Writer } from '../service/context';
import { refuse } from './checks';
import { linkedPatentNumbers, PATENT_LINKS, type PatentOwner } from './patentLinks';
import { readRow, recordChange } from './recordWriter';
import { VOIDABLE, type VoidableEntity } from './tables';

/**
 * Undoes a 作废: a new version with the void cleared, audited and sent to the province as an upsert (the province
 * keeps the newest version). `seenVersion` is the voided version the user looked at: a record that changed since is
 * refused, as is one whose business number a record entered after the void has taken.
 */
export function restoreRecord(w: Writer, entity: VoidableEntity, id: string, seenVersion: number): WriteOutcome {
  const spec = VOIDABLE[entity];
  const row = readRow(w, spec, id);
  if (!row) throw refuse('id', '找不到要恢复的记录，可能编号有误');
  if (!row.voided_at) throw refuse('id', '该记录未作废，无需恢复');
  if (Number(row.version) !== seenVersion) {
    throw new DeskError(
      'CONFLICT',
      `该记录在您打开后已有变化（现为第 ${String(row.version)} 版），请刷新页面核对后再恢复`,
    );
  }
  const version = seenVersion + 1;
  try {
    w.db
      .prepare(
        `UPDATE ${spec.table} SET voided_at = NULL, void_reason = NULL, version = ?, updated_at = ? WHERE id = ?`,
      )
      .run(version, w.at, id);
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
    throw new DeskError(
      'CONFLICT',
      '作废后已录入了编号相同的另一条记录，不能恢复：请核对两条记录，必要时先作废新录入的那条',
    );
  }
  const extra = entity in PATENT_LINKS ? { patents: linkedPatentNumbers(w.db, entity as PatentOwner, id) } : {};
  recordChange(
    w,
    spec,
    id,
    version,
    'restore',
    { version, voidedAt: row.voided_at, voidReason: row.void_reason },
    extra,
  );
  return { id, version, outcome: 'updated' };
}
