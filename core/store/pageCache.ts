import type Database from 'better-sqlite3';

/**
 * Runs a large write with a page cache of `mebibytes` on this connection, then gives the memory back. A big import
 * touches every index of the deals table at random places: with the default 2 MB cache most of those pages are read
 * again from the file for each row.
 */
export function withPageCache<T>(db: Database.Database, mebibytes: number, fn: () => T): T {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${-mebibytes * 1024}`);
  try {
    return fn();
  } finally {
    db.pragma(`cache_size = ${before}`);
  }
}
