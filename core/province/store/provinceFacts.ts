import {
  factQueries,
  factsFromScratchSteps,
  industryFactsSteps,
  inRegions,
  MONTH_QUERIES,
  monthsOf,
  num,
  yearRange,
  type FactsQuery,
  type IndustryFacts,
  type MonthFacts,
  type MonthQuery,
  type RegionFacts,
} from '../../indicators/facts';
import { countedDealsFromScratch, type CountedDealIds, type CountedDealsFilter } from '../../indicators/countedDeals';
import type { ProvinceSql, SqlValue } from './provinceDb';

type Row = Record<string, number | string | null>;

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
    for (const row of await db.all<Row>(sql, values)) step.apply(row);
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
    for (const row of await db.all<Row>(sql, values)) cells.push(step.cell(row));
  }
  return cells;
}

/** One of the facts' queries (factQueries) for `regions`, with its named parameters, on either backend. */
function runFactQuery(
  db: ProvinceSql,
  name: keyof ReturnType<typeof factQueries>,
  regions: readonly string[],
  params: Readonly<Record<string, string>>,
): Promise<Row[]> {
  const { sql, values } = positional(inRegions(factQueries(db.dialect)[name], regions), params);
  return db.all<Row>(sql, values);
}

/** The counted deals behind a chart's bar, computed from the records by the definition (facts.ts), on either backend. */
export async function readProvinceCountedDeals(db: ProvinceSql, filter: CountedDealsFilter): Promise<CountedDealIds> {
  const query = countedDealsFromScratch(db.dialect, filter);
  const totals = positional(query.totals, query.params);
  const ids = positional(query.ids, query.params);
  const counted = await db.get<{ total: number; patents: number }>(totals.sql, totals.values);
  const listed = await db.all<{ id: string }>(ids.sql, ids.values);
  return { total: counted?.total ?? 0, patents: counted?.patents ?? 0, ids: listed.map((r) => r.id) };
}

/** 统计图表's year month by month, computed from the records. */
export async function readProvinceMonthFacts(
  db: ProvinceSql,
  year: number,
  regions: readonly string[],
): Promise<MonthFacts[]> {
  // One query after another: `db` may be a transaction's one connection.
  const rows = new Map<MonthQuery, Row[]>();
  for (const name of MONTH_QUERIES) rows.set(name, await runFactQuery(db, name, regions, yearRange(year)));
  return monthsOf((name) => rows.get(name)!);
}

/** Distinct benefited enterprises (I3) and registered patents (I4a) from `cumulativeFrom` to `toYear`, per region. */
export async function readProvinceCumulativeDistinct(
  db: ProvinceSql,
  regions: readonly string[],
  cumulativeFrom: number,
  toYear: number,
): Promise<Map<string, { enterprises: number; registrationPatents: number }>> {
  const result = new Map(regions.map((r) => [r, { enterprises: 0, registrationPatents: 0 }]));
  const params = { cumulativeFrom: `${cumulativeFrom}-01-01`, to: `${toYear}-12-31` };
  for (const row of await runFactQuery(db, 'cumulativeEnterprises', regions, params)) {
    const entry = result.get(String(row.region));
    if (entry) entry.enterprises = num(row.enterprises);
  }
  for (const row of await runFactQuery(db, 'cumulativeRegistrationPatents', regions, params)) {
    const entry = result.get(String(row.region));
    if (entry) entry.registrationPatents = num(row.patents);
  }
  return result;
}
