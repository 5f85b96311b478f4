import type { IndicatorReport } from '../../../shared/contract/indicators';
import { buildReport, reportFactsQuery } from '../../indicators/report';
import {
  BASELINES_SQL,
  baselinesOf,
  lookupOf,
  TARGETS_SQL,
  targetsOf,
  type BaselineDbRow,
  type TargetDbRow,
} from '../../indicators/targetsStore';
import { readProvinceFacts } from './provinceFacts';
import type { ProvinceSql } from './provinceDb';

/**
 * The indicator report of DESIGN §3a for a region (or the province, 140000) and year, on the province's store of
 * either backend: the facts computed from the records (provinceFacts.ts), the targets and baselines the province
 * keeps, and the one report builder the desk uses (core/indicators/report.ts).
 */
export async function provinceIndicatorReport(db: ProvinceSql, region: string, year: number): Promise<IndicatorReport> {
  const facts = await readProvinceFacts(db, reportFactsQuery(region, year));
  const targets = targetsOf(await db.all<TargetDbRow>(TARGETS_SQL));
  const baselines = baselinesOf(await db.all<BaselineDbRow>(BASELINES_SQL));
  return buildReport(region, year, { facts, targets: lookupOf(targets, baselines) });
}
