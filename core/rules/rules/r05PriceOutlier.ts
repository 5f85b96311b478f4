import { formatFenAsWan } from '../../../shared/domain/money';
import { candidate, dealSubject } from '../candidate';
import { allPricedDeals, groupKey, groupLabel, logPrice, pricedDealsByIds, rememberStats, statsForGroup, statsOf, type GroupStats, type PricedDeal } from '../priceGroups';
import type { RuleModule } from '../types';

/** Iglewicz and Hoaglin's modified z-score: 0.6745 is the 75th percentile of the standard normal. */
const MODIFIED_Z_FACTOR = 0.6745;

/**
 * R05: modified z-score of ln(amount per patent) within (deal kind, highest patent type); |M| > T is an outlier.
 * Groups under the minimum size or with MAD 0 are not judged; zero amounts are R04's.
 */
export const r05PriceOutlier: RuleModule = {
  id: 'R05',
  run(run) {
    const { r05ZScoreAbove: limit, r05MinGroupDeals: minDeals } = run.thresholds;
    let deals: PricedDeal[];
    let statsOfDeal: (d: PricedDeal) => GroupStats;
    if (run.dealIds === null) {
      deals = allPricedDeals(run.db);
      const groups = new Map<string, number[]>();
      for (const d of deals) {
        const key = groupKey(d.kind, d.typeRank);
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key)!.push(logPrice(d));
      }
      const stats = new Map([...groups].map(([key, values]) => [key, statsOf(Float64Array.from(values))]));
      rememberStats(run.db, stats);
      statsOfDeal = (d) => stats.get(groupKey(d.kind, d.typeRank))!;
    } else {
      deals = pricedDealsByIds(run.db, run.dealIds);
      statsOfDeal = (d) => statsForGroup(run.db, d.kind, d.typeRank);
    }
    return deals.flatMap((d) => {
      const stats = statsOfDeal(d);
      if (stats.n < minDeals || stats.mad === 0) return [];
      const x = logPrice(d);
      const z = (MODIFIED_Z_FACTOR * (x - stats.median)) / stats.mad;
      if (!(Math.abs(z) > limit)) return [];
      const perPatentFen = Math.round(d.amountFen / d.patentCount);
      const medianPerPatentFen = Math.round(Math.exp(stats.median));
      const direction = z > 0 ? '偏高' : '偏低';
      return [
        candidate(
          'R05',
          d.regionCode,
          [dealSubject(d.id, d.contractNo)],
          `合同 ${d.contractNo} 每件专利 ${formatFenAsWan(perPatentFen)} 万元，同组（${groupLabel(d.kind, d.typeRank)}，${stats.n} 笔）中位数 ${formatFenAsWan(medianPerPatentFen)} 万元，价格${direction}（修正 Z 分数 ${z.toFixed(2)}，阈值 ±${limit}）。`,
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
        ),
      ];
    });
  },
};
