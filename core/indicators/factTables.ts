/**
 * The facts of DOMAIN §7 read from the tables the database keeps up to date itself (migration 8): yearly sums per
 * (family, region, year), the benefited enterprises per (region, year), and the counted deal rows keyed by
 * (family, region, recordation date). What they hold is defined, deal by deal, exactly as facts.ts computes it from
 * scratch; factTables.test.ts checks the two agree after random sequences of writes. Registrations (I4, I4a) and
 * pledges (I5, I5a) are few and read as facts.ts reads them.
 */
import type { ReadHandle } from '../store/store';
import { emptyYearFacts, FACT_QUERIES, inRegions, type FactsQuery, type RegionFacts, type YearFacts } from './facts';

/** Counted deals of a family in a region, for lists and charts: `f` is the deal's fact row, join deals for more. */
export const COUNTED_DEALS_FROM = `FROM indicator_deals f WHERE f.family = :family AND f.region IN (__REGIONS__)`;

export const FACT_TABLE_QUERIES = {
  dealYears: `SELECT family, region, year, patents, amount_fen AS amount FROM indicator_deal_years
    WHERE family IN ('I1','I2') AND region IN (__REGIONS__) AND year BETWEEN :fromYear AND :toYear`,
  paymentYears: `SELECT family, region, year, amount_fen AS amount FROM indicator_payment_years
    WHERE family IN ('I1','I2') AND region IN (__REGIONS__) AND year BETWEEN :fromYear AND :toYear`,
  enterprises: `SELECT region, year, count(*) AS enterprises FROM indicator_enterprise_years
    WHERE region IN (__REGIONS__) AND year BETWEEN :fromYear AND :toYear GROUP BY 1, 2`,
  cumulativeEnterprises: `SELECT region, count(DISTINCT assignee_id) AS enterprises
    FROM indicator_enterprise_years INDEXED BY indicator_enterprise_years_enterprise
    WHERE region IN (__REGIONS__) AND year BETWEEN :cumulativeFrom AND :toYear GROUP BY 1`,
  /** I3a/I3b: the I3 enterprises of each year Y with figures for Y and Y−1, summed per measure. */
  enterpriseFigures: `SELECT b.region, b.year,
      sum(CASE WHEN cur.revenue_fen IS NOT NULL AND prev.revenue_fen IS NOT NULL THEN cur.revenue_fen END) AS revenueNow,
      sum(CASE WHEN cur.revenue_fen IS NOT NULL AND prev.revenue_fen IS NOT NULL THEN prev.revenue_fen END) AS revenueBefore,
      sum(CASE WHEN cur.employees IS NOT NULL AND prev.employees IS NOT NULL THEN cur.employees END) AS employeesNow,
      sum(CASE WHEN cur.employees IS NOT NULL AND prev.employees IS NOT NULL THEN prev.employees END) AS employeesBefore
    FROM indicator_enterprise_years b
    JOIN enterprise_figures cur ON cur.organization_id = b.assignee_id AND cur.year = b.year AND cur.voided_at IS NULL
    JOIN enterprise_figures prev ON prev.organization_id = b.assignee_id AND prev.year = b.year - 1 AND prev.voided_at IS NULL
    WHERE b.region IN (__REGIONS__) AND b.year BETWEEN :figuresFrom AND :toYear
    GROUP BY 1, 2`,
} as const;

type Row = Record<string, number | string | null>;

const num = (value: number | string | null | undefined): number => (typeof value === 'number' ? value : 0);

export function readFacts(db: ReadHandle, query: FactsQuery): Map<string, RegionFacts> {
  const facts = new Map<string, RegionFacts>(
    query.regions.map((region) => [region, { years: new Map(), cumulativeEnterprises: 0, cumulativeRegistrationPatents: 0 }]),
  );
  const entryOf = (row: Row): YearFacts | null => {
    const region = facts.get(String(row.region));
    if (!region) return null;
    const year = num(row.year);
    let entry = region.years.get(year);
    if (!entry) region.years.set(year, (entry = emptyYearFacts()));
    return entry;
  };
  const rows = (sql: string, params: Record<string, string | number>) =>
    db.prepare(inRegions(sql, query.regions)).all(params) as Row[];
  const years = { fromYear: query.fromYear, toYear: query.toYear };
  const dates = { from: `${query.fromYear}-01-01`, to: `${query.toYear}-12-31` };

  for (const r of rows(FACT_TABLE_QUERIES.dealYears, years)) {
    const f = entryOf(r);
    if (f && r.family === 'I1') Object.assign(f, { I1: num(r.patents), I1a: num(r.amount) });
    if (f && r.family === 'I2') Object.assign(f, { I2: num(r.patents), I2a: num(r.amount) });
  }
  for (const r of rows(FACT_TABLE_QUERIES.paymentYears, years)) {
    const f = entryOf(r);
    if (f && r.family === 'I1') f.I1b = num(r.amount);
    if (f && r.family === 'I2') f.I2b = num(r.amount);
  }
  for (const r of rows(FACT_TABLE_QUERIES.enterprises, years)) {
    const f = entryOf(r);
    if (f) f.I3 = num(r.enterprises);
  }
  for (const r of rows(FACT_TABLE_QUERIES.enterpriseFigures, { figuresFrom: query.figuresFrom, toYear: query.toYear })) {
    const f = entryOf(r);
    if (f) {
      f.revenue = [num(r.revenueNow), num(r.revenueBefore)];
      f.employees = [num(r.employeesNow), num(r.employeesBefore)];
    }
  }
  for (const r of rows(FACT_QUERIES.registrations, dates)) {
    const f = entryOf(r);
    if (f) f.I4 = num(r.registrations);
  }
  for (const r of rows(FACT_QUERIES.registrationPatents, dates)) {
    const f = entryOf(r);
    if (f) f.I4a = num(r.patents);
  }
  for (const r of rows(FACT_QUERIES.pledges, dates)) {
    const f = entryOf(r);
    if (f) Object.assign(f, { I5: num(r.amount), I5a: num(r.pledges) });
  }
  for (const [region, distinct] of readCumulativeDistinct(db, query.regions, query.cumulativeFrom, query.toYear)) {
    const entry = facts.get(region);
    if (entry) Object.assign(entry, { cumulativeEnterprises: distinct.enterprises, cumulativeRegistrationPatents: distinct.registrationPatents });
  }
  return facts;
}

/** Distinct benefited enterprises (I3) and registered patents (I4a) from `cumulativeFrom` through the end of `toYear`, per region. */
export function readCumulativeDistinct(
  db: ReadHandle,
  regions: readonly string[],
  cumulativeFrom: number,
  toYear: number,
): Map<string, { enterprises: number; registrationPatents: number }> {
  const result = new Map(regions.map((r) => [r, { enterprises: 0, registrationPatents: 0 }]));
  const enterprises = db.prepare(inRegions(FACT_TABLE_QUERIES.cumulativeEnterprises, regions)).all({ cumulativeFrom, toYear }) as Row[];
  for (const row of enterprises) {
    const entry = result.get(String(row.region));
    if (entry) entry.enterprises = num(row.enterprises);
  }
  const patents = db
    .prepare(inRegions(FACT_QUERIES.cumulativeRegistrationPatents, regions))
    .all({ cumulativeFrom: `${cumulativeFrom}-01-01`, to: `${toYear}-12-31` }) as Row[];
  for (const row of patents) {
    const entry = result.get(String(row.region));
    if (entry) entry.registrationPatents = num(row.patents);
  }
  return result;
}
