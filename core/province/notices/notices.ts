import type Database from 'better-sqlite3';
import type { ProvinceNoticeRow } from '../../../shared/contract/provinceNotices';
import { CITY_REGIONS, regionName } from '../../../shared/domain/regions';
import { NOTICE_FEEDBACK, type NoticeReceipt } from '../../../shared/sync/feedbackKinds';
import type { Writer } from '../../service/context';
import { newId } from '../../store/ids';
import type { ReadHandle } from '../../store/store';
import { publishFeedback } from '../feedback';

export interface NoticeDraft {
  title: string;
  body: string;
  /** City region codes; every region when empty. */
  regions: readonly string[];
}

/** A notice to one region or all, as feedback (NOTICE items), with a receipt row per region; audited. */
export function sendNotice(w: Writer, actorName: string, draft: NoticeDraft): string {
  const id = newId();
  const regions = draft.regions.length > 0 ? [...new Set(draft.regions)] : CITY_REGIONS.map((r) => r.code);
  w.db
    .prepare('INSERT INTO province_notices (id, title, body, sent_by, sent_at) VALUES (?, ?, ?, ?, ?)')
    .run(id, draft.title, draft.body, actorName, w.at);
  const receipt = w.db.prepare('INSERT INTO province_notice_receipts (notice_id, region_code) VALUES (?, ?)');
  for (const region of regions) {
    receipt.run(id, region);
    publishFeedback(
      w.db,
      {
        region,
        ruleId: NOTICE_FEEDBACK,
        fingerprint: `${NOTICE_FEEDBACK}|${id}`,
        explanation: draft.body,
        evidence: { id, title: draft.title, sentAt: w.at },
      },
      w.at,
    );
  }
  w.record({ action: 'notice.send', entity: 'province_notice', entityId: id, detail: { title: draft.title, regions } });
  return id;
}

/** Every notice sent, newest first, with each region's fetch and read times. */
export function listNotices(db: ReadHandle): ProvinceNoticeRow[] {
  const notices = db
    .prepare(
      'SELECT id, title, body, sent_by AS sentBy, sent_at AS sentAt FROM province_notices ORDER BY sent_at DESC, id DESC LIMIT 500',
    )
    .all() as Omit<ProvinceNoticeRow, 'regions'>[];
  const receipts = db.prepare(
    'SELECT region_code AS code, fetched_at AS fetchedAt, read_at AS readAt FROM province_notice_receipts WHERE notice_id = ? ORDER BY region_code',
  );
  return notices.map((n) => ({
    ...n,
    regions: (receipts.all(n.id) as Omit<ProvinceNoticeRow['regions'][number], 'name'>[]).map((r) => ({
      ...r,
      name: regionName(r.code) ?? r.code,
    })),
  }));
}

/** The notices in a page of feedback the region was just served are fetched (the first time counts). */
export function noteNoticesFetched(
  db: Database.Database,
  region: string,
  items: readonly { ruleId: string; evidence: Record<string, unknown> }[],
  at: string,
): void {
  const fetched = db.prepare(
    'UPDATE province_notice_receipts SET fetched_at = ? WHERE notice_id = ? AND region_code = ? AND fetched_at IS NULL',
  );
  for (const item of items)
    if (item.ruleId === NOTICE_FEEDBACK && typeof item.evidence.id === 'string')
      fetched.run(at, item.evidence.id, region);
}

/** A city's read receipts; only its own region's rows can change. Returns how many were new. */
export function noteNoticesRead(db: Database.Database, region: string, receipts: readonly NoticeReceipt[]): number {
  const read = db.prepare(
    `UPDATE province_notice_receipts SET read_at = ?, fetched_at = coalesce(fetched_at, ?) WHERE notice_id = ? AND region_code = ? AND read_at IS NULL`,
  );
  return receipts.reduce((n, r) => n + read.run(r.readAt, r.readAt, r.id, region).changes, 0);
}
