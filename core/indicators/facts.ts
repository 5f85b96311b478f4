/**
 * The raw facts behind DOMAIN §7 computed from scratch from the filings, with one grouped query per family, per
 * (region, year). This is the definition: the engine reads the same facts from the tables the database keeps up to
 * date (factTables.ts, migration 8), and factTables.test.ts checks both agree after random writes. The registration
 * and pledge queries here are also what the engine runs (those records are few).
 *
 * The province is the sum of the twelve regions, so every query groups by the party's reporting region
 * (organizations.city_code, where county codes are already rolled up and 140171 stays itself) and the caller adds
 * regions up. A deal counts when it is not voided, has a recordation date and no confirmed anomaly; its year is the
 * year of the recordation date; patents are counted as patent-deal pairs (deals.patent_count).
 */
import type { SqlDialect } from '../store/readPlan';
import type { ReadHandle } from '../store/store';

const SME = `('微型','小型','中型')`;

/** Deals taken out of every indicator by a confirmed flag. */
const CONFIRMED_DEALS = `(SELECT fs.entity_id FROM anomaly_flags af JOIN flag_subjects fs ON fs.flag_id = af.id
  WHERE af.status = '确认异常' AND fs.entity = 'deal')`;

const COUNTED_DEAL = `d.voided_at IS NULL AND d.recordation_date IS NOT NULL AND d.id NOT IN ${CONFIRMED_DEALS}`;

/**
 * The one place the facts' SQL differs by dialect. SQLite is told the index to walk (`INDEXED BY`) and, with
 * `CROSS JOIN`, to walk a region's parties first whatever its statistics say (queryPlans.test.ts holds it to that);
 * PostgreSQL takes neither (no index hints; `CROSS JOIN` has no `ON`) and plans the same joins itself.
 */
interface JoinHints {
  /** A table read through the named index: `deals d INDEXED BY deals_counted_by_assignee` on SQLite. */
  via(table: string, index: string): string;
  /** The join that keeps the written order. */
  then: string;
}
const JOIN_HINTS: Record<SqlDialect, JoinHints> = {
  sqlite: { via: (table, index) => `${table} INDEXED BY ${index}`, then: 'CROSS JOIN' },
  postgres: { via: (table) => table, then: 'JOIN' },
};

const RECORDED_IN_RANGE = `d.recordation_date BETWEEN :from AND :to`;
/**
 * The regions as SQL literals. Codes are checked to be six digits before they are inlined: the planner then sees
 * the list and walks organizations by region first (CROSS JOIN keeps that order whatever the statistics say).
 */
export function inRegions(sql: string, regions: readonly string[]): string {
  if (regions.length === 0 || !regions.every((r) => /^\d{6}$/.test(r)))
    throw new Error(`bad region list: ${regions.join(',')}`);
  return sql.replaceAll('__REGIONS__', regions.map((r) => `'${r}'`).join(','));
}

const yearOf = (column: string) => `CAST(substr(${column}, 1, 4) AS INTEGER)`;

export interface YearFacts {
  I1: number;
  I1a: number;
  I1b: number;
  I2: number;
  I2a: number;
  I2b: number;
  I3: number;
  /** Σ revenue of I3 enterprises with figures for Y and Y−1: [Σ(Y), Σ(Y−1)] in 分. */
  revenue: [number, number];
  employees: [number, number];
  I4: number;
  I4a: number;
  I5: number;
  I5a: number;
}

export const emptyYearFacts = (): YearFacts => ({
  I1: 0,
  I1a: 0,
  I1b: 0,
  I2: 0,
  I2a: 0,
  I2b: 0,
  I3: 0,
  revenue: [0, 0],
  employees: [0, 0],
  I4: 0,
  I4a: 0,
  I5: 0,
  I5a: 0,
});

/** Per region: per year facts, and the distinct counts over the cumulative period. */
export interface RegionFacts {
  years: Map<number, YearFacts>;
  cumulativeEnterprises: number;
  cumulativeRegistrationPatents: number;
}

