import type { FeedbackItem, FeedbackPage } from '../shared/sync/batch';
import { NOTICE_FEEDBACK, type NoticeReceipt } from '../shared/sync/feedbackKinds';
import type { ProvinceSql } from '../core/province/store/provinceDb';

/** One page of a region's feedback after `since`. */
export async function readFeedback(db: ProvinceSql, region: string, since: number, limit = 500): Promise<FeedbackPage> {
  const rows = await db.all<{
    cursor: number;
    region_code: string;
    rule_id: string;
    fingerprint: string;
    explanation: string;
    evidence: string;
    subjects: string;
    published_at: string;
  }>('SELECT * FROM province_feedback WHERE region_code = ? AND cursor > ? ORDER BY cursor LIMIT ?', [
    region,
    since,
    limit,
  ]);
  const items: FeedbackItem[] = rows.map((r) => ({
    cursor: r.cursor,
    ruleId: r.rule_id,
    regionCode: r.region_code,
    fingerprint: r.fingerprint,
    explanation: r.explanation,
    evidence: JSON.parse(r.evidence) as Record<string, unknown>,
    subjects: JSON.parse(r.subjects) as FeedbackItem['subjects'],
    publishedAt: r.published_at,
  }));
  return { items, cursor: items.at(-1)?.cursor ?? since };
}

/** The notices in a page of feedback the region was just served are fetched (the first time counts). */
export async function noteNoticesFetched(
  db: ProvinceSql,
  region: string,
  items: readonly { ruleId: string; evidence: Record<string, unknown> }[],
  at: string,
): Promise<void> {
  for (const item of items)
    if (item.ruleId === NOTICE_FEEDBACK && typeof item.evidence.id === 'string')
      await db.run(
        'UPDATE province_notice_receipts SET fetched_at = ? WHERE notice_id = ? AND region_code = ? AND fetched_at IS NULL',
        [at, item.evidence.id, region],
      );
}

/** A city's read receipts; only its own region's rows can change. Returns how many were new. */
export async function noteNoticesRead(
  db: ProvinceSql,
  region: string,
  receipts: readonly NoticeReceipt[],
): Promise<number> {
  let marked = 0;
  for (const r of receipts)
    marked += await db.run(
      `UPDATE province_notice_receipts SET read_at = ?, fetched_at = coalesce(fetched_at, ?) WHERE notice_id = ? AND region_code = ? AND read_at IS NULL`,
      [r.readAt, r.readAt, r.id, region],
    );
  return marked;
}
