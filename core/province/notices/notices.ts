import type { ProvinceNoticeRow } from '../../../shared/contract/provinceNotices';
import { CITY_REGIONS, regionName } from '../../../shared/domain/regions';
import { NOTICE_FEEDBACK } from '../../../shared/sync/feedbackKinds';
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