export interface FactsQuery {
  regions: readonly string[];
  fromYear: number;
  toYear: number;
  /** First year of the cumulative period (distinct counts over it). */
  cumulativeFrom: number;
  /** First year whose I3a/I3b growth is wanted (the report needs only the year asked for). */
  figuresFrom: number;
  /**
   * The last day counted, within `toYear` (default its 31 December): a 定期通报 ends with a month. Only the facts
   * computed from scratch honour it; the tables hold whole years.
   */
  toDate?: string;
}

type Row = Record<string, number | string | null>;

/** The facts' queries in one dialect; `:name` parameters, `__REGIONS__` for the region list (inRegions). */
export function factQueries(dialect: SqlDialect) {
  const { via, then } = JOIN_HINTS[dialect];
  const parties = `FROM ${via('organizations o', 'organizations_region_parties')}`;
  /** I1: the assignee is a Shanxi SME (the deal's size snapshot first, else the organization's size). */
  const i1 = {
    deals: `${then} ${via('deals d', 'deals_counted_by_assignee')} ON d.assignee_id = o.id`,
    where: `o.city_code IN (__REGIONS__) AND ${COUNTED_DEAL} AND coalesce(d.assignee_size, o.size) IN ${SME}`,
  };
  /** I2: the assignor is a Shanxi university or research institute. */
  const i2 = {
    deals: `${then} ${via('deals d', 'deals_counted_by_assignor')} ON d.assignor_id = o.id`,
    where: `o.city_code IN (__REGIONS__) AND ${COUNTED_DEAL} AND o.kind IN ('高校','科研院所')`,
  };
  const i1Deals = `${parties} ${i1.deals} WHERE ${i1.where}`;
  const i2Deals = `${parties} ${i2.deals} WHERE ${i2.where}`;
  const payments = `${then} ${via('payments p', 'payments_live_by_deal')} ON p.deal_id = d.id`;
  const paid = `p.voided_at IS NULL AND p.paid_date BETWEEN :from AND :to`;
  const registrations = `${parties} ${then} ${via('product_registrations r', 'product_registrations_live_by_enterprise')} ON r.enterprise_id = o.id`;
  const liveRegistrations = `o.city_code IN (__REGIONS__) AND r.voided_at IS NULL AND coalesce(r.enterprise_size, o.size) IN ${SME}`;
  const registrationPatents = `${registrations} JOIN registration_patents rp ON rp.registration_id = r.id
    WHERE ${liveRegistrations}`;
  const livePledges = `${parties} ${then} ${via('pledges p', 'pledges_live_by_pledgor')} ON p.pledgor_id = o.id
      WHERE o.city_code IN (__REGIONS__) AND p.voided_at IS NULL`;
  return {
    dealsI1: `SELECT o.city_code AS region, ${yearOf('d.recordation_date')} AS year, sum(d.patent_count) AS patents,
        sum(d.amount_fen) AS amount, count(DISTINCT d.assignee_id) AS enterprises
      ${i1Deals} AND ${RECORDED_IN_RANGE} GROUP BY 1, 2`,
    paymentsI1: `SELECT o.city_code AS region, ${yearOf('p.paid_date')} AS year, sum(p.amount_fen) AS amount
      ${parties} ${i1.deals} ${payments} WHERE ${i1.where} AND ${paid} GROUP BY 1, 2`,
    dealsI2: `SELECT o.city_code AS region, ${yearOf('d.recordation_date')} AS year, sum(d.patent_count) AS patents,
        sum(d.amount_fen) AS amount
      ${i2Deals} AND ${RECORDED_IN_RANGE} GROUP BY 1, 2`,
    paymentsI2: `SELECT o.city_code AS region, ${yearOf('p.paid_date')} AS year, sum(p.amount_fen) AS amount
      ${parties} ${i2.deals} ${payments} WHERE ${i2.where} AND ${paid} GROUP BY 1, 2`,
    cumulativeEnterprises: `SELECT o.city_code AS region, count(DISTINCT d.assignee_id) AS enterprises
      ${i1Deals} AND d.recordation_date BETWEEN :cumulativeFrom AND :to GROUP BY 1`,
    /** I3a/I3b: the I3 enterprises of each year Y, those with figures for Y and Y−1, per measure. */
    enterpriseFigures: `WITH benefited AS (
        SELECT DISTINCT o.city_code AS region, ${yearOf('d.recordation_date')} AS year, d.assignee_id AS id
        ${i1Deals} AND d.recordation_date BETWEEN :figuresFrom AND :to)
      SELECT b.region, b.year,
        sum(CASE WHEN cur.revenue_fen IS NOT NULL AND prev.revenue_fen IS NOT NULL THEN cur.revenue_fen END) AS "revenueNow",
        sum(CASE WHEN cur.revenue_fen IS NOT NULL AND prev.revenue_fen IS NOT NULL THEN prev.revenue_fen END) AS "revenueBefore",
        sum(CASE WHEN cur.employees IS NOT NULL AND prev.employees IS NOT NULL THEN cur.employees END) AS "employeesNow",
        sum(CASE WHEN cur.employees IS NOT NULL AND prev.employees IS NOT NULL THEN prev.employees END) AS "employeesBefore"
      FROM benefited b
      JOIN enterprise_figures cur ON cur.organization_id = b.id AND cur.year = b.year AND cur.voided_at IS NULL
      JOIN enterprise_figures prev ON prev.organization_id = b.id AND prev.year = b.year - 1 AND prev.voided_at IS NULL
      GROUP BY 1, 2`,
    registrations: `SELECT o.city_code AS region, ${yearOf('r.registration_date')} AS year, count(*) AS registrations
      ${registrations} WHERE ${liveRegistrations} AND r.registration_date BETWEEN :from AND :to GROUP BY 1, 2`,
    registrationPatents: `SELECT o.city_code AS region, ${yearOf('r.registration_date')} AS year,
        count(DISTINCT rp.patent_number) AS patents
      ${registrationPatents} AND r.registration_date BETWEEN :from AND :to GROUP BY 1, 2`,
    cumulativeRegistrationPatents: `SELECT o.city_code AS region, count(DISTINCT rp.patent_number) AS patents
      ${registrationPatents} AND r.registration_date BETWEEN :cumulativeFrom AND :to GROUP BY 1`,
    /** The province's industry map: the deals counted in I1, in I2, per region and industry (one date range). */
    industriesI1: `SELECT o.city_code AS region, d.industry AS industry, sum(d.patent_count) AS patents,
        sum(d.amount_fen) AS amount
      ${i1Deals} AND ${RECORDED_IN_RANGE} GROUP BY 1, 2`,
    industriesI2: `SELECT o.city_code AS region, d.industry AS industry, sum(d.patent_count) AS patents,
        sum(d.amount_fen) AS amount
      ${i2Deals} AND ${RECORDED_IN_RANGE} GROUP BY 1, 2`,
    pledges: `SELECT o.city_code AS region, ${yearOf('p.registration_date')} AS year, sum(p.amount_fen) AS amount, count(*) AS pledges
      ${livePledges} AND p.registration_date BETWEEN :from AND :to GROUP BY 1, 2`,
    /** The deals counted in I1, in I2, recorded in a date range: the list behind a chart's bar (countedDeals.ts). */
    countedI1: `SELECT d.id AS id, d.patent_count AS patents, d.recordation_date AS recorded, d.industry AS industry
      ${i1Deals} AND ${RECORDED_IN_RANGE}`,
    countedI2: `SELECT d.id AS id, d.patent_count AS patents, d.recordation_date AS recorded, d.industry AS industry
      ${i2Deals} AND ${RECORDED_IN_RANGE}`,
    /** 统计图表's year month by month: I1 and I2 patents, I5 amounts and I5a pledges, the regions together. */
    monthsI1: `SELECT substr(d.recordation_date, 1, 7) AS month, sum(d.patent_count) AS n
      ${i1Deals} AND ${RECORDED_IN_RANGE} GROUP BY 1`,
    monthsI2: `SELECT substr(d.recordation_date, 1, 7) AS month, sum(d.patent_count) AS n
      ${i2Deals} AND ${RECORDED_IN_RANGE} GROUP BY 1`,
    monthsI5: `SELECT substr(p.registration_date, 1, 7) AS month, sum(p.amount_fen) AS amount, count(*) AS n
      ${livePledges} AND p.registration_date BETWEEN :from AND :to GROUP BY 1`,
  } as const;
}

