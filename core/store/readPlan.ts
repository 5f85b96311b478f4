import type { ReadHandle } from './store';

/** The two SQL dialects the stores speak: the desk's (and a province's) SQLite file, a data centre's PostgreSQL. */
export type SqlDialect = 'sqlite' | 'postgres';

/** One SELECT a plan asks for, with `?` placeholders. */
export interface PlannedRead {
  sql: string;
  params: readonly (string | number | null)[];
}

type Rows = Record<string, unknown>[];

/**
 * A read written once for both stores: a generator that yields each SELECT it needs and is handed back its rows, so
 * that it can decide its next query on what it read (a page's count, a record's parties). `runPlan` drives it over the
 * SQLite store synchronously, as the desk's pages have always read; `runPlanAsync` over the province's asynchronous
 * store (PostgreSQL). The SQL a plan yields must suit the dialect it was made for.
 */
export type ReadPlan<T> = Generator<PlannedRead, T, Rows>;

/** Yields one SELECT and returns its rows (`const rows = yield* select<Row>(sql, params)`). */
export function* select<R>(sql: string, params: PlannedRead['params'] = []): Generator<PlannedRead, R[], Rows> {
  return (yield { sql, params }) as R[];
}

export function runPlan<T>(db: ReadHandle, plan: ReadPlan<T>): T {
  let step = plan.next();
  while (!step.done) step = plan.next(db.prepare(step.value.sql).all(...step.value.params) as Rows);
  return step.value;
}

export async function runPlanAsync<T>(
  db: { all<R>(sql: string, params: PlannedRead['params']): Promise<R[]> },
  plan: ReadPlan<T>,
): Promise<T> {
  let step = plan.next();
  while (!step.done) step = plan.next(await db.all<Rows[number]>(step.value.sql, step.value.params));
  return step.value;
}
