/**
 * Builds the indicator report of DESIGN §3a from the facts: year values, cumulative 2021..Y, target, completion,
 * year-on-year and average growth since 2020 (the stored 2020 baseline where one is set, else the recorded data).
 */
import type { IndicatorNumbers, IndicatorReport, IndicatorValue } from '../../shared/contract/indicators';
import { averageGrowth, completionRate, sumGrowth, yearOnYear } from '../../shared/indicators/growth';
import { BASE_YEAR, INDICATOR_IDS, PROGRAM_FIRST_YEAR, type IndicatorId } from '../../shared/indicators/ids';
import { CITY_REGIONS, PROVINCE_CODE } from '../../shared/domain/regions';
import type { ReadHandle } from '../store/store';
import { emptyYearFacts, type FactsQuery, type RegionFacts, type YearFacts } from './facts';
import { readFacts } from './factTables';
import { targetLookup, type TargetLookup } from './targetsStore';

export const TWELVE_REGIONS: readonly string[] = CITY_REGIONS.map((r) => r.code);

export function regionsOf(region: string): readonly string[] {
  return region === PROVINCE_CODE ? TWELVE_REGIONS : [region];
}

type Summed = Exclude<IndicatorId, 'I3a' | 'I3b'>;

function addFacts(a: YearFacts, b: YearFacts): YearFacts {
  const sum = emptyYearFacts();
  for (const key of ['I1', 'I1a', 'I1b', 'I2', 'I2a', 'I2b', 'I3', 'I4', 'I4a', 'I5', 'I5a'] as const)
    sum[key] = a[key] + b[key];
  sum.revenue = [a.revenue[0] + b.revenue[0], a.revenue[1] + b.revenue[1]];
  sum.employees = [a.employees[0] + b.employees[0], a.employees[1] + b.employees[1]];
  return sum;
}

/** Year values of one year as DOMAIN §7 defines them (I3a/I3b as growth of summed figures). */
export function yearValues(f: YearFacts): IndicatorNumbers {
  return {
    I1: f.I1,
    I1a: f.I1a,
    I1b: f.I1b,
    I2: f.I2,
    I2a: f.I2a,
    I2b: f.I2b,
    I3: f.I3,
    I3a: sumGrowth(f.revenue[0], f.revenue[1]),
    I3b: sumGrowth(f.employees[0], f.employees[1]),
    I4: f.I4,
    I4a: f.I4a,
    I5: f.I5,
    I5a: f.I5a,
  };
}

/** The facts of a set of regions, summed (the province is the sum of the twelve). */
export interface AreaFacts {
  year(y: number): YearFacts;
  cumulativeEnterprises: number;
  cumulativeRegistrationPatents: number;
}

export function sumRegions(facts: Map<string, RegionFacts>, regions: readonly string[]): AreaFacts {
  const parts = regions.map((r) => facts.get(r)).filter((f): f is RegionFacts => f !== undefined);
  return {
    year: (y) => parts.reduce((sum, part) => addFacts(sum, part.years.get(y) ?? emptyYearFacts()), emptyYearFacts()),
    cumulativeEnterprises: parts.reduce((s, p) => s + p.cumulativeEnterprises, 0),
    cumulativeRegistrationPatents: parts.reduce((s, p) => s + p.cumulativeRegistrationPatents, 0),
  };
}

/** v(2020) of a region: its stored baseline, else what the store holds for 2020; the province adds up its regions. */
function baseValue(id: Summed, region: string, facts: Map<string, RegionFacts>, targets: TargetLookup): number {
  const own = targets.baseline(region, id, BASE_YEAR);
  if (own !== null) return own;
  if (region === PROVINCE_CODE) return TWELVE_REGIONS.reduce((sum, r) => sum + baseValue(id, r, facts, targets), 0);
  return yearValues(facts.get(region)?.years.get(BASE_YEAR) ?? emptyYearFacts())[id] ?? 0;
}

export interface ReportParts {
  facts: Map<string, RegionFacts>;
  targets: TargetLookup;
}

/**
 * The facts a report of (region, year) reads: every year since 2020 (growth), the program's cumulative counts.
 * `withYearlyFigures`: I3a/I3b for every year since 2020 (charts), not only for the year asked for (report).
 */
export function reportFactsQuery(region: string, year: number, withYearlyFigures = false): FactsQuery {
  const fromYear = Math.min(BASE_YEAR, year - 1);
  return {
    regions: regionsOf(region),
    fromYear,
    toYear: year,
    cumulativeFrom: PROGRAM_FIRST_YEAR,
    figuresFrom: withYearlyFigures ? fromYear : year,
  };
}

export function readReportParts(db: ReadHandle, region: string, year: number, withYearlyFigures = false): ReportParts {
  return { facts: readFacts(db, reportFactsQuery(region, year, withYearlyFigures)), targets: targetLookup(db) };
}

export function buildReport(region: string, year: number, parts: ReportParts): IndicatorReport {
  const { facts, targets } = parts;
  const area = sumRegions(facts, regionsOf(region));
  const now = yearValues(area.year(year));
  const before = yearValues(area.year(year - 1));
  const cumulativeYears: IndicatorNumbers[] = [];
  for (let y = PROGRAM_FIRST_YEAR; y <= year; y++) cumulativeYears.push(yearValues(area.year(y)));

  const indicators = {} as Record<IndicatorId, IndicatorValue>;
  for (const id of INDICATOR_IDS) {
    if (id === 'I3a' || id === 'I3b') {
      indicators[id] = { year: now[id], cumulative: null, target: null, completion: null, yoy: null, avgGrowth: null };
      continue;
    }
    const cumulative =
      id === 'I3'
        ? area.cumulativeEnterprises
        : id === 'I4a'
          ? area.cumulativeRegistrationPatents
          : cumulativeYears.reduce((sum, values) => sum + (values[id] ?? 0), 0);
    const base = baseValue(id, region, facts, targets);
    const previous = year - 1 === BASE_YEAR ? base : before[id];
    const target = targets.target(region, id, year);
    indicators[id] = {
      year: now[id],
      cumulative,
      target,
      completion: completionRate(cumulative, target),
      yoy: yearOnYear(now[id], previous),
      avgGrowth: averageGrowth(now[id], base, year),
    };
  }
  return { region, year, indicators };
}

export function computeReport(db: ReadHandle, region: string, year: number): IndicatorReport {
  return buildReport(region, year, readReportParts(db, region, year));
}
