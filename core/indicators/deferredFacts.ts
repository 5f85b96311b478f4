import type Database from 'better-sqlite3';

/**
 * Runs a large write with the deals' indicator facts deferred (migration 13): the triggers only note which deals
 * changed, and the end of the deferral rebuilds them all in one set-based pass, in the same transaction. Must run
 * inside the writer's transaction; the facts are exact again before fn's result is returned, and also when fn
 * throws, so that nothing after it in the transaction can commit facts that are behind.
 */
export function withDeferredDealFacts<T>(db: Database.Database, fn: () => T): T {
  if (!db.inTransaction) throw new Error('withDeferredDealFacts must run inside a transaction');
  db.prepare('INSERT INTO indicator_deferral (id) VALUES (1)').run();
  try {
    return fn();
  } finally {
    // Removing the row fires indicator_facts_flush, which rebuilds the noted deals.
    if (db.inTransaction) db.prepare('DELETE FROM indicator_deferral').run();
  }
}
