import type { Statement } from 'better-sqlite3';
import type { ReadHandle } from '../store/store';

// Preparing a statement costs more than running it: a write of one record runs a dozen small statements, so an
// import of 100,000 rows prepared them over a million times. Each connection keeps its own, prepared once.
const cache = new WeakMap<ReadHandle, Map<string, Statement>>();

/** The prepared statement for this SQL on this connection; `pluck` ones are kept apart (pluck changes the statement). */
export function statement(db: ReadHandle, sql: string, pluck = false): Statement {
  let byConnection = cache.get(db);
  if (!byConnection) {
    byConnection = new Map();
    cache.set(db, byConnection);
  }
  const key = pluck ? `pluck:${sql}` : sql;
  let prepared = byConnection.get(key);
  if (!prepared) {
    prepared = pluck ? db.prepare(sql).pluck() : db.prepare(sql);
    byConnection.set(key, prepared);
  }
  return prepared;
}
