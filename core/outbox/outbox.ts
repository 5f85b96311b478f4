import type Database from 'better-sqlite3';
import type { SyncEntityName } from '../../shared/sync/records';

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

const inserts = new WeakMap<Database.Database, Database.Statement>();

/** Appends one change to the outbox; call it inside the transaction that made the change. */
export function appendOutbox(db: Database.Database, entry: OutboxEntry, at: string): void {
  let insert = inserts.get(db);
  if (!insert) {
    insert = db.prepare(
      'INSERT INTO outbox (entity, entity_id, version, op, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    inserts.set(db, insert);
  }
  insert.run(entry.entity, entry.entityId, entry.version, entry.op, JSON.stringify(entry.payload), at);
}
