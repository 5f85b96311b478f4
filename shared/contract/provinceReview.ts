import { z } from 'zod';
import { method } from './define';
import { flagDetail, reviewReason } from './rules';

/** 跨地市审核: a finding only the province can see (R01, R02, R10 across regions; CLAIM: a shared record described twice). */
export const PROVINCE_REVIEW_STATUSES = ['待审核', '确认异常', '排除'] as const;

export const crossReviewRow = z.object({
  fingerprint: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Business numbers of the records per region (合同编号 …); a CLAIM names the record instead. */
  records: z.array(z.object({ regionName: z.string(), label: z.string(), number: z.string() })),
  explanation: z.string(),
  foundAt: z.string(),
  status: z.enum(PROVINCE_REVIEW_STATUSES),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type CrossReviewRow = z.infer<typeof crossReviewRow>;

export const crossReviewDetail = crossReviewRow.extend({
  ruleDescription: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  /** Both regions' deals side by side, as the city's review shows its own. */
  deals: flagDetail.shape.deals,
  /** Where each region's copy of the finding went (the cities' feedback). */
  sentTo: z.array(z.string()),
});
export type CrossReviewDetail = z.infer<typeof crossReviewDetail>;

export const provinceReviewMethods = {
  /** The cross-city queue, open findings first. */
  'provinceReview.queue': method({
    access: 'user',
    scope: 'province',
    input: z.object({ status: z.enum(PROVINCE_REVIEW_STATUSES).optional() }),
    output: z.object({ rows: z.array(crossReviewRow) }),
  }),
  'provinceReview.finding': method({
    access: 'user',
    scope: 'province',
    input: z.object({ fingerprint: z.string().min(1) }),
    output: crossReviewDetail,
  }),
  /** 确认异常 / 排除 with a reason, audited; sent to every city that owns a record of it. A decision may be changed. */
  'provinceReview.decide': method({
    access: 'review',
    scope: 'province',
    input: z.object({
      fingerprint: z.string().min(1),
      decision: z.enum(['确认异常', '排除'], { error: '请选择审核结论' }),
      reason: reviewReason,
    }),
    output: crossReviewDetail,
  }),
};
