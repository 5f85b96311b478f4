import { parsePatentNumber } from '../../../shared/domain/patentNumber';
import { compactCell } from '../../../shared/domain/text';

/**
 * Chinese substring search: FTS5 trigram tables answer three characters or more; shorter input falls back to LIKE
 * over the (much smaller) organizations table only.
 */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Organization ids whose name or USCC contains the text. */
export function organizationMatches(text: string): { sql: string; params: unknown[] } {
  if ([...text].length >= 3) {
    return {
      sql: 'SELECT id FROM organizations WHERE rowid IN (SELECT rowid FROM organizations_fts WHERE organizations_fts MATCH ?)',
      params: [ftsPhrase(text)],
    };
  }
  const like = likePattern(text);
  return {
    sql: "SELECT id FROM organizations WHERE name LIKE ? ESCAPE '\\' OR uscc LIKE ? ESCAPE '\\'",
    params: [like, like],
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
export function patentMatches(text: string): { sql: string; params: unknown[] } | null {
  const prefix = patentNumberPrefix(text);
  if (prefix)
    return {
      sql: 'SELECT number FROM patents WHERE number >= ? AND number < ?',
      params: [prefix, `${prefix}\u{10FFFF}`],
    };
  if ([...text].length < 3) return null;
  return {
    sql: 'SELECT number FROM patents WHERE rowid IN (SELECT rowid FROM patents_fts WHERE patents_fts MATCH ?)',
    params: [ftsPhrase(text)],
  };
}

/** A business number that starts with the text, as an index range (LIKE 'x%' would not use a plain index). */
export function prefixRange(column: string, text: string): { sql: string; params: unknown[] } {
  return { sql: `${column} >= ? AND ${column} < ?`, params: [text, `${text}\u{10FFFF}`] };
}
