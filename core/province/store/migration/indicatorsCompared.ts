import type { IndicatorNumbers } from '../../../../shared/contract/indicators';
import { regionName } from '../../../../shared/domain/regions';
import { INDICATORS, INDICATOR_IDS, PROGRAM_FIRST_YEAR, type IndicatorId } from '../../../../shared/indicators/ids';
import { emptyYearFacts, type FactsQuery, type RegionFacts } from '../../../indicators/facts';
import { TWELVE_REGIONS, yearValues } from '../../../indicators/report';

/** The first and last year any indicator of the store reads: deals, payments, pledges, registrations, figures. */
export const INDICATOR_YEARS_SQL = /* sql */ `
SELECT min(y) AS first, max(y) AS last FROM (
  SELECT substr(recordation_date, 1, 4) AS y FROM deals
  UNION ALL SELECT substr(paid_date, 1, 4) FROM payments
  UNION ALL SELECT substr(registration_date, 1, 4) FROM pledges
  UNION ALL SELECT substr(registration_date, 1, 4) FROM product_registrations
  UNION ALL SELECT CAST(year AS text) FROM enterprise_figures
) AS dated WHERE y IS NOT NULL`;

/**
 * Every region's facts over those years: each year's values (I1–I5a, I3a/I3b from the summed figures), and the
 * program's distinct enterprises and registered patents from 2021 through the last year.
 */
export function indicatorsQuery(first: number, last: number): FactsQuery {
  return {
    regions: TWELVE_REGIONS,
    fromYear: first,
    toYear: last,
    cumulativeFrom: PROGRAM_FIRST_YEAR,
    figuresFrom: first,
  };
}

/** One indicator of one region that differs: in a year, or (year null) over the program to the last year. */
export interface IndicatorDifference {
  region: string;
  year: number | null;
  indicator: IndicatorId;
  sqlite: number | null;
  postgres: number | null;
}

const valuesOf = (facts: Map<string, RegionFacts>, region: string, year: number): IndicatorNumbers =>
  yearValues(facts.get(region)?.years.get(year) ?? emptyYearFacts());

/** The first indicator that differs between the two stores' facts, or null: every region, every year, every indicator. */
export function firstIndicatorDifference(
  query: FactsQuery,
  sqlite: Map<string, RegionFacts>,
  postgres: Map<string, RegionFacts>,
): IndicatorDifference | null {
  for (const region of query.regions) {
    for (let year = query.fromYear; year <= query.toYear; year++) {
      const [a, b] = [valuesOf(sqlite, region, year), valuesOf(postgres, region, year)];
      const indicator = INDICATOR_IDS.find((id) => !Object.is(a[id], b[id]));
      if (indicator) return { region, year, indicator, sqlite: a[indicator], postgres: b[indicator] };
    }
    const cumulative = [
      ['I3', (f: RegionFacts | undefined) => f?.cumulativeEnterprises ?? 0],
      ['I4a', (f: RegionFacts | undefined) => f?.cumulativeRegistrationPatents ?? 0],
    ] as const;
    for (const [indicator, read] of cumulative) {
      const [a, b] = [read(sqlite.get(region)), read(postgres.get(region))];
      if (a !== b) return { region, year: null, indicator, sqlite: a, postgres: b };
    }
  }
  return null;
}

/** The difference in Chinese, for the migration's refusal. */
export function describeDifference(d: IndicatorDifference, query: FactsQuery): string {
  const when = d.year === null ? `${query.cumulativeFrom} 年至 ${query.toYear} 年累计` : `${d.year} 年`;
  const info = INDICATORS[d.indicator as IndicatorId];
  const shown = (v: number | null) =>
    v === null ? '无' : info.kind === 'money' ? `${v} 分` : info.kind === 'rate' ? `${v * 100}%` : `${v} ${info.unit}`;
  return `指标 ${d.indicator}（${info.name}）在 ${regionName(d.region) ?? d.region} ${when}不一致：SQLite ${shown(d.sqlite)}，PostgreSQL ${shown(d.postgres)}`;
}
