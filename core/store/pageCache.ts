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

/**
 * Keeps this connection's temporary files in memory for a large write; call what it returns to go back. Each INSERT
 * that fires a trigger (a deal, a patent, a party: the indicator and search-index triggers) keeps a statement journal
 * of the pages it changes, and a deal's row changes a page of each of its ~17 indexes: more than SQLite keeps in
 * memory before it spills the journal to a temporary file, so each such INSERT wrote and truncated a file. The journal
 * lives only while one statement runs. Must be called outside a transaction (SQLite refuses to change it inside one),
 * and drops the connection's TEMP tables: the store keeps none (an import stages its rows in a file of its own).
 */
export function keepTempFilesInMemory(db: Database.Database): () => void {
  if (db.inTransaction) return () => {};
  const before = db.pragma('temp_store', { simple: true }) as number;
  db.pragma('temp_store = MEMORY');
  return () => {
    if (!db.inTransaction) db.pragma(`temp_store = ${before}`);
  };
}
