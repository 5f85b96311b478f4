import { z } from 'zod';
import { method } from './define';
import { indicatorYear } from './indicators';
import { INDICATOR_IDS, type IndicatorId } from '../indicators/ids';

export const bulletinQuery = z
  .object({
    year: indicatorYear,
    kind: z.enum(['month', 'quarter'], '通报周期应为月度或季度'),
    number: z.number().int('期数应为整数').min(1, '期数应从 1 开始').max(12, '月份应在 1 至 12 之间'),
  })
  .refine((q) => q.kind === 'month' || q.number <= 4, { message: '季度应在 1 至 4 之间', path: ['number'] });

/** One indicator of one region, cumulative from 2021 to the period's end. */
const progress = z.object({
  cumulative: z.number().nullable(),
  target: z.number().nullable(),
  completion: z.number().nullable(),
  /** 序时进度 of the target's period at the period's end; null without a target. */
  elapsed: z.number().nullable(),
  behind: z.boolean(),
});
export type BulletinProgress = z.infer<typeof progress>;

const byIndicator = z.object(
  Object.fromEntries(INDICATOR_IDS.map((id) => [id, progress])) as Record<IndicatorId, typeof progress>,
);

export const bulletinRegion = z.object({
  region: z.string(),
  regionName: z.string(),
  indicators: byIndicator,
  /** 综合完成率: the mean completion of the main indicators that have a target. */
  overall: z.number().nullable(),
  /** By 综合完成率, 1 = best; null without any target. */
  rank: z.number().int().nullable(),
  /** Confirmed anomaly flags concerning the region's deals recorded from 2021 to the period's end. */
  confirmedAnomalies: z.number().int(),
  /** Deals those flags took out of the indicators. */
  dealsRemoved: z.number().int(),
  /** Counted deals of the cumulative period with an open flag (still counted). */
  dealsUnderReview: z.number().int(),
});
export type BulletinRegion = z.infer<typeof bulletinRegion>;

export const bulletin = z.object({
  year: z.number().int(),
  kind: z.enum(['month', 'quarter']),
  number: z.number().int(),
  periodLabel: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** 序时进度 of the province's plan period at the period's end. */
  planElapsed: z.number(),
  planYearFrom: z.number().int(),
  planYearTo: z.number().int(),
  generatedOn: z.string(),
  /** The twelve regions in their official order. */
  regions: z.array(bulletinRegion),
  /** The province (the sum of the twelve) against its own targets, the plan's unless changed in settings. */
  province: bulletinRegion,
});
export type Bulletin = z.infer<typeof bulletin>;

export const bulletinMethods = {
  /** The 定期通报 of a month or quarter: every region's progress to the period's end, for the screen and for print. */
  'bulletin.build': method({ access: 'user', scope: 'province', input: bulletinQuery, output: bulletin }),
};
