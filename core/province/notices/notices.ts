import type { ProvinceNoticeRow } from '../../../shared/contract/provinceNotices';
import { CITY_REGIONS, regionName } from '../../../shared/domain/regions';
import { NOTICE_FEEDBACK } from '../../../shared/sync/feedbackKinds';
import { newId } from '../../store/ids';
import type { ProvinceSql } from '../store/provinceDb';
import type { ProvinceWriter } from '../store/provinceWriter';
import { publishFeedback } from '../feedback';

export interface NoticeDraft {
  title: string;
  body: string;
  /** City region codes; every region when empty. */
  regions: readonly string[];
}

/** A notice to one region or all, as feedback (NOTICE items), with a receipt row per region; audited. */
export async function sendNotice(w: ProvinceWriter, actorName: string, draft: NoticeDraft): Promise<string> {
  const id = newId();
  const regions = draft.regions.length > 0 ? [...new Set(draft.regions)] : CITY_REGIONS.map((r) => r.code);
  await w.tx.run('INSERT INTO province_notices (id, title, body, sent_by, sent_at) VALUES (?, ?, ?, ?, ?)', [
    id,
    draft.title,
    draft.body,
    actorName,
    w.at,
  ]);
  for (const region of regions) {
    await w.tx.run('INSERT INTO province_notice_receipts (notice_id, region_code) VALUES (?, ?)', [id, region]);
    await publishFeedback(
      w.tx,
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
  await w.record({
    action: 'notice.send',
    entity: 'province_notice',
    entityId: id,
    detail: { title: draft.title, regions },
  });
  return id;
}

/** The notices listed: the latest sent. */
const LISTED = 'SELECT id FROM province_notices ORDER BY sent_at DESC, id DESC LIMIT 500';

/** Every notice sent (the latest 500), newest first, with each region's fetch and read times: two queries. */
export async function listNotices(db: ProvinceSql): Promise<ProvinceNoticeRow[]> {
  const notices = await db.all<Omit<ProvinceNoticeRow, 'regions'>>(
    `SELECT id, title, body, sent_by AS "sentBy", sent_at AS "sentAt" FROM province_notices
     WHERE id IN (${LISTED}) ORDER BY sent_at DESC, id DESC`,
  );
  const receipts = await db.all<{ noticeId: string; code: string; fetchedAt: string | null; readAt: string | null }>(
    `SELECT notice_id AS "noticeId", region_code AS code, fetched_at AS "fetchedAt", read_at AS "readAt"
     FROM province_notice_receipts WHERE notice_id IN (${LISTED}) ORDER BY region_code`,
  );
  const regions = new Map(notices.map((n) => [n.id, [] as ProvinceNoticeRow['regions']]));
  for (const { noticeId, ...r } of receipts) regions.get(noticeId)?.push({ ...r, name: regionName(r.code) ?? r.code });
  return notices.map((n) => ({ ...n, regions: regions.get(n.id)! }));
}
