import {
  factsFromScratchSteps,
  industryFactsSteps,
  type FactsQuery,
  type IndustryFacts,
  type RegionFacts,
} from '../../indicators/facts';
import type { ProvinceSql, SqlValue } from './provinceDb';

/**
 * The facts' `:name` parameters as the `?` placeholders ProvinceSql takes, in order. The facts' SQL holds no other
 * colon (no string literal with one, no PostgreSQL `::` cast), which the guard below keeps true.
 */
export function positional(sql: string, named: Readonly<Record<string, string>>): { sql: string; values: SqlValue[] } {
  const values: SqlValue[] = [];
  const text = sql.replace(/:([A-Za-z]\w*)/g, (_, name: string) => {
    const value = named[name];
    if (value === undefined) throw new Error(`no value for :${name}`);
    values.push(value);
    return '?';
  });
  if (text.includes(':')) throw new Error('a colon left in the facts SQL');
  return { sql: text, values };
}

/**
 * The indicator facts of DOMAIN §7 computed from the records (the definition, core/indicators/facts.ts) on the
 * province's store, SQLite or PostgreSQL: the same queries in the store's dialect.
 */
export async function readProvinceFacts(db: ProvinceSql, query: FactsQuery): Promise<Map<string, RegionFacts>> {
  const { facts, steps } = factsFromScratchSteps(query, db.dialect);
  const run = async (step: (typeof steps)[number]) => {
    const { sql, values } = positional(step.sql, step.params);
    for (const row of await db.all<Record<string, number | string | null>>(sql, values)) step.apply(row);
  };
  // The queries are independent (each fills fields of its own): outside a transaction a PostgreSQL pool runs them
  // side by side on its connections (the SQLite store's queue takes them in turn); a transaction has one connection,
  // which takes one query at a time.
  if ('savepoint' in db) for (const step of steps) await run(step);
  else await Promise.all(steps.map(run));
  return facts;
}

/** The province's industry map of `year` computed from the records, on either backend (facts.ts defines it). */
export async function readProvinceIndustryFacts(
  db: ProvinceSql,
  year: number,
  regions: readonly string[],
): Promise<IndustryFacts[]> {
  const cells: IndustryFacts[] = [];
  for (const step of industryFactsSteps(year, regions, db.dialect)) {
    const { sql, values } = positional(step.sql, step.params);
    for (const row of await db.all<Record<string, number | string | null>>(sql, values)) cells.push(step.cell(row));
  }
  return cells;
}