export const FACT_QUERIES = factQueries('sqlite');

/** The date range of a year, as the industry and month queries take it. */
export const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** One cell of the province's industry map: the counted deals of a family in a region and industry. */
export interface IndustryFacts {
  family: 'I1' | 'I2';
  region: string;
  industry: string;
  patents: number;
  amount: number;
}

/** The industry map of `year` from scratch: a query per family, and the cell a row of it is. */
export function industryFactsSteps(year: number, regions: readonly string[], dialect: SqlDialect) {
  const sql = factQueries(dialect);
  return (['I1', 'I2'] as const).map((family) => ({
    sql: inRegions(family === 'I1' ? sql.industriesI1 : sql.industriesI2, regions),
    params: yearRange(year),
    cell: (row: Row): IndustryFacts => ({
      family,
      region: String(row.region),
      industry: String(row.industry),
      patents: num(row.patents),
      amount: num(row.amount),
    }),
  }));
}

/** A count or sum read from a row: SQLite answers NULL for an empty sum. */
export function num(value: number | string | null | undefined): number {
  return typeof value === 'number' ? value : 0;
}

type FactRow = Record<string, number | string | null>;

/** Empty facts for each region asked for, and the year entry a row of (region, year) adds to (null for a region not asked). */
export function regionFactsCollector(regions: readonly string[]): {
  facts: Map<string, RegionFacts>;
  entryOf: (row: FactRow) => YearFacts | null;
} {
  const facts = new Map<string, RegionFacts>(
    regions.map((region) => [region, { years: new Map(), cumulativeEnterprises: 0, cumulativeRegistrationPatents: 0 }]),
  );
  const entryOf = (row: FactRow): YearFacts | null => {
    const region = facts.get(String(row.region));
    if (!region) return null;
    const year = num(row.year);
    let entry = region.years.get(year);
    if (!entry) region.years.set(year, (entry = emptyYearFacts()));
    return entry;
  };
  return { facts, entryOf };
}

