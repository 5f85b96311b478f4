import type { IndicatorReport } from '../../../shared/contract/indicators';
import { buildReport, reportFactsQuery, type ReportParts } from '../../indicators/report';
import { lookupOf, readTargetsOn, type TargetLookup } from '../../indicators/targetsStore';
import type { ProvinceDb, ProvinceSql } from './provinceDb';

/** The targets and 2020 baselines the province keeps per region, as the report measures against them. */
export async function provinceTargetLookup(db: ProvinceSql): Promise<TargetLookup> {
  const { targets, baselines } = await readTargetsOn(db);
  return lookupOf(targets, baselines);
}

/** What a report of (region, year) reads (report.ts readReportParts), on the province's store of either backend. */
export async function provinceReportParts(
  db: ProvinceDb,
  region: string,
  year: number,
  withYearlyFigures = false,
): Promise<ReportParts> {
  const facts = await db.derived.readFacts(reportFactsQuery(region, year, withYearlyFigures));
  return { facts, targets: await provinceTargetLookup(db) };
}

/**
 * The indicator report of DESIGN §3a for a region (or the province, 140000) and year, on the province's store of
 * either backend: its facts (ProvinceDb.derived.readFacts), the targets and baselines the province keeps, and the one
 * report builder the desk uses (core/indicators/report.ts).
 */
export async function provinceIndicatorReport(db: ProvinceDb, region: string, year: number): Promise<IndicatorReport> {
  return buildReport(region, year, await provinceReportParts(db, region, year));
}
