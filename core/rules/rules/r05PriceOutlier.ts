import { formatWan } from '../../../shared/domain/money';
import { candidate, dealSubject } from '../candidate';
import {
  allGroupedPrices,
  allPricedDeals,
  groupKey,
  groupLabel,
  logPrice,
  logPriceAt,
  kindOfGroup,
  pricedDealsByIds,
  pricedDealsByRowids,
  rememberStats,
  statsForGroup,
  statsOf,
  typeRankOfGroup,
  type GroupedPrices,
  type GroupStats,
  type PricedDeal,
} from '../priceGroups';
import type { FlagCandidate, RuleModule, RuleRun } from '../types';

/** Iglewicz and Hoaglin's modified z-score: 0.6745 is the 75th percentile of the standard normal. */
const MODIFIED_Z_FACTOR = 0.6745;
/** From this many deals checked at once, all groups are priced in one pass instead of one group at a time. */
const BATCH_DEALS = 100;

function judge(run: RuleRun, d: PricedDeal, stats: GroupStats): FlagCandidate | null {
  const { r05ZScoreAbove: limit, r05MinGroupDeals: minDeals } = run.thresholds;
  if (stats.n < minDeals || stats.mad === 0) return null;
  const x = logPrice(d);
  const z = (MODIFIED_Z_FACTOR * (x - stats.median)) / stats.mad;
  if (!(Math.abs(z) > limit)) return null;
  const perPatentFen = Math.round(d.amountFen / d.patentCount);
  const medianPerPatentFen = Math.round(Math.exp(stats.median));
  return candidate(
    'R05',
    d.regionCode,
    [dealSubject(d.id, d.contractNo)],
    `合同 ${d.contractNo} 每件专利 ${formatWan(perPatentFen)}，同组（${groupLabel(d.kind, d.typeRank)}，${stats.n} 笔）中位数 ${formatWan(medianPerPatentFen)}，价格${z > 0 ? '偏高' : '偏低'}（修正 Z 分数 ${z.toFixed(2)}，阈值 ±${limit}）。`,
    {
      group: { kind: d.kind, typeRank: d.typeRank, label: groupLabel(d.kind, d.typeRank), deals: stats.n },
      amountFen: d.amountFen,
      patentCount: d.patentCount,
      amountPerPatentFen: perPatentFen,
      lnAmountPerPatent: x,
      median: stats.median,
      mad: stats.mad,
      medianPerPatentFen,
      zScore: z,
      limit,
    },
  );
}

/**
 * Every group's statistics from one pass over the priced deals, kept for the checks that follow saves. Each group's
 * ln prices go straight into a typed array of its size (counted first), which statsOf sorts in place: at a million
 * deals this runs at the peak of an import's memory.
 */
function groupStats(run: RuleRun, priced: GroupedPrices) {
  const { groups } = priced;
  const sizes = new Map<number, number>();
  for (const group of groups) if (group !== null) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  const values = new Map([...sizes].map(([group, size]) => [group, { prices: new Float64Array(size), filled: 0 }]));
  groups.forEach((group, i) => {
    if (group === null) return;
    const g = values.get(group)!;
    g.prices[g.filled++] = logPriceAt(priced, i);
  });
  const stats = new Map([...values].map(([group, g]) => [group, statsOf(g.prices)]));
  const byKey = new Map([...stats].map(([group, s]) => [groupKey(kindOfGroup(group), typeRankOfGroup(group)), s]));
  rememberStats(run.db, byKey);
  return { stats, byKey };
}

/** The full scan: judges every priced deal against its group's statistics. */
function scanAll(run: RuleRun): FlagCandidate[] {
  const priced = allPricedDeals(run.db);
  const { stats, byKey } = groupStats(run, priced);
  const { rowids, groups } = priced;
  const suspects = rowids.filter((_, i) => {
    const s = groups[i] === null ? undefined : stats.get(groups[i]!)!;
    return (
      s !== undefined &&
      s.mad > 0 &&
      Math.abs((MODIFIED_Z_FACTOR * (logPriceAt(priced, i) - s.median)) / s.mad) > run.thresholds.r05ZScoreAbove
    );
  });
  return pricedDealsByRowids(run.db, suspects).flatMap(
    (d) => judge(run, d, byKey.get(groupKey(d.kind, d.typeRank))!) ?? [],
  );
}

/**
 * R05: modified z-score of ln(amount per patent) within (deal kind, highest patent type); |M| > T is an outlier.
 * Groups under the minimum size or with MAD 0 are not judged; zero amounts are R04's.
 */
export const r05PriceOutlier: RuleModule = {
  id: 'R05',
  run(run) {
    if (run.dealIds === null) return scanAll(run);
    const deals = pricedDealsByIds(run.db, run.dealIds);
    // A batch (an import's touched deals) gets every group's statistics from one pass over the deals: reading the
    // groups one by one scans the deals once per group, several times the cost of the one pass.
    const fresh = deals.length >= BATCH_DEALS ? groupStats(run, allGroupedPrices(run.db)).byKey : null;
    return deals.flatMap(
      (d) => judge(run, d, fresh?.get(groupKey(d.kind, d.typeRank)) ?? statsForGroup(run.db, d.kind, d.typeRank)) ?? [],
    );
  },
};
