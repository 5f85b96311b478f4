import type { ProvinceSql } from '../../core/province/store/provinceDb';
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

/** Each table's pairs as one text column `v`, in SQL SQLite and PostgreSQL both take. */
const PAIRS: readonly (readonly [string, string])[] = [
  ...VERSIONED.map(([table, key]) => [table, `SELECT ${key} || '@' || version AS v FROM ${table}`] as const),
  ['deal_patents', "SELECT deal_id || ':' || patent_number AS v FROM deal_patents"],
];

/** Sorted here, not in SQL: the two stores' collations need not agree. */
const sorted = (rows: { v: string }[]) => rows.map((r) => r.v).sort();

/** The records a city store holds, as (key, version) pairs. */
export function recordVersions(db: ReadHandle): Record<string, string[]> {
  return Object.fromEntries(PAIRS.map(([table, sql]) => [table, sorted(db.prepare(sql).all() as { v: string }[])]));
}

/** The same pairs from a province store of either backend, to compare with the city's `recordVersions`. */
export async function provinceRecordVersions(db: ProvinceSql): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [table, sql] of PAIRS) out[table] = sorted(await db.all<{ v: string }>(sql));
  return out;
}
