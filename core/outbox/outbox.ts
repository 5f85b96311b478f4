import type Database from 'better-sqlite3';
import type { SyncEntityName } from '../../shared/sync/records';
import { insertRows } from '../store/insertRows';

/** The record kinds that travel to the province: the sync protocol's list (shared/sync/records.ts). */
export type SyncEntity = SyncEntityName;

export interface OutboxEntry {
  entity: SyncEntity;
  entityId: string;
  version: number;
  op: 'upsert' | 'void';
  /** The whole record at this version, as the province stores it. */
  payload: Record<string, unknown>;
}

/** The outbox's columns as `outboxRowValues` lists them. */
export const OUTBOX_COLUMNS = ['entity', 'entity_id', 'version', 'op', 'payload', 'created_at'] as const;

/** The outbox row that carries `entry`, its values in OUTBOX_COLUMNS order (the payload as JSON). */
export function outboxRowValues(entry: OutboxEntry, at: string): unknown[] {
  return [entry.entity, entry.entityId, entry.version, entry.op, JSON.stringify(entry.payload), at];
}

/** Appends one change to the outbox; call it inside the transaction that made the change. */
export function appendOutbox(db: Database.Database, entry: OutboxEntry, at: string): void {
  insertRows(db, 'outbox', OUTBOX_COLUMNS, [outboxRowValues(entry, at)]);
}
