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
  return { sql: "SELECT id FROM organizations WHERE name LIKE ? ESCAPE '\\' OR uscc LIKE ? ESCAPE '\\'", params: [like, like] };
}

/** Patent numbers whose number or title contains the text (three characters or more). */
export function patentMatches(text: string): { sql: string; params: unknown[] } | null {
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
