import type Database from 'better-sqlite3';

/**
 * Starts a deferral of derived tables kept by triggers (indicator facts, migration 13; search indexes, migration 24)
 * for a large write: while the deferral table holds its row the triggers only note what changed, and the returned
 * function removes the row, whose delete trigger brings everything noted up to date in one set-based pass. Must run
 * inside the writer's transaction, so that no other connection ever sees the derived tables behind.
 */
export function startDeferral(db: Database.Database, table: 'indicator_deferral' | 'search_deferral'): () => void {
  if (!db.inTransaction) throw new Error(`${table} must be started inside a transaction`);
  db.prepare(`INSERT INTO ${table} (id) VALUES (1)`).run();
  // Named, so that a CPU profile shows the set-based pass under it (bench/cpuProfileTop.ts).
  return function endDeferral() {
    if (db.inTransaction) db.prepare(`DELETE FROM ${table}`).run();
  };
}
