import type Database from 'better-sqlite3';
import { statement } from './statements';

/**
 * Rows per multi-row INSERT: 100 rows of the audit log's 9 columns bind 900 values, far below SQLite's limit of
 * 32,766, and one statement's run then costs about as much as a few single-row runs.
 */
export const ROWS_PER_INSERT = 100;

/** The INSERT of `rows` rows, prepared once per connection (at most ROWS_PER_INSERT of them per table). */
function insertOf(db: Database.Database, table: string, columns: readonly string[], rows: number) {
  const row = `(${columns.map(() => '?').join(', ')})`;
  return statement(db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(rows).fill(row).join(', ')}`);
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
