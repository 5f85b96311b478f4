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
import type { ReadHandle } from '../store/store';

const SME = `('微型','小型','中型')`;

/** Deals taken out of every indicator by a confirmed flag. */
const CONFIRMED_DEALS = `(SELECT fs.entity_id FROM anomaly_flags af JOIN flag_subjects fs ON fs.flag_id = af.id
  WHERE af.status = '确认异常' AND fs.entity = 'deal')`;

const COUNTED_DEAL = `d.voided_at IS NULL AND d.recordation_date IS NOT NULL AND d.id NOT IN ${CONFIRMED_DEALS}`;

/** I1: the assignee is a Shanxi SME (the deal's size snapshot first, else the organization's size). */
export const I1_FROM = `FROM organizations o INDEXED BY organizations_region_parties CROSS JOIN deals d INDEXED BY deals_counted_by_assignee ON d.assignee_id = o.id
  WHERE o.city_code IN (__REGIONS__) AND ${COUNTED_DEAL}
    AND coalesce(d.assignee_size, o.size) IN ${SME}`;

/** I2: the assignor is a Shanxi university or research institute. */
export const I2_FROM = `FROM organizations o INDEXED BY organizations_region_parties CROSS JOIN deals d INDEXED BY deals_counted_by_assignor ON d.assignor_id = o.id
  WHERE o.city_code IN (__REGIONS__) AND ${COUNTED_DEAL}
    AND o.kind IN ('高校','科研院所')`;

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

const SQL = {
  dealsI1: `SELECT o.city_code AS region, ${yearOf('d.recordation_date')} AS year, sum(d.patent_count) AS patents,
      sum(d.amount_fen) AS amount, count(DISTINCT d.assignee_id) AS enterprises
    ${I1_FROM} AND ${RECORDED_IN_RANGE} GROUP BY 1, 2`,
  paymentsI1: `SELECT o.city_code AS region, ${yearOf('p.paid_date')} AS year, sum(p.amount_fen) AS amount
    FROM organizations o INDEXED BY organizations_region_parties CROSS JOIN deals d INDEXED BY deals_counted_by_assignee ON d.assignee_id = o.id CROSS JOIN payments p INDEXED BY payments_live_by_deal ON p.deal_id = d.id
    WHERE o.city_code IN (__REGIONS__) AND ${COUNTED_DEAL}
      AND coalesce(d.assignee_size, o.size) IN ${SME}
      AND p.voided_at IS NULL AND p.paid_date BETWEEN :from AND :to GROUP BY 1, 2`,
  dealsI2: `SELECT o.city_code AS region, ${yearOf('d.recordation_date')} AS year, sum(d.patent_count) AS patents,
      sum(d.amount_fen) AS amount
    ${I2_FROM} AND ${RECORDED_IN_RANGE} GROUP BY 1, 2`,
  paymentsI2: `SELECT o.city_code AS region, ${yearOf('p.paid_date')} AS year, sum(p.amount_fen) AS amount
    FROM organizations o INDEXED BY organizations_region_parties CROSS JOIN deals d INDEXED BY deals_counted_by_assignor ON d.assignor_id = o.id CROSS JOIN payments p INDEXED BY payments_live_by_deal ON p.deal_id = d.id
    WHERE o.city_code IN (__REGIONS__) AND ${COUNTED_DEAL}
      AND o.kind IN ('高校','科研院所')
      AND p.voided_at IS NULL AND p.paid_date BETWEEN :from AND :to GROUP BY 1, 2`,
  cumulativeEnterprises: `SELECT o.city_code AS region, count(DISTINCT d.assignee_id) AS enterprises
    ${I1_FROM} AND d.recordation_date BETWEEN :cumulativeFrom AND :to GROUP BY 1`,
  /** I3a/I3b: the I3 enterprises of each year Y, those with figures for Y and Y−1, per measure. */
  enterpriseFigures: `WITH benefited AS (
      SELECT DISTINCT o.city_code AS region, ${yearOf('d.recordation_date')} AS year, d.assignee_id AS id
      ${I1_FROM} AND d.recordation_date BETWEEN :figuresFrom AND :to)
    SELECT b.region, b.year,
      sum(CASE WHEN cur.revenue_fen IS NOT NULL AND prev.revenue_fen IS NOT NULL THEN cur.revenue_fen END) AS revenueNow,
      sum(CASE WHEN cur.revenue_fen IS NOT NULL AND prev.revenue_fen IS NOT NULL THEN prev.revenue_fen END) AS revenueBefore,
      sum(CASE WHEN cur.employees IS NOT NULL AND prev.employees IS NOT NULL THEN cur.employees END) AS employeesNow,
      sum(CASE WHEN cur.employees IS NOT NULL AND prev.employees IS NOT NULL THEN prev.employees END) AS employeesBefore
    FROM benefited b
    JOIN enterprise_figures cur ON cur.organization_id = b.id AND cur.year = b.year AND cur.voided_at IS NULL
    JOIN enterprise_figures prev ON prev.organization_id = b.id AND prev.year = b.year - 1 AND prev.voided_at IS NULL
    GROUP BY 1, 2`,
  registrations: `SELECT o.city_code AS region, ${yearOf('r.registration_date')} AS year, count(*) AS registrations
    FROM organizations o INDEXED BY organizations_region_parties CROSS JOIN product_registrations r INDEXED BY product_registrations_live_by_enterprise ON r.enterprise_id = o.id
    WHERE o.city_code IN (__REGIONS__) AND r.voided_at IS NULL
      AND coalesce(r.enterprise_size, o.size) IN ${SME} AND r.registration_date BETWEEN :from AND :to GROUP BY 1, 2`,
  registrationPatents: `SELECT o.city_code AS region, ${yearOf('r.registration_date')} AS year,
      count(DISTINCT rp.patent_number) AS patents
    FROM organizations o INDEXED BY organizations_region_parties CROSS JOIN product_registrations r INDEXED BY product_registrations_live_by_enterprise ON r.enterprise_id = o.id
    JOIN registration_patents rp ON rp.registration_id = r.id
    WHERE o.city_code IN (__REGIONS__) AND r.voided_at IS NULL
      AND coalesce(r.enterprise_size, o.size) IN ${SME} AND r.registration_date BETWEEN :from AND :to GROUP BY 1, 2`,
  cumulativeRegistrationPatents: `SELECT o.city_code AS region, count(DISTINCT rp.patent_number) AS patents
    FROM organizations o INDEXED BY organizations_region_parties CROSS JOIN product_registrations r INDEXED BY product_registrations_live_by_enterprise ON r.enterprise_id = o.id
    JOIN registration_patents rp ON rp.registration_id = r.id
    WHERE o.city_code IN (__REGIONS__) AND r.voided_at IS NULL
      AND coalesce(r.enterprise_size, o.size) IN ${SME} AND r.registration_date BETWEEN :cumulativeFrom AND :to GROUP BY 1`,
  pledges: `SELECT o.city_code AS region, ${yearOf('p.registration_date')} AS year, sum(p.amount_fen) AS amount, count(*) AS pledges
    FROM organizations o INDEXED BY organizations_region_parties CROSS JOIN pledges p INDEXED BY pledges_live_by_pledgor ON p.pledgor_id = o.id
    WHERE o.city_code IN (__REGIONS__) AND p.voided_at IS NULL
      AND p.registration_date BETWEEN :from AND :to GROUP BY 1, 2`,
} as const;

