/**
 * The parsed rows of an import file, parked on disk between reading and writing so that memory does not grow with
 * the file: a scratch SQLite file of its own in the temp folder (never the store's own file, and not a TEMP table of
 * the store's connection, whose temporary storage the import keeps in memory while it writes: see runImport). Reading
 * writes them in chunks; writing reads them back a page at a time, the rows of one record (one 合同编号, or one
 * natural key) together, records in the order of their first row — the same groups, in the same order, as holding
 * the whole file.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ParsedRow } from './parseRow';

export interface StagedRow extends ParsedRow {
  /** A cell or a rule of the row itself was refused while reading. */
  bad: boolean;
}

const INSERT_CHUNK = 2000;
const PAGE = 2000;

/** The scratch file's page cache: it is written and read in order, so a small one does. */
const SCRATCH_CACHE_KB = 2048;

export class StagedRows {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patent-desk-staged-'));
  private readonly db: Database.Database;
  private pending: unknown[][] = [];
  private readonly insert: Database.Statement;
  private dropped = false;

  constructor() {
    this.db = new Database(path.join(this.dir, 'rows.db'));
    // Nothing to recover after a crash: no journal and no syncing.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma(`cache_size = ${-SCRATCH_CACHE_KB}`);
    this.db.exec(
      'CREATE TABLE rows (part INTEGER NOT NULL, key TEXT NOT NULL, row_number INTEGER NOT NULL, bad INTEGER NOT NULL, data BLOB NOT NULL)',
    );
    this.insert = this.db.prepare('INSERT INTO rows VALUES (?, ?, ?, ?, ?)');
  }

  add(part: number, key: string, row: ParsedRow, bad: boolean): void {
    this.pending.push([part, key, row.rowNumber, bad ? 1 : 0, serialize([row.raw, row.values])]);
    if (this.pending.length >= INSERT_CHUNK) this.flush();
  }

  /** Writes the buffered rows in one transaction of the scratch file. */
  flush(): void {
    const rows = this.pending;
    this.pending = [];
    if (rows.length === 0 || this.dropped) return;
    this.db.transaction(() => {
      for (const r of rows) this.insert.run(r);
    })();
  }

  /** The groups of one part, a page of rows at a time; a group is never split across pages. */
  *groups(part: number): Generator<StagedRow[][]> {
    this.flush();
    this.db.exec('DROP TABLE IF EXISTS ordered');
    // The order alone (not the rows' data, which would be carried through both sorts): each page then reads its rows
    // by rowid, mostly in file order.
    this.db
      .prepare(
        `CREATE TABLE ordered AS SELECT source, first FROM (
           SELECT rowid AS source, row_number, MIN(row_number) OVER (PARTITION BY key) AS first FROM rows WHERE part = ?
         ) ORDER BY first, row_number`,
      )
      .run(part);
    const page = this.db.prepare(
      `SELECT o.rowid, r.row_number, r.bad, r.data, o.first FROM ordered o JOIN rows r ON r.rowid = o.source
       WHERE o.rowid > ? ORDER BY o.rowid LIMIT ${PAGE}`,
    );
    let after = 0;
    let open: StagedRow[] = [];
    let openFirst = -1;
    for (;;) {
      const rows = page.all(after) as { rowid: number; row_number: number; bad: number; data: Buffer; first: number }[];
      if (rows.length === 0) break;
      after = rows[rows.length - 1]?.rowid ?? after;
      const complete: StagedRow[][] = [];
      for (const r of rows) {
        if (r.first !== openFirst && open.length > 0) {
          complete.push(open);
          open = [];
        }
        openFirst = r.first;
        const [raw, values] = deserialize(r.data) as [ParsedRow['raw'], ParsedRow['values']];
        open.push({ rowNumber: r.row_number, raw, values, bad: r.bad === 1 });
      }
      if (complete.length > 0) yield complete;
    }
    if (open.length > 0) yield [open];
    this.db.exec('DROP TABLE IF EXISTS ordered');
  }

  /** Closes and removes the scratch file. */
  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.pending = [];
    this.db.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
