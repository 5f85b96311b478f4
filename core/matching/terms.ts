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

/** What a synced row puts in its side's text index: its words, or null when matching must not offer it. */
function syncedText(entity: string, row: Record<string, unknown>): { keywords: string; body: string } | null {
  const live = row.voided_at == null;
  const keywords = String(row.keywords ?? '');
  if (entity === 'supply_patent') {
    const offered = live && (row.status === '在库' || row.status === '对接中');
    return offered ? { keywords, body: `${String(row.title)} ${String(row.abstract ?? '')}` } : null;
  }
  return live ? { keywords, body: String(row.need_text) } : null;
}

const SYNCED_TABLES: Record<string, TermsTable> = { supply_patent: 'supply_fts', tech_need: 'need_fts' };

/**
 * A pooled patent or a need as a batch brings it to the province: indexed like a city's own, so that the province can
 * match across cities (a 太原 university's patent for a 长治 SME). Other records are left alone.
 */
export function indexSyncedRow(db: ReadHandle, entity: string, row: Record<string, unknown>): void {
  const table = SYNCED_TABLES[entity];
  if (table) indexTerms(db, table, String(row.id), syncedText(entity, row));
}

/**
 * The tokens FTS5's unicode61 tokenizer makes of a text: runs of letters, numbers and private-use characters (every
 * other character separates), case folded, Latin diacritics removed. The PostgreSQL index counts what FTS5 counts.
 */
export function unicode61Tokens(text: string): string[] {
  return (text.match(/[\p{L}\p{N}\p{Co}]+/gu) ?? []).map((t) =>
    t
      .toLowerCase()
      .normalize('NFD')
      .replace(/(?<=[a-z])\p{M}+/gu, '')
      .normalize('NFC'),
  );
}

/** The PostgreSQL tables of each side (province migration 9): its records' words, and their postings per key. */
export const TERM_TABLES = {
  supply: { docs: 'supply_terms', postings: 'supply_postings' },
  need: { docs: 'need_terms', postings: 'need_postings' },
} as const;
export type TermSide = keyof typeof TERM_TABLES;

/**
 * The keys a text's words are found under on PostgreSQL, with their hits in each column: each unicode61 token, as
 * FTS5 finds a one-token word; and a word that is several tokens (2.5, 4g-lte) under itself as well, as FTS5 finds it as
 * a phrase (FTS5 also finds the phrase across two neighbouring words; this index does not).
 */
function postingsOf(keywords: string, body: string): Map<string, { keywordHits: number; bodyHits: number }> {
  const postings = new Map<string, { keywordHits: number; bodyHits: number }>();
  const count = (column: string, hit: 'keywordHits' | 'bodyHits') => {
    for (const word of column.split(' ').filter(Boolean)) {
      const tokens = unicode61Tokens(word);
      for (const key of tokens.length > 1 ? [...tokens, word] : tokens) {
        const p = postings.get(key) ?? { keywordHits: 0, bodyHits: 0 };
        p[hit]++;
        postings.set(key, p);
      }
    }
  };
  count(keywords, 'keywordHits');
  count(body, 'bodyHits');
  return postings;
}

/** Where a statement of the province's PostgreSQL store runs (core/province/store/provinceDb.ts's ProvinceSql). */
interface SqlRunner {
  run(sql: string, params?: readonly (string | number | null)[]): Promise<number>;
}

/** A record's words in the PostgreSQL index of its side: replaced, or taken out (text null). */
export async function indexTermsOn(
  sql: SqlRunner,
  side: TermSide,
  id: string,
  text: { keywords: string; body: string } | null,
): Promise<void> {
  const { docs, postings } = TERM_TABLES[side];
  await sql.run(`DELETE FROM ${postings} WHERE doc_id = ?`, [id]);
  await sql.run(`DELETE FROM ${docs} WHERE doc_id = ?`, [id]);
  if (!text) return;
  const keywords = terms(text.keywords).join(' ');
  const body = terms(text.body).join(' ');
  const tokens = unicode61Tokens(keywords).length + unicode61Tokens(body).length;
  await sql.run(`INSERT INTO ${docs} (doc_id, tokens, keywords, body) VALUES (?, ?, ?, ?)`, [
    id,
    tokens,
    keywords,
    body,
  ]);
  const rows = [...postingsOf(keywords, body)];
  // One statement per record: its words as a JSON array of [key, keyword hits, body hits].
  if (rows.length)
    await sql.run(
      `INSERT INTO ${postings} (term, doc_id, keyword_hits, body_hits)
       SELECT p->>0, ?, CAST(p->>1 AS bigint), CAST(p->>2 AS bigint) FROM json_array_elements(CAST(? AS json)) AS p`,
      [id, JSON.stringify(rows.map(([key, p]) => [key, p.keywordHits, p.bodyHits]))],
    );
}

/** A synced pooled patent or need in the PostgreSQL province's index, as `indexSyncedRow` keeps SQLite's. */
export async function indexSyncedRowOn(sql: SqlRunner, entity: string, row: Record<string, unknown>): Promise<void> {
  const side: TermSide | null = entity === 'supply_patent' ? 'supply' : entity === 'tech_need' ? 'need' : null;
  if (side) await indexTermsOn(sql, side, String(row.id), syncedText(entity, row));
}
