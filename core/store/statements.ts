import type { Statement } from 'better-sqlite3';
import type { ReadHandle } from './store';

// Preparing a statement costs more than running it: a write of one record runs a dozen small statements (an import of
// 100,000 rows prepared them over a million times), and compiling the rules' SQL costs more than running it for one
// deal. Each connection keeps its own, prepared once.
const cache = new WeakMap<ReadHandle, Map<string, Statement>>();

/** How rows come back: `pluck` the first column, `raw` arrays. Each mode is its own statement (the mode sticks). */
export type StatementMode = 'rows' | 'pluck' | 'raw';

/** The prepared statement for this SQL on this connection. */
export function statement(db: ReadHandle, sql: string, mode: StatementMode = 'rows'): Statement {
  let byConnection = cache.get(db);
  if (!byConnection) {
    byConnection = new Map();
    cache.set(db, byConnection);
  }
  const key = `${mode}:${sql}`;
  let prepared = byConnection.get(key);
  if (!prepared) {
    prepared = db.prepare(sql);
    if (mode === 'pluck') prepared.pluck();
    if (mode === 'raw') prepared.raw();
    byConnection.set(key, prepared);
  }
  return prepared;
}
