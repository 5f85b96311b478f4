import type Database from 'better-sqlite3';

/**
 * Rows per multi-row INSERT: 100 rows of the audit log's 9 columns bind 900 values, far below SQLite's limit of
 * 32,766, and one statement's run then costs about as much as a few single-row runs.
 */
export const ROWS_PER_INSERT = 100;

// One prepared statement per connection, table and row count (at most ROWS_PER_INSERT of them per table).
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function insertOf(db: Database.Database, table: string, columns: readonly string[], rows: number): Database.Statement {
  let byConnection = prepared.get(db);
  if (!byConnection) prepared.set(db, (byConnection = new Map()));
  const key = `${table}:${rows}`;
  let insert = byConnection.get(key);
  if (!insert) {
    const row = `(${columns.map(() => '?').join(', ')})`;
    insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(rows).fill(row).join(', ')}`);
    byConnection.set(key, insert);
  }
  return insert;
}

/**
 * Inserts the rows (each one value per column, in `columns` order) in their order, ROWS_PER_INSERT to a statement:
 * SQLite inserts a VALUES list in its order, so an INTEGER PRIMARY KEY AUTOINCREMENT numbers them as row-by-row
 * INSERTs would. `table` and `columns` are the caller's constants, never input.
 */
export function insertRows(
  db: Database.Database,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): void {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    insertOf(db, table, columns, chunk.length).run(chunk.flat());
  }
}
