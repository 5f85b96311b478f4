// `npx tsx bench/importFloor.ts [STORE] [DEALS]`: the least an import of the bench's deal sheet could cost per deal if
// every part of it were written set-based, with no JavaScript per row — each part measured alone on a private copy
// of a seeded store (default: the 10,000-deal store of `npm run bench -- --deals 10000`), inside one transaction that
// is rolled back — beside the time exceljs alone needs to read the same deal's rows. Issue 12's budget is the import
// in ≤ 2× the parser; this prints whether the floor leaves room for it. Give it tens of thousands of deals: below
// that, exceljs' start-up weighs on its time per row and the ratios come out low. Not part of the bench (bench/README.md).
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dealRows, writeLargeWorkbook } from '../core/importing/fixtures/generateRows';
import { checkDealsAfterWrite } from '../core/rules/incremental';
import { createWriter } from '../core/service/context';
import { startDeferral } from '../core/store/deferral';
import { keepTempFilesInMemory } from '../core/store/pageCache';
import { openStore } from '../core/store/store';

const PATENTS_PER_DEAL = 2; // as the bench's sheet: each deal two rows, one patent each
const src = process.argv[2] ?? 'bench/.work/seed-10000.db';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-floor-'));
const copy = path.join(tmp, 'store.db');
fs.copyFileSync(src, copy);
const store = openStore(copy, { mustExist: true });
const db = store.db;
const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const deals = Math.min(Number(process.argv[3] ?? 10_000), count('deals'), Math.floor(count('patents') / 2));

/** Milliseconds of `fn`. */
function ms(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** `INSERT … SELECT` of `rows` rows of `table` copied with new keys: the table's indexes and triggers, nothing else. */
function copyRows(table: string, rows: number, renamed: Record<string, string>): number {
  // table_info leaves out generated columns (deals.record_year), which an INSERT may not name.
  const columns = (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map(
    (c) => c.name,
  );
  const select = columns.map((c) => renamed[c] ?? c).join(', ');
  return ms(() =>
    db.exec(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM ${table} ORDER BY rowid LIMIT ${rows}`),
  );
}

// The parser alone on the same deals' rows.
const file = path.join(tmp, 'deals.xlsx');
await writeLargeWorkbook(file, '交易', dealRows(deals, PATENTS_PER_DEAL, 'FLOOR'));
const parseStart = performance.now();
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit' });
for await (const sheet of reader) for await (const row of sheet) void row.values;
const parseMs = performance.now() - parseStart;

const parts: [string, number][] = [];
const restoreTempStore = keepTempFilesInMemory(db);
db.exec('BEGIN');
try {
  const w = createWriter(db, { id: null, name: 'bench', role: '管理员' }, new Date().toISOString());
  // The checks first, of as many of the store's own deals: copies of them (below) would find each other as repeats.
  const ids = (db.prepare(`SELECT id FROM deals ORDER BY rowid LIMIT ${deals}`).all() as { id: string }[]).map(
    (r) => r.id,
  );
  parts.push(['anomaly checks of the deals (R01–R12, flags stored)', ms(() => checkDealsAfterWrite(w, ids))]);
  const endFacts = startDeferral(db, 'indicator_deferral');
  const endSearch = startDeferral(db, 'search_deferral');
  parts.push([
    'deal rows (their 14 indexes, deferred-fact notes)',
    copyRows('deals', deals, { id: "id || '-f'", contract_no: "contract_no || '-f'" }),
  ]);
  parts.push([
    `${PATENTS_PER_DEAL} patent rows (index, search-index notes)`,
    copyRows('patents', deals * PATENTS_PER_DEAL, { number: "number || 'F'" }),
  ]);
  parts.push([
    `${PATENTS_PER_DEAL} deal–patent links`,
    ms(() =>
      db.exec(
        `INSERT INTO deal_patents (deal_id, patent_number, position)
         WITH d AS (SELECT id, row_number() OVER (ORDER BY rowid) - 1 AS i FROM deals WHERE id LIKE '%-f'),
              p AS (SELECT number, row_number() OVER (ORDER BY rowid) - 1 AS j FROM patents WHERE number LIKE '%F')
         SELECT d.id, p.number, p.j % ${PATENTS_PER_DEAL} FROM d JOIN p ON p.j / ${PATENTS_PER_DEAL} = d.i`,
      ),
    ),
  ]);
  const dealRow = db.prepare('SELECT * FROM deals LIMIT 1').get() as Record<string, unknown>;
  const patentRow = db.prepare('SELECT * FROM patents LIMIT 1').get() as Record<string, unknown>;
  /** A version's audit row and outbox row, carrying `row` as a new record of `entity` (writeRecord's shape). */
  const recordNew = (entity: 'deal' | 'patent', id: string, row: Record<string, unknown>) =>
    w.record({
      action: `${entity}.create`,
      entity,
      entityId: id,
      detail: { version: 1, values: row },
      outbox: { entity, entityId: id, version: 1, op: 'upsert', payload: row },
    });
  parts.push([
    `audit + outbox rows of the deal and its ${PATENTS_PER_DEAL} patents (hash chain, batched)`,
    ms(() => {
      const batch = w.batchChanges();
      for (let d = 0; d < deals; d++) {
        recordNew('deal', `floor-${d}`, { ...dealRow, id: `floor-${d}` });
        for (let p = 0; p < PATENTS_PER_DEAL; p++)
          recordNew('patent', `F${d}-${p}`, { ...patentRow, number: `F${d}-${p}` });
      }
      batch.end();
    }),
  ]);
  parts.push([
    'indicator facts and search indexes brought up to date (set-based)',
    ms(() => {
      endFacts();
      endSearch();
    }),
  ]);
} finally {
  db.exec('ROLLBACK');
  restoreTempStore();
  store.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}

const perDeal = (totalMs: number) => `${((totalMs * 1000) / deals).toFixed(0)} µs`;
const floor = parts.reduce((sum, [, t]) => sum + t, 0);
console.log(`${deals.toLocaleString('en')} deals of ${PATENTS_PER_DEAL} patents, store ${src}\n`);
console.log('| part | per deal |\n| --- | --- |');
for (const [name, t] of parts) console.log(`| ${name} | ${perDeal(t)} |`);
console.log(`| **writing, set-based, all of the above** | **${perDeal(floor)}** |`);
console.log(`| exceljs alone reading the deal's ${PATENTS_PER_DEAL} rows | ${perDeal(parseMs)} |`);
console.log(
  `\nThe import reads, then writes: at best ${((parseMs + floor) / parseMs).toFixed(2)}× the parser (budget 2×); ` +
    `with the reading on a core of its own beside the writing, ${(Math.max(parseMs, floor) / parseMs).toFixed(2)}×.`,
);
