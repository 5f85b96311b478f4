import type { Actor, ChangeRecord, Writer } from '../../service/context';
import { recordAudit } from './auditTrail';
import type { ProvinceDb, ProvinceTx } from './provinceDb';
import { sqliteTx } from './sqliteProvinceDb';

/** What a write of the province's workbench sees inside its transaction, on either backend. */
export interface ProvinceWriter {
  tx: ProvinceTx;
  /** ISO timestamp of this transaction. */
  at: string;
  /** Appends to the province's audit chain in this same transaction (the province sends nothing out: no outbox). */
  record(change: Omit<ChangeRecord, 'outbox'>): Promise<void>;
}

/**
 * Runs fn in one transaction of the province's store, every change it records audited as `actor`. On PostgreSQL a
 * transaction that meets another's rows runs again from the start (ProvinceDb.transaction), audit rows included.
 */
export function writeProvince<T>(
  db: ProvinceDb,
  actor: Actor,
  at: string,
  fn: (w: ProvinceWriter) => Promise<T>,
): Promise<T> {
  return db.transaction((tx) => fn({ tx, at, record: (change) => recordAudit(tx, actor, at, change) }));
}

/**
 * A write of the desk's own (SQLite) seen as the province's writer, for province work inside it: the targets the
 * province's workbench saves go out to the cities in the same commit. Its audit rows join the desk writer's chain.
 */
export function provinceWriterOf(w: Writer): ProvinceWriter {
  return { tx: sqliteTx(w.db), at: w.at, record: async (change) => w.record(change) };
}
