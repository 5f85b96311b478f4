import { parsePatentNumber } from '../../../shared/domain/patentNumber';
import { compactCell } from '../../../shared/domain/text';
import type { SqlDialect } from '../../store/readPlan';

/**
 * Chinese substring search. On SQLite, FTS5 trigram tables answer three characters or more; shorter input falls back
 * to LIKE over the (much smaller) organizations table only. On PostgreSQL, ILIKE (which the province's pg_trgm
 * indexes serve where the server has the extension, core/province/store/postgres/migrations.ts).
 */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The text with LIKE's wildcards and its escape character escaped (ESCAPE '\\'). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

type Match = { sql: string; params: unknown[] };

/** LIKE as SQLite's compares: ASCII letters in either case (PostgreSQL's LIKE minds case; its ILIKE does not). */
export const caseBlindLike = (dialect: SqlDialect) => (dialect === 'postgres' ? 'ILIKE' : 'LIKE');

/** The column contains the text, ASCII letters in either case. */
export function containsText(column: string, text: string, dialect: SqlDialect): Match {
  return { sql: `${column} ${caseBlindLike(dialect)} ? ESCAPE '\\'`, params: [likePattern(text)] };
}

/** Organization ids whose name or USCC contains the text. */
export function organizationMatches(text: string, dialect: SqlDialect): Match {
  if (dialect === 'sqlite' && [...text].length >= 3) {
    return {
      sql: 'SELECT id FROM organizations WHERE rowid IN (SELECT rowid FROM organizations_fts WHERE organizations_fts MATCH ?)',
      params: [ftsPhrase(text)],
    };
  }
  const name = containsText('name', text, dialect);
  const uscc = containsText('uscc', text, dialect);
  return {
    sql: `SELECT id FROM organizations WHERE ${name.sql} OR ${uscc.sql}`,
    params: [...name.params, ...uscc.params],
  };
}

/** Text that reads as (the start of) a patent number: digits with an optional ZL/CN prefix, spaces and dot. */
function patentNumberPrefix(text: string): string | null {
  const compact = compactCell(text)
    .toUpperCase()
    .replace(/^(ZL|CN)/, '')
    .replace(/。/g, '.');
  if (!/^\d{4,}(\.[0-9X]?)?$/.test(compact)) return null;
  const parsed = parsePatentNumber(compact);
  return parsed.ok ? parsed.normalized : compact;
}

/**
 * Patent numbers whose number starts with the text (when it reads as a number), or whose title contains it (three
 * characters or more).
 */
export function patentMatches(text: string, dialect: SqlDialect): Match | null {
  const prefix = patentNumberPrefix(text);
  if (prefix) {
    const starts = prefixRange('number', prefix, dialect);
    return { sql: `SELECT number FROM patents WHERE ${starts.sql}`, params: starts.params };
  }
  if ([...text].length < 3) return null;
  if (dialect === 'postgres') {
    const title = containsText('title', text, dialect);
    return { sql: `SELECT number FROM patents WHERE ${title.sql}`, params: title.params };
  }
  return {
    sql: 'SELECT number FROM patents WHERE rowid IN (SELECT rowid FROM patents_fts WHERE patents_fts MATCH ?)',
    params: [ftsPhrase(text)],
  };
}

/**
 * A business number that starts with the text. On SQLite an index range (LIKE 'x%' would not use a plain index); on
 * PostgreSQL LIKE, since a range's upper bound (U+10FFFF) is not reliably last in a server's collation.
 */
export function prefixRange(column: string, text: string, dialect: SqlDialect): Match {
  if (dialect === 'postgres') return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`${escapeLike(text)}%`] };
  return { sql: `${column} >= ? AND ${column} < ?`, params: [text, `${text}\u{10FFFF}`] };
}
