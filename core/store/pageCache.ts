import type Database from 'better-sqlite3';

/**
 * Gives this connection a page cache of `mebibytes` for a large write; call what it returns to give the memory back. A big import
 * touches every index of the deals table at random places: with the default 2 MB cache most of those pages are read
 * again from the file for each row.
 */
export function enlargePageCache(db: Database.Database, mebibytes: number): () => void {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${-mebibytes * 1024}`);
  return () => db.pragma(`cache_size = ${before}`);
}
