import type { ReadHandle } from '../../core/store/store';

/** The synced tables with their key, as (key, version) or link pairs: what "every record once, at its latest version" is checked on. */
const VERSIONED = [
  ['organizations', 'id'],
  ['patents', 'number'],
  ['deals', 'id'],
  ['payments', 'id'],
  ['pledges', 'id'],
  ['product_registrations', 'id'],
  ['enterprise_figures', 'id'],
  ['subsidies', 'id'],
] as const;

export function recordVersions(db: ReadHandle): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [table, key] of VERSIONED) {
    out[table] = db.prepare(`SELECT ${key} || '@' || version FROM ${table} ORDER BY ${key}`).pluck().all() as string[];
  }
  out.deal_patents = db
    .prepare("SELECT deal_id || ':' || patent_number FROM deal_patents ORDER BY 1")
    .pluck()
    .all() as string[];
  return out;
}
