/**
 * The refused rows of one import, written to a file as they are found instead of held in memory (a file of
 * 1,000,000 bad rows makes a report of millions of entries), and read back a page at a time in report order: template
 * sheet order, then row, then the order they were found. A SQLite file of its own in the temp folder, not the store:
 * the import's transaction is rolled back when rows are refused, and the report must survive it.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IMPORT_SHEETS, type RejectedRow } from '../../shared/contract/importing';

const CHUNK = 1000;

/** Template sheets in template order; other sheet names after them. */
function sheetOrder(sheet: string): number {
  const i = (IMPORT_SHEETS as readonly string[]).indexOf(sheet);
  return i < 0 ? IMPORT_SHEETS.length : i;
}

export class RejectedSpool {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patent-desk-import-'));
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private pending: RejectedRow[] = [];
  private removed = false;

  constructor() {
    this.db = new Database(path.join(this.dir, 'rejected.db'));
    // A scratch file: nothing to recover after a crash, so no journal and no syncing.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec(`CREATE TABLE rejected (seq INTEGER PRIMARY KEY, sheet_order INTEGER NOT NULL, sheet TEXT NOT NULL,
      row INTEGER NOT NULL, col TEXT NOT NULL, value TEXT NOT NULL, reason TEXT NOT NULL) STRICT;
      CREATE INDEX rejected_order ON rejected (sheet_order, sheet, row, seq);`);
    this.insert = this.db.prepare(
      'INSERT INTO rejected (sheet_order, sheet, row, col, value, reason) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  add(row: RejectedRow): void {
    this.pending.push(row);
    if (this.pending.length >= CHUNK) this.flush();
  }

  private flush(): void {
    const rows = this.pending;
    this.pending = [];
    if (rows.length === 0 || this.removed) return;
    this.db.transaction(() => {
      for (const r of rows) this.insert.run(sheetOrder(r.sheet), r.sheet, r.row, r.column, r.value, r.reason);
    })();
  }

  /** How many entries (a row may have several, one per refused column). */
  count(): number {
    this.flush();
    return this.db.prepare('SELECT count(*) FROM rejected').pluck().get() as number;
  }

  /** Refused rows (not entries) per sheet. */
  rowsPerSheet(): Map<string, number> {
    this.flush();
    const rows = this.db.prepare('SELECT sheet, count(DISTINCT row) FROM rejected GROUP BY sheet').raw().all() as [
      string,
      number,
    ][];
    return new Map(rows);
  }

  /** Entries `offset` to `offset + limit` in report order. */
  page(offset: number, limit: number): RejectedRow[] {
    this.flush();
    return this.db
      .prepare(
        `SELECT sheet, row, col AS "column", value, reason FROM rejected
         ORDER BY sheet_order, sheet, row, seq LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as RejectedRow[];
  }

  /** Every entry in report order, a page at a time. */
  *all(pageSize = 2000): Generator<RejectedRow> {
    for (let offset = 0; ; offset += pageSize) {
      const rows = this.page(offset, pageSize);
      yield* rows;
      if (rows.length < pageSize) return;
    }
  }

  remove(): void {
    if (this.removed) return;
    this.removed = true;
    this.db.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
