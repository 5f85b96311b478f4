import type { Writer } from '../service/context';
import { refuse } from './checks';
import { readRow, type Row, type TableSpec } from './recordWriter';
import { statement } from '../store/statements';

export interface RecordKey {
  /** Column → value of the business key among active records (e.g. registration_no). */
  where: Record<string, unknown>;
  /** The key's input field and its Chinese name, for the message when an edit takes another record's key. */
  field: string;
  label: string;
}

/** The active record with this business key, or — for an edit — the record `id`, refusing a key taken by another. */
export function findRecord(w: Writer, spec: TableSpec, key: RecordKey, id?: string): Row | undefined {
  const columns = Object.keys(key.where);
  const byKey = statement(
    w.db,
    `SELECT * FROM ${spec.table} WHERE ${columns.map((c) => `${c} = @${c}`).join(' AND ')} AND voided_at IS NULL`,
  ).get(key.where) as Row | undefined;
  if (!id) return byKey;
  const byId = readRow(w, spec, id);
  if (!byId) throw refuse('id', '找不到要修改的记录，可能编号有误');
  if (byId.voided_at) throw refuse('id', '该记录已作废，不能修改');
  if (byKey && byKey.id !== byId.id) throw refuse(key.field, `${key.label}已被另一条记录使用`);
  return byId;
}
