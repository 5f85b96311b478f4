import type { SqlDialect } from '../../store/readPlan';
import type { CountedDealIds, CountedDealsFilter } from '../../indicators/countedDeals';
import type { FactsQuery, IndustryFacts, MonthFacts, RegionFacts } from '../../indicators/facts';

/**
 * The province's store as the endpoint sees it: one asynchronous interface with two implementations, chosen at start
 * — SQLite (a file, the default; sqliteProvinceDb.ts) and PostgreSQL (a data centre's server; postgresProvinceDb.ts).
 * Queries are written once with `?` placeholders in SQL both dialects take (upserts as `INSERT … ON CONFLICT`);
 * where the dialects differ, the difference sits in one method here (columns, foreign keys, constraint errors).
 */
export type SqlValue = string | number | null;

/**
 * A subquery with one column `value`, a row per element of the JSON array (of strings) bound to its one `?`: a list of
 * any length as one parameter. The one place its two dialects differ.
 */
export const JSON_LIST = {
  sqlite: 'SELECT value FROM json_each(?)',
  postgres: 'SELECT json_array_elements_text(CAST(? AS json)) AS value',
} as const;

/** `IN (…)` over the JSON array of strings bound to its one `?`, in the dialect given. */
export const inJsonList = (dialect: SqlDialect) => `IN (SELECT value FROM (${JSON_LIST[dialect]}) list)`;

export interface ProvinceSql {
  readonly dialect: SqlDialect;
  /** The first row, or undefined. Integer columns come back as JS numbers on both backends. */
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; resolves with the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

/** Inside a transaction: `savepoint` keeps one record's writes whole (a failure rolls back only them). */
export interface ProvinceTx extends ProvinceSql {
  savepoint<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Appended to a SELECT that must lock the rows it reads until the transaction ends: ' FOR UPDATE' on PostgreSQL;
   * empty on SQLite, whose one writer holds the whole database already.
   */
  readonly forUpdate: string;
  /**
   * Holds the named lock until the transaction ends, for what has no row to lock (the audit chain's next row):
   * an advisory lock on PostgreSQL; nothing on SQLite, whose one writer holds the whole database already.
   */
  lock(name: string): Promise<void>;
}

/** A foreign key of a table: its column, and the table and column it points at. */
export interface ForeignKey {
  from: string;
  table: string;
  to: string;
}

/** Which kind of constraint a failed statement broke, or null when the error is not a constraint's. */
export type ConstraintKind = 'foreignKey' | 'unique' | 'check' | 'notNull';

export interface ProvinceDb extends ProvinceSql {
  /**
   * Runs `fn` in one transaction: all of it is committed, or none of it. Transactions that meet another's rows
   * (PostgreSQL: a deadlock or serialization failure) are run again from the start, so `fn` must not keep effects
   * outside the database.
   */
  transaction<T>(fn: (tx: ProvinceTx) => Promise<T>): Promise<T>;
  /** The columns of a table, in order. */
  columns(table: string): Promise<string[]>;
  foreignKeys(table: string): Promise<ForeignKey[]>;
  constraintOf(error: unknown): ConstraintKind | null;
  /** Whether an error means the database cannot be reached now (its server down or restarting), not a fault of the call. */
  unreachable(error: unknown): boolean;
  /** What /v1/health reports: the backend, its server version, the province schema version. */
  describe(): Promise<{ backend: 'sqlite' | 'postgres'; serverVersion: string; schemaVersion: number }>;
  close(): Promise<void>;
  /** What the backend derives from the records, kept up to date within the batch's transaction. */
  derived: DerivedData;
}

/**
 * Derived data (indicator facts, the matching search index, the cross-city findings) is built differently by each
 * backend; the intake asks for it through these and does not know how.
 */
export interface DerivedData {
  /**
   * The indicator facts of DOMAIN §7 for `query`: on SQLite read from the fact tables its triggers keep
   * (core/indicators/factTables.ts), on PostgreSQL computed from the records by the same definition (provinceFacts.ts).
   */
  readFacts(query: FactsQuery): Promise<Map<string, RegionFacts>>;
  /** Per region and industry, the patents and amounts of the deals counted in I1 and in I2 recorded in `year`. */
  industryFacts(year: number, regions: readonly string[]): Promise<IndustryFacts[]>;
  /** The counted deals behind a chart's bar: how many, their patents, and the latest ones' ids. */
  countedDeals(filter: CountedDealsFilter): Promise<CountedDealIds>;
  /** 统计图表's `year` month by month, the regions together. */
  monthFacts(year: number, regions: readonly string[]): Promise<MonthFacts[]>;
  /** Per region, the distinct I3 enterprises and I4a patents from `cumulativeFrom` through `toYear`. */
  cumulativeDistinct(
    regions: readonly string[],
    cumulativeFrom: number,
    toYear: number,
  ): Promise<Map<string, { enterprises: number; registrationPatents: number }>>;
  /** Starts a batch: derived facts are brought up to date once, by the function returned, at the batch's end. */
  deferFacts(tx: ProvinceTx): Promise<() => Promise<void>>;
  /** A record just written: index it where the backend searches it. */
  indexRow(tx: ProvinceTx, entity: string, row: Record<string, unknown>): Promise<void>;
  /**
   * Runs the cross-city rules over a batch's new deals and publishes their findings as feedback (and, across regions,
   * to the province's review queue), in a transaction of its own; resolves with the number published.
   */
  crossCity(dealIds: readonly string[], at: string): Promise<number>;
}