/** One query of the facts from scratch: its SQL (regions inlined), its named parameters, and what a row adds. */
export interface FactsStep {
  sql: string;
  params: Readonly<Record<string, string>>;
  apply(row: Row): void;
}

/**
 * The facts from scratch as queries to run and what each row adds to `facts`: the same for a synchronous SQLite
 * handle (readFactsFromScratch) and an asynchronous PostgreSQL one (core/province/store/provinceFacts.ts).
 */
export function factsFromScratchSteps(
  query: FactsQuery,
  dialect: SqlDialect,
): { facts: Map<string, RegionFacts>; steps: FactsStep[] } {
  const sql = factQueries(dialect);
  const params = {
    from: `${query.fromYear}-01-01`,
    to: query.toDate ?? `${query.toYear}-12-31`,
    cumulativeFrom: `${query.cumulativeFrom}-01-01`,
    figuresFrom: `${query.figuresFrom}-01-01`,
  };
  const range = { from: params.from, to: params.to };
  const cumulative = { to: params.to, cumulativeFrom: params.cumulativeFrom };
  const { facts, entryOf } = regionFactsCollector(query.regions);
  const step = (text: string, named: Record<string, string>, apply: (row: Row) => void): FactsStep => ({
    sql: inRegions(text, query.regions),
    params: named,
    apply,
  });
  const yearly = (text: string, named: Record<string, string>, apply: (entry: YearFacts, row: Row) => void) =>
    step(text, named, (row) => {
      const entry = entryOf(row);
      if (entry) apply(entry, row);
    });
  const regionOf = (row: Row) => facts.get(String(row.region));
  const steps = [
    yearly(sql.dealsI1, range, (f, r) =>
      Object.assign(f, { I1: num(r.patents), I1a: num(r.amount), I3: num(r.enterprises) }),
    ),
    yearly(sql.paymentsI1, range, (f, r) => (f.I1b = num(r.amount))),
    yearly(sql.dealsI2, range, (f, r) => Object.assign(f, { I2: num(r.patents), I2a: num(r.amount) })),
    yearly(sql.paymentsI2, range, (f, r) => (f.I2b = num(r.amount))),
    yearly(sql.enterpriseFigures, { to: params.to, figuresFrom: params.figuresFrom }, (f, r) => {
      f.revenue = [num(r.revenueNow), num(r.revenueBefore)];
      f.employees = [num(r.employeesNow), num(r.employeesBefore)];
    }),
    yearly(sql.registrations, range, (f, r) => (f.I4 = num(r.registrations))),
    yearly(sql.registrationPatents, range, (f, r) => (f.I4a = num(r.patents))),
    yearly(sql.pledges, range, (f, r) => Object.assign(f, { I5: num(r.amount), I5a: num(r.pledges) })),
    step(sql.cumulativeEnterprises, cumulative, (r) => {
      const region = regionOf(r);
      if (region) region.cumulativeEnterprises = num(r.enterprises);
    }),
    step(sql.cumulativeRegistrationPatents, cumulative, (r) => {
      const region = regionOf(r);
      if (region) region.cumulativeRegistrationPatents = num(r.patents);
    }),
  ];
  return { facts, steps };
}

