import type { ReadHandle } from '../store/store';
import { statement } from '../store/statements';
import { terms } from './segment';

/** The FTS5 tables of migration 22: each row's rowid is its record's rowid. */
export type TermsTable = 'supply_fts' | 'need_fts';
const RECORD_TABLE: Record<TermsTable, string> = { supply_fts: 'supply_patents', need_fts: 'tech_needs' };

/**
 * Keeps a record's segmented words in its FTS5 table: the keywords and the text as jieba cuts them, joined by
 * spaces. A voided or withdrawn record is taken out, so matching never offers it.
 */
export function indexTerms(
  db: ReadHandle,
  table: TermsTable,
  id: string,
  text: { keywords: string; body: string } | null,
): void {
  const rowid = statement(db, `SELECT rowid FROM ${RECORD_TABLE[table]} WHERE id = ?`, 'pluck').get(id) as number;
  statement(db, `DELETE FROM ${table} WHERE rowid = ?`).run(rowid);
  if (text)
    statement(db, `INSERT INTO ${table} (rowid, keywords, body) VALUES (?, ?, ?)`).run(
      rowid,
      terms(text.keywords).join(' '),
      terms(text.body).join(' '),
    );
}

/**
 * A pooled patent or a need as a batch brings it to the province: indexed like a city's own, so that the province can
 * match across cities (a 太原 university's patent for a 长治 SME). Other records are left alone.
 */
export function indexSyncedRow(db: ReadHandle, entity: string, row: Record<string, unknown>): void {
  const live = row.voided_at == null;
  const keywords = String(row.keywords ?? '');
  if (entity === 'supply_patent') {
    const offered = live && (row.status === '在库' || row.status === '对接中');
    indexTerms(
      db,
      'supply_fts',
      String(row.id),
      offered ? { keywords, body: `${String(row.title)} ${String(row.abstract ?? '')}` } : null,
    );
  } else if (entity === 'tech_need') {
    indexTerms(db, 'need_fts', String(row.id), live ? { keywords, body: String(row.need_text) } : null);
  }
}
