import { z } from 'zod';

/**
 * The thresholds of DOMAIN §8, kept in settings (versioned) so that a bureau can tune them without a release.
 * Every field has the DOMAIN default, so an empty or older settings document reads as the defaults.
 * "Within N days" means at most N days apart: a pair exactly N days apart is flagged.
 */
const days = (fallback: number) =>
  z.number().int('天数应为整数').min(0, '天数不能为负').max(36500, '天数过大').default(fallback);

export const ruleThresholds = z.object({
  /** R01: the same patent in two transfer/equity deals at most this many days apart. */
  r01RepeatWithinDays: days(365),
  /** R02: A→B and later B→A at most this many days apart. */
  r02RoundTripWithinDays: days(730),
  /** R04: a transfer/equity contract amount below this many 元 (zero included). */
  r04NominalBelowYuan: z
    .number()
    .int('金额应为整数元')
    .min(0, '金额不能为负')
    .max(1_000_000_000, '金额过大')
    .default(1000),
  /** R05: |modified z-score| above this is an outlier. */
  r05ZScoreAbove: z.number().positive('应大于 0').max(100, '阈值过大').default(3.5),
  /** R05: groups with fewer deals than this are not judged. */
  r05MinGroupDeals: z.number().int().min(3, '至少 3 笔').max(100000).default(10),
  /** R06: received below this percentage of the contract amount … */
  r06MinPaidPercent: z.number().min(0, '比例不能为负').max(100, '比例不能超过 100').default(10),
  /** R06: … once this many days have passed since the contract date. */
  r06AfterDays: days(180),
  /** R07: natural expiry at most this many days after the recordation date. */
  r07ExpiryWithinDays: days(365),
  /** R08: at least this many patents from one assignor to one assignee … */
  r08MinPatents: z.number().int('件数应为整数').min(2, '至少 2 件').max(10000).default(10),
  /** R08: … within this many days. */
  r08WithinDays: days(7),
});
export type RuleThresholds = z.output<typeof ruleThresholds>;

export const DEFAULT_RULE_THRESHOLDS: RuleThresholds = ruleThresholds.parse({});