/** One month of 统计图表's year (`YYYY-MM`), the regions asked for together. */
export interface MonthFacts {
  month: string;
  I1: number;
  I2: number;
  I5: number;
  I5a: number;
}

/** How a month row of each query adds to the months (the same rows from scratch or from the fact tables). */
export const MONTH_COLUMNS = {
  monthsI1: (m: MonthFacts, row: Row) => (m.I1 = num(row.n)),
  monthsI2: (m: MonthFacts, row: Row) => (m.I2 = num(row.n)),
  monthsI5: (m: MonthFacts, row: Row) => Object.assign(m, { I5: num(row.amount), I5a: num(row.n) }),
} as const;

export type MonthQuery = keyof typeof MONTH_COLUMNS;
export const MONTH_QUERIES = Object.keys(MONTH_COLUMNS) as MonthQuery[];

/** The months the rows of each month query describe (a month no query has a row for is left out). */
export function monthsOf(rowsOf: (name: MonthQuery) => readonly Row[]): MonthFacts[] {
  const months = new Map<string, MonthFacts>();
  for (const name of MONTH_QUERIES)
    for (const row of rowsOf(name)) {
      const month = String(row.month);
      let entry = months.get(month);
      if (!entry) months.set(month, (entry = { month, I1: 0, I2: 0, I5: 0, I5a: 0 }));
      MONTH_COLUMNS[name](entry, row);
    }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** The months of `year` computed from the records (SQLite), for checking the fact tables against. */
export function readMonthFactsFromScratch(db: ReadHandle, year: number, regions: readonly string[]): MonthFacts[] {
  return monthsOf((name) => db.prepare(inRegions(FACT_QUERIES[name], regions)).all(yearRange(year)) as Row[]);
}

export function readIndustryFactsFromScratch(
  db: ReadHandle,
  year: number,
  regions: readonly string[],
): IndustryFacts[] {
  return industryFactsSteps(year, regions, 'sqlite').flatMap((step) =>
    (db.prepare(step.sql).all(step.params) as Row[]).map(step.cell),
  );
}

export function readFactsFromScratch(db: ReadHandle, query: FactsQuery): Map<string, RegionFacts> {
  const { facts, steps } = factsFromScratchSteps(query, 'sqlite');
  for (const step of steps) for (const row of db.prepare(step.sql).all(step.params) as Row[]) step.apply(row);
  return facts;
}
