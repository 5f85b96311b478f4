import type { WriteOutcome } from '../../shared/contract/filings/records';
import type { SyncEntity } from '../outbox/outbox';
import type { Writer } from '../service/context';
import { statement } from '../store/statements';

export type Row = Record<string, unknown>;

/** A syncable table: its name, the outbox entity, and which bookkeeping columns it has. */
export interface TableSpec {
  table: string;
  entity: SyncEntity;
  /** Key column: 'id' for records, 'number' for patents. */
  key: 'id' | 'number';
  hasCreatedAt: boolean;
  hasCreatedBy: boolean;
  hasUpdatedBy: boolean;
}

export interface WriteRecordArgs {
  id: string;
  /** The business columns as they should be after the write (bookkeeping columns are added here). */
  values: Row;
  existing: Row | undefined;
  actorId?: string | null;
  /** Changes outside the row itself (a deal's patent list); they count as a change. */
  extraChanges?: Record<string, { from: unknown; to: unknown }>;
  /** Added to the outbox payload after the row's columns (a deal's `patents`). */
  extraPayload?: Row;
}

/** The columns that differ between what is stored and what should be, as {from, to}. */
export function changedFields(existing: Row, values: Row): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [column, to] of Object.entries(values)) {
    const from = existing[column] ?? null;
    if ((to ?? null) !== from) changes[column] = { from, to: to ?? null };
  }
  return changes;
}

export function readRow(w: Pick<Writer, 'db'>, spec: TableSpec, id: string): Row | undefined {
  return statement(w.db, `SELECT * FROM ${spec.table} WHERE ${spec.key} = ?`).get(id) as Row | undefined;
}

/**
 * Inserts a record (version 1) or updates the changed columns (version + 1), and records the change in the audit
 * log and the outbox in the caller's transaction. Nothing changed: nothing is written, not even an audit row.
 */
export function writeRecord(w: Writer, spec: TableSpec, args: WriteRecordArgs): WriteOutcome {
  const { id, values, existing } = args;
  const actorId = args.actorId ?? null;
  if (!existing) {
    const row: Row = { [spec.key]: id, ...values, version: 1, updated_at: w.at };
    if (spec.hasCreatedAt) row.created_at = w.at;
    if (spec.hasCreatedBy) row.created_by = actorId;
    if (spec.hasUpdatedBy) row.updated_by = actorId;
    const columns = Object.keys(row);
    // RETURNING: the stored row (all columns, generated ones too) for the outbox, without reading it back.
    const stored = statement(
      w.db,
      `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) RETURNING *`,
    ).get(row) as Row;
    recordChange(
      w,
      spec,
      id,
      1,
      'create',
      { version: 1, values: { ...values, ...extraValues(args) } },
      args.extraPayload,
      stored,
    );
    return { id, version: 1, outcome: 'new' };
  }
  const changes = { ...changedFields(existing, values), ...(args.extraChanges ?? {}) };
  const version = Number(existing.version);
  if (Object.keys(changes).length === 0) return { id, version, outcome: 'unchanged' };

  const rowChanges: Row = {};
  for (const column of Object.keys(changes)) if (column in values) rowChanges[column] = values[column] ?? null;
  const update: Row = { ...rowChanges, version: version + 1, updated_at: w.at };
  if (spec.hasUpdatedBy) update.updated_by = actorId;
  const assignments = Object.keys(update).map((c) => `${c} = @${c}`);
  const stored = statement(
    w.db,
    `UPDATE ${spec.table} SET ${assignments.join(', ')} WHERE ${spec.key} = @__key RETURNING *`,
  ).get({ ...update, __key: id }) as Row;
  recordChange(w, spec, id, version + 1, 'update', { version: version + 1, changes }, args.extraPayload, stored);
  return { id, version: version + 1, outcome: 'updated' };
}

function extraValues(args: WriteRecordArgs): Row {
  const extra: Row = {};
  for (const [k, change] of Object.entries(args.extraChanges ?? {})) extra[k] = change.to;
  return extra;
}

/**
 * Audit row + outbox row of one version; the payload is the stored row (all columns) plus extras. `stored` is that
 * row when the write returned it; otherwise it is read.
 */
export function recordChange(
  w: Writer,
  spec: TableSpec,
  id: string,
  version: number,
  action: 'create' | 'update' | 'void' | 'restore',
  detail: Row,
  extraPayload: Row = {},
  stored: Row = readRow(w, spec, id) ?? {},
): void {
  w.record({
    action: `${spec.entity}.${action}`,
    entity: spec.entity,
    entityId: id,
    detail,
    outbox: {
      entity: spec.entity,
      entityId: id,
      version,
      op: action === 'void' ? 'void' : 'upsert',
      payload: { ...stored, ...extraPayload },
    },
  });
}
