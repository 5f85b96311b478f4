/**
 * `patent-desk sample`: a filled-in import workbook for new users and for the tests. The seed generator fills a
 * throw-away store (twelve regions, deals of 2020–2023 with several patents, payments, pledges, product
 * registrations, enterprise figures, subsidies); its records are written into the import template, each cell spelled
 * one of the ways people write it. The same seed gives the same cells, and the workbook imports with no rejected row.
 */
import Database from 'better-sqlite3';
import type { ImportSheet } from '../../shared/contract/importing';
import { SHEET_SPECS, type CellKind } from '../importing/sheets';
import { templateWorkbook } from '../importing/template';
import { migrate } from '../store/migrate';
import { Random } from './random';
import { templateRowsOf, type StoredRow } from './sampleRecords';
import { seedStore, type SeedSummary } from './seedStore';
import { Speller, type SpelledCell } from './spelling';
import { withFixedZipDates } from './zipDates';

export interface SampleOptions {
  seed: number;
  /** Deals in the workbook; the default makes a file that imports in seconds yet gives every region something. */
  deals?: number;
}

export interface SampleWorkbook {
  bytes: Buffer;
  /** The records the workbook holds, as the seed wrote them (deals, payments, pledges …). */
  records: SeedSummary;
  /** Data rows per sheet (a deal, pledge or registration takes one row per patent). */
  rows: Record<ImportSheet, number>;
}

export const SAMPLE_DEALS = 240;
/** Denser than the bench's volumes, so that every region has pledges, registrations and subsidies to show. */
const SAMPLE_RATES = { pledge: 0.12, registration: 0.15, subsidy: 0.08 };
/** Fixed workbook and zip dates: exceljs would stamp the time of writing, and the same seed must give the same file. */
const WRITTEN_AT = new Date('2024-01-01T00:00:00.000Z');
/** The spelling draws its own numbers, so that changing a spelling never changes the records. */
const SPELLING_STREAM = 0x5a3c;

function spellCell(speller: Speller, kind: CellKind, value: string | number | null): SpelledCell {
  if (value === null) return null;
  switch (kind.type) {
    case 'text':
      return speller.text(String(value));
    case 'date':
      return speller.date(String(value));
    case 'money':
      return speller.money(Number(value));
    case 'integer':
      return speller.integer(Number(value), kind.unit ?? '');
    case 'region':
      return speller.region(String(value));
    case 'patent':
      return speller.patent(String(value));
    default:
      return value;
  }
}

function seededRows(seed: number, deals: number): { rows: Record<ImportSheet, StoredRow[]>; records: SeedSummary } {
  const db = new Database(':memory:');
  try {
    migrate(db);
    const actor = { id: null, name: 'sample', role: '管理员' } as const;
    const records = seedStore(db, actor, { deals, seed, firstYear: 2020, rates: SAMPLE_RATES }, WRITTEN_AT);
    return { rows: templateRowsOf(db), records };
  } finally {
    db.close();
  }
}

export async function buildSampleWorkbook(options: SampleOptions): Promise<SampleWorkbook> {
  const { rows, records } = seededRows(options.seed, options.deals ?? SAMPLE_DEALS);
  const speller = new Speller(new Random(options.seed ^ SPELLING_STREAM));
  const workbook = templateWorkbook();
  workbook.created = WRITTEN_AT;
  workbook.modified = WRITTEN_AT;
  const counts = {} as Record<ImportSheet, number>;
  for (const spec of SHEET_SPECS) {
    const sheet = workbook.getWorksheet(spec.name);
    if (!sheet) throw new Error(`template has no sheet ${spec.name}`);
    for (const row of rows[spec.name]) {
      sheet.addRow(spec.columns.map((column, i) => spellCell(speller, column.kind, row[i] ?? null)));
    }
    counts[spec.name] = rows[spec.name].length;
  }
  const bytes = withFixedZipDates(Buffer.from(await workbook.xlsx.writeBuffer()), WRITTEN_AT);
  return { bytes, records, rows: counts };
}
