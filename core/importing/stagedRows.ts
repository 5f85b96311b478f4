/**
 * The parsed rows of an import file, parked on disk between reading and writing so that memory does not grow with
 * the file: a TEMP table of this connection (SQLite's temporary file, never the store's own file). Reading writes
 * them in chunks; writing reads them back a page at a time, the rows of one record (one 合同编号, or one natural key)
 * together, records in the order of their first row — the same groups, in the same order, as holding the whole file.
 */
import type Database from 'better-sqlite3';
import { deserialize, serialize } from 'node:v8';
import type { ParsedRow } from './parseRow';

export interface StagedRow extends ParsedRow {
  /** A cell or a rule of the row itself was refused while reading. */
  bad: boolean;
}

const INSERT_CHUNK = 2000;
const PAGE = 2000;

let tables = 0;

export class StagedRows {
  private readonly table = `import_rows_${process.pid}_${++tables}`;
  private pending: unknown[][] = [];
  private readonly insert: Database.Statement;

  constructor(private readonly db: Database.Database) {
    db.exec(
      `CREATE TEMP TABLE ${this.table} (part INTEGER NOT NULL, key TEXT NOT NULL, row_number INTEGER NOT NULL, bad INTEGER NOT NULL, data BLOB NOT NULL)`,
    );
    this.insert = db.prepare(`INSERT INTO temp.${this.table} VALUES (?, ?, ?, ?, ?)`);
  }

  add(part: number, key: string, row: ParsedRow, bad: boolean): void {
    this.pending.push([part, key, row.rowNumber, bad ? 1 : 0, serialize([row.raw, row.values])]);
    if (this.pending.length >= INSERT_CHUNK) this.flush();
  }

  /** Writes the buffered rows in one (temporary) transaction. */
  flush(): void {
    const rows = this.pending;
    this.pending = [];
    if (rows.length === 0) return;
    const write = () => {
      for (const r of rows) this.insert.run(r);
    };
    // Inside the import's own write transaction already, or a short one of its own while reading.
    if (this.db.inTransaction) write();
    else this.db.transaction(write)();
  }

  /** The groups of one part, a page of rows at a time; a group is never split across pages. */
  *groups(part: number): Generator<StagedRow[][]> {
    this.flush();
    const ordered = `${this.table}_ordered`;
    this.db.exec(`DROP TABLE IF EXISTS temp.${ordered}`);
    this.db
      .prepare(
        `CREATE TEMP TABLE ${ordered} AS SELECT row_number, bad, data, first FROM (
           SELECT row_number, bad, data, MIN(row_number) OVER (PARTITION BY key) AS first FROM temp.${this.table} WHERE part = ?
         ) ORDER BY first, row_number`,
      )
      .run(part);
    const page = this.db.prepare(
      `SELECT rowid, row_number, bad, data, first FROM temp.${ordered} WHERE rowid > ? ORDER BY rowid LIMIT ${PAGE}`,
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
    this.db.exec(`DROP TABLE IF EXISTS temp.${ordered}`);
  }

  drop(): void {
    this.pending = [];
    this.db.exec(`DROP TABLE IF EXISTS temp.${this.table}`);
    this.db.exec(`DROP TABLE IF EXISTS temp.${this.table}_ordered`);
  }
}
