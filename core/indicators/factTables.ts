/**
 * The facts of DOMAIN §7 read from the tables the database keeps up to date itself (migrations 8–10): yearly sums per
 * (family, region, year), the benefited enterprises per (region, year), and the counted deal rows keyed by
 * (family, region, recordation date). What they hold is defined, deal by deal, exactly as facts.ts computes it from
 * scratch; factTables.test.ts checks the two agree after random sequences of writes. Registrations (I4, I4a), pledges
 * (I5, I5a) and the figures behind I3a/I3b come from the tables of migration 9, running totals per region-year and
 * the first program year of each SME and registered patent from migration 10.
 */
import { PROGRAM_FIRST_YEAR } from '../../shared/indicators/ids';
import type { ReadHandle } from '../store/store';
import {
  inRegions,
  monthsOf,
  num,
  regionFactsCollector,
  yearRange,
  type FactsQuery,
  type IndustryFacts,
  type MonthFacts,
  type RegionFacts,
} from './facts';

/** Counted deals of a family in a region, for lists and charts: `f` is the deal's fact row, join deals for more. */
export const COUNTED_DEALS_FROM = `FROM indicator_deals f WHERE f.family = :family AND f.region IN (__REGIONS__)`;

const YEAR_OF = (column: string) => `CAST(substr(${column}, 1, 4) AS INTEGER)`;

export const FACT_TABLE_QUERIES = {
  dealYears: `SELECT family, region, year, patents, amount_fen AS amount FROM indicator_deal_years
    WHERE family IN ('I1','I2') AND region IN (__REGIONS__) AND year BETWEEN :fromYear AND :toYear`,
  paymentYears: `SELECT family, region, year, amount_fen AS amount FROM indicator_payment_years
    WHERE family IN ('I1','I2') AND region IN (__REGIONS__) AND year BETWEEN :fromYear AND :toYear`,
  /** I3 and, from `figuresFrom`, the I3a/I3b sums of its enterprises with figures for Y and Y−1. */
  enterprises: `SELECT region, year, enterprises,
      CASE WHEN year >= :figuresFrom THEN revenue_now END AS revenueNow,
      CASE WHEN year >= :figuresFrom THEN revenue_before END AS revenueBefore,
      CASE WHEN year >= :figuresFrom THEN employees_now END AS employeesNow,
      CASE WHEN year >= :figuresFrom THEN employees_before END AS employeesBefore
    FROM indicator_enterprise_totals WHERE region IN (__REGIONS__) AND year BETWEEN :fromYear AND :toYear`,
  /** Distinct counts over the program period (from 2021): what first counted in a year up to Y. */
  programEnterprises: `SELECT region, count(*) AS enterprises FROM indicator_program_enterprises INDEXED BY indicator_program_enterprises_first
    WHERE region IN (__REGIONS__) AND first_year <= :toYear GROUP BY 1`,
  programRegistrationPatents: `SELECT region, count(*) AS patents FROM indicator_program_patents INDEXED BY indicator_program_patents_first
    WHERE region IN (__REGIONS__) AND first_year <= :toYear GROUP BY 1`,
  /** Distinct counts over any other period. */
  cumulativeEnterprises: `SELECT region, count(DISTINCT assignee_id) AS enterprises
    FROM indicator_enterprise_years INDEXED BY indicator_enterprise_years_enterprise
    WHERE region IN (__REGIONS__) AND year BETWEEN :cumulativeFrom AND :toYear GROUP BY 1`,
  registrations: `SELECT region, ${YEAR_OF('registration_date')} AS year, count(*) AS registrations FROM indicator_registrations
    WHERE region IN (__REGIONS__) AND registration_date BETWEEN :from AND :to GROUP BY 1, 2`,
  registrationPatents: `SELECT region, year, count(DISTINCT patent_number) AS patents FROM indicator_registration_patents
    WHERE region IN (__REGIONS__) AND year BETWEEN :fromYear AND :toYear GROUP BY 1, 2`,
  cumulativeRegistrationPatents: `SELECT region, count(DISTINCT patent_number) AS patents
    FROM indicator_registration_patents INDEXED BY indicator_registration_patents_patent WHERE region IN (__REGIONS__) AND year BETWEEN :cumulativeFrom AND :toYear GROUP BY 1`,
  pledges: `SELECT region, ${YEAR_OF('registration_date')} AS year, sum(amount_fen) AS amount, count(*) AS pledges FROM indicator_pledges
    WHERE region IN (__REGIONS__) AND registration_date BETWEEN :from AND :to GROUP BY 1, 2`,
  monthsI1: `SELECT substr(f.recordation_date, 1, 7) AS month, sum(f.patent_count) AS n FROM indicator_deals f
    WHERE f.family = 'I1' AND f.region IN (__REGIONS__) AND f.recordation_date BETWEEN :from AND :to GROUP BY 1`,
  monthsI2: `SELECT substr(f.recordation_date, 1, 7) AS month, sum(f.patent_count) AS n FROM indicator_deals f
    WHERE f.family = 'I2' AND f.region IN (__REGIONS__) AND f.recordation_date BETWEEN :from AND :to GROUP BY 1`,
  monthsI5: `SELECT substr(registration_date, 1, 7) AS month, sum(amount_fen) AS amount, count(*) AS n
    FROM indicator_pledges WHERE region IN (__REGIONS__) AND registration_date BETWEEN :from AND :to GROUP BY 1`,
  industries: `SELECT f.family, f.region, f.industry, sum(f.patent_count) AS patents, sum(f.amount_fen) AS amount
    FROM indicator_deals f WHERE f.family IN ('I1','I2') AND f.region IN (__REGIONS__)
      AND f.recordation_date BETWEEN :from AND :to GROUP BY 1, 2, 3`,
} as const;

