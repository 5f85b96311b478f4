import type Database from 'better-sqlite3';
import { startDeferral } from '../store/deferral';

/**
 * Runs a large write with the deals' indicator facts deferred (migration 13): the triggers only note which deals
 * changed, and the end of the deferral rebuilds them all in one set-based pass, in the same transaction. Must run
 * inside the writer's transaction; the facts are exact again before fn's result is returned, and also when fn
 * throws, so that nothing after it in the transaction can commit facts that are behind.
 */
export function withDeferredDealFacts<T>(db: Database.Database, fn: () => T): T {
  const rebuild = deferDealFacts(db);
  try {
    return fn();
  } finally {
    rebuild();
  }
}

/** The same for a write that spans awaits: starts the deferral and returns what ends it (rebuilding the facts). */
export function deferDealFacts(db: Database.Database): () => void {
  // Removing the row fires indicator_facts_flush, which rebuilds the noted deals.
  return startDeferral(db, 'indicator_deferral');
}