export const FACT_QUERIES = SQL;

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

export function readFactsFromScratch(db: ReadHandle, query: FactsQuery): Map<string, RegionFacts> {
  const params = {
    from: `${query.fromYear}-01-01`,
    to: query.toDate ?? `${query.toYear}-12-31`,
    cumulativeFrom: `${query.cumulativeFrom}-01-01`,
    figuresFrom: `${query.figuresFrom}-01-01`,
  };
  const { facts, entryOf: yearFacts } = regionFactsCollector(query.regions);
  const each = (sql: string, apply: (entry: YearFacts, row: Row) => void, named: Record<string, string> = params) => {
    for (const row of db.prepare(inRegions(sql, query.regions)).all(named) as Row[]) {
      const entry = yearFacts(row);
      if (entry) apply(entry, row);
    }
  };
  const range = { from: params.from, to: params.to };
  each(
    SQL.dealsI1,
    (f, r) => Object.assign(f, { I1: num(r.patents), I1a: num(r.amount), I3: num(r.enterprises) }),
    range,
  );
  each(SQL.paymentsI1, (f, r) => (f.I1b = num(r.amount)), range);
  each(SQL.dealsI2, (f, r) => Object.assign(f, { I2: num(r.patents), I2a: num(r.amount) }), range);
  each(SQL.paymentsI2, (f, r) => (f.I2b = num(r.amount)), range);
  each(
    SQL.enterpriseFigures,
    (f, r) => {
      f.revenue = [num(r.revenueNow), num(r.revenueBefore)];
      f.employees = [num(r.employeesNow), num(r.employeesBefore)];
    },
    { to: params.to, figuresFrom: params.figuresFrom },
  );
  each(SQL.registrations, (f, r) => (f.I4 = num(r.registrations)), range);
  each(SQL.registrationPatents, (f, r) => (f.I4a = num(r.patents)), range);
  each(SQL.pledges, (f, r) => Object.assign(f, { I5: num(r.amount), I5a: num(r.pledges) }), range);

  const cumulative = { to: params.to, cumulativeFrom: params.cumulativeFrom };
  for (const row of db.prepare(inRegions(SQL.cumulativeEnterprises, query.regions)).all(cumulative) as Row[]) {
    const region = facts.get(String(row.region));
    if (region) region.cumulativeEnterprises = num(row.enterprises);
  }
  for (const row of db.prepare(inRegions(SQL.cumulativeRegistrationPatents, query.regions)).all(cumulative) as Row[]) {
    const region = facts.get(String(row.region));
    if (region) region.cumulativeRegistrationPatents = num(row.patents);
  }
  return facts;
}