type Row = Record<string, number | string | null>;

export function readFacts(db: ReadHandle, query: FactsQuery): Map<string, RegionFacts> {
  const { facts, entryOf } = regionFactsCollector(query.regions);
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
  for (const r of rows(FACT_TABLE_QUERIES.enterprises, { ...years, figuresFrom: query.figuresFrom })) {
    const f = entryOf(r);
    if (!f) continue;
    f.I3 = num(r.enterprises);
    f.revenue = [num(r.revenueNow), num(r.revenueBefore)];
    f.employees = [num(r.employeesNow), num(r.employeesBefore)];
  }
  for (const r of rows(FACT_TABLE_QUERIES.registrations, dates)) {
    const f = entryOf(r);
    if (f) f.I4 = num(r.registrations);
  }
  for (const r of rows(FACT_TABLE_QUERIES.registrationPatents, years)) {
    const f = entryOf(r);
    if (f) f.I4a = num(r.patents);
  }
  for (const r of rows(FACT_TABLE_QUERIES.pledges, dates)) {
    const f = entryOf(r);
    if (f) Object.assign(f, { I5: num(r.amount), I5a: num(r.pledges) });
  }
  for (const [region, distinct] of readCumulativeDistinct(db, query.regions, query.cumulativeFrom, query.toYear)) {
    const entry = facts.get(region);
    if (entry)
      Object.assign(entry, {
        cumulativeEnterprises: distinct.enterprises,
        cumulativeRegistrationPatents: distinct.registrationPatents,
      });
  }
  return facts;
}

/** The province's industry map of `year` (facts.ts industryFactsSteps defines it), from the counted deal rows. */
export function readIndustryFacts(db: ReadHandle, year: number, regions: readonly string[]): IndustryFacts[] {
  const rows = db.prepare(inRegions(FACT_TABLE_QUERIES.industries, regions)).all(yearRange(year)) as IndustryFacts[];
  return rows.map((r) => ({ ...r, patents: num(r.patents), amount: num(r.amount) }));
}

/** 统计图表's year month by month (facts.ts monthsOf), from the counted deal and pledge rows. */
export function readMonthFacts(db: ReadHandle, year: number, regions: readonly string[]): MonthFacts[] {
  return monthsOf((name) => db.prepare(inRegions(FACT_TABLE_QUERIES[name], regions)).all(yearRange(year)) as Row[]);
}

/** Distinct benefited enterprises (I3) and registered patents (I4a) from `cumulativeFrom` through the end of `toYear`, per region. */
export function readCumulativeDistinct(
  db: ReadHandle,
  regions: readonly string[],
  cumulativeFrom: number,
  toYear: number,
): Map<string, { enterprises: number; registrationPatents: number }> {
  const result = new Map(regions.map((r) => [r, { enterprises: 0, registrationPatents: 0 }]));
  const program = cumulativeFrom === PROGRAM_FIRST_YEAR;
  const rows = (sql: string) =>
    db.prepare(inRegions(sql, regions)).all(program ? { toYear } : { cumulativeFrom, toYear }) as Row[];
  const q = FACT_TABLE_QUERIES;
  for (const row of rows(program ? q.programEnterprises : q.cumulativeEnterprises)) {
    const entry = result.get(String(row.region));
    if (entry) entry.enterprises = num(row.enterprises);
  }
  for (const row of rows(program ? q.programRegistrationPatents : q.cumulativeRegistrationPatents)) {
    const entry = result.get(String(row.region));
    if (entry) entry.registrationPatents = num(row.patents);
  }
  return result;
}
