import { z } from 'zod';
import { targetRow } from '../contract/indicators';

/**
 * Feedback items that are not findings (DESIGN §4). They travel in the same signed GET /v1/feedback answer with a
 * rule id no rule has, so a city on an older version (which files only items whose rule id it knows) passes them by.
 */
export const TARGET_FEEDBACK = 'TARGET';
export const NOTICE_FEEDBACK = 'NOTICE';

/** A TARGET item's evidence: every target the province set for the region, replacing what it sent before. */
export const targetFeedbackEvidence = z.object({ targets: z.array(targetRow) });

/** A NOTICE item's evidence; the notice's text is the item's explanation. */
export const noticeFeedbackEvidence = z.object({ id: z.string().min(1), title: z.string(), sentAt: z.string() });

/** Where a finding's evidence carries the province's decision on it (确认异常 / 排除, with the reason). */
export const PROVINCE_DECISION_KEY = '省级审核';
export const provinceDecision = z.object({
  decision: z.enum(['确认异常', '排除']),
  reason: z.string(),
  decidedAt: z.string(),
});
export type ProvinceDecision = z.infer<typeof provinceDecision>;

/** A read receipt: a notice's id and when a user at the city marked it read. */
export interface NoticeReceipt {
  id: string;
  readAt: string;
}

/**
 * The read receipts a city sends back, POST /v1/notice-receipts?read=ID@TIME,…: signed like the feedback request, and
 * everything is in the signed query (no body).
 */
export function noticeReceiptsPath(receipts: readonly NoticeReceipt[]): string {
  return `/v1/notice-receipts?read=${receipts.map((r) => `${encodeURIComponent(r.id)}@${encodeURIComponent(r.readAt)}`).join(',')}`;
}

export function parseNoticeReceipts(read: string): NoticeReceipt[] {
  return read
    .split(',')
    .map((part) => part.split('@').map(decodeURIComponent))
    .filter((p): p is [string, string] => p.length === 2 && p[0]!.length > 0 && !Number.isNaN(Date.parse(p[1]!)))
    .map(([id, readAt]) => ({ id, readAt }));
}
