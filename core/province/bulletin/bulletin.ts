/**
 * The 定期通报 of a month or quarter (DOMAIN §7a): every region's indicators cumulative from 2021 to the period's end
 * against its target, 序时进度 and who is behind it, the ranking by 综合完成率, and the review counts. The figures
 * are those of the indicator report (report.ts, one definition); the facts are computed from the records on either
 * backend because a period may end in the middle of a year, while SQLite's fact tables hold whole years.
 */
import type { Bulletin, BulletinProgress, BulletinRegion } from '../../../shared/contract/bulletin';
import {
  BULLETIN_MAIN_IDS,
  elapsedShare,
  isBehindSchedule,
  overallCompletion,
  periodLabel,
  periodRange,
  rankByScore,
  type BulletinPeriod,
} from '../../../shared/indicators/bulletinPeriod';
import { BASE_YEAR, INDICATOR_IDS, PROGRAM_FIRST_YEAR, type IndicatorId } from '../../../shared/indicators/ids';
import { PLAN_YEAR_FROM, PLAN_YEAR_TO } from '../../../shared/indicators/targets';
import { PROVINCE_CODE, regionName } from '../../../shared/domain/regions';
import { buildReport, TWELVE_REGIONS, type ReportParts } from '../../indicators/report';
import type { ProvinceDb } from '../store/provinceDb';
import { provinceTargetLookup } from '../store/provinceReport';
import { reviewCountsByRegion, reviewCountsOverall, type ReviewCounts } from './reviewCounts';

const NO_REVIEW: ReviewCounts = { confirmedAnomalies: 0, dealsRemoved: 0, dealsUnderReview: 0 };

function regionEntry(
  region: string,
  period: BulletinPeriod,
  periodEnd: string,
  parts: ReportParts,
  review: ReviewCounts,
): BulletinRegion {
  const report = buildReport(region, period.year, parts);
  const indicators = {} as Record<IndicatorId, BulletinProgress>;
  for (const id of INDICATOR_IDS) {
    const { cumulative, target, completion } = report.indicators[id];
    const targetPeriod = parts.targets.targetPeriod(region, id, period.year);
    const elapsed =
      target === null || !targetPeriod ? null : elapsedShare(periodEnd, targetPeriod.yearFrom, targetPeriod.yearTo);
    indicators[id] = { cumulative, target, completion, elapsed, behind: isBehindSchedule(completion, elapsed) };
  }
  return {
    region,
    regionName: regionName(region) ?? region,
    indicators,
    overall: overallCompletion(BULLETIN_MAIN_IDS.map((id) => indicators[id].completion)),
    rank: null,
    ...review,
  };
}

export async function computeBulletin(db: ProvinceDb, period: BulletinPeriod, today: string): Promise<Bulletin> {
  const { start, end } = periodRange(period);
  const facts = await db.derived.readFacts({
    regions: TWELVE_REGIONS,
    fromYear: Math.min(BASE_YEAR, period.year - 1),
    toYear: period.year,
    toDate: end,
    cumulativeFrom: PROGRAM_FIRST_YEAR,
    figuresFrom: period.year,
  });
  const parts: ReportParts = { facts, targets: await provinceTargetLookup(db) };
  const range = { from: `${PROGRAM_FIRST_YEAR}-01-01`, to: end };
  const review = await reviewCountsByRegion(db, range);

  const regions = TWELVE_REGIONS.map((code) => regionEntry(code, period, end, parts, review.get(code) ?? NO_REVIEW));
  const ranks = rankByScore(regions.map((r) => r.overall));
  regions.forEach((r, i) => (r.rank = ranks[i] ?? null));

  return {
    ...period,
    periodLabel: periodLabel(period),
    periodStart: start,
    periodEnd: end,
    planElapsed: elapsedShare(end, PLAN_YEAR_FROM, PLAN_YEAR_TO),
    planYearFrom: PLAN_YEAR_FROM,
    planYearTo: PLAN_YEAR_TO,
    generatedOn: today,
    regions,
    province: regionEntry(PROVINCE_CODE, period, end, parts, await reviewCountsOverall(db, range)),
  };
}
