import { z } from 'zod';
import { method } from './define';
import { indicatorYear } from './indicators';
import { funnelRow } from './matching';

const count = z.number().int();

/**
 * One region's 供需对接 funnel of a year as the province counts it from what the cities synced (DOMAIN §9, 全省供需对接
 * 漏斗): patents pooled → needs → needs the pool answers → 对接 → deals concluded from a 对接.
 */
export const poolFunnelRow = z.object({
  /** A city's code, or 140000 for the province's total. */
  region: z.string(),
  regionName: z.string(),
  supplies: count,
  needs: count,
  /** Needs of the year for which matching finds at least one pooled patent still offered, in any city. */
  recommended: count,
  matchmakings: count,
  deals: count,
  /** recommended / needs and deals / matchmakings as fractions; null when the base is 0. */
  recommendRate: z.number().nullable(),
  dealRate: z.number().nullable(),
  /**
   * The city funnel's figures for the region (供给 → 对接 → 成交 of pooled patents, DOMAIN §9), computed by the same
   * function: pooled patents with a 对接, pooled patents dealt, 对接/供给, 成交/对接 and the mean days to a deal.
   */
  conversion: funnelRow.pick({ matched: true, dealt: true, matchRate: true, dealRate: true, avgDaysToDeal: true }),
});
export type PoolFunnelRow = z.infer<typeof poolFunnelRow>;

export const provinceMatchingMethods = {
  /** The twelve regions' 供需对接 funnels of a year and the province's total, read-only. */
  'province.poolFunnel': method({
    access: 'user',
    scope: 'province',
    input: z.object({ year: indicatorYear }),
    output: z.object({ year: z.number().int(), regions: z.array(poolFunnelRow), total: poolFunnelRow }),
  }),
};
