import type Database from 'better-sqlite3';
import type { CityNotice } from '../../shared/contract/provinceNotices';
import { noticeFeedbackEvidence, type NoticeReceipt } from '../../shared/sync/feedbackKinds';
import type { FeedbackItem } from '../../shared/sync/batch';
import type { Writer } from '../service/context';
import { notFound } from '../service/errors';
import type { ReadHandle } from '../store/store';

/** A NOTICE item from the province, kept until a user marks it read; the same notice read again is ignored. */
export function fileNotice(w: Writer, item: FeedbackItem): void {
  const parsed = noticeFeedbackEvidence.safeParse(item.evidence);
  if (!parsed.success) return;
  const { id, title, sentAt } = parsed.data;
  const added = w.db
    .prepare(
      'INSERT INTO notices (id, title, body, sent_at, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
    )
    .run(id, title, item.explanation, sentAt, w.at).changes;
  if (added) w.record({ action: 'notice.receive', entity: 'notice', entityId: id, detail: { title } });
}

/** Unread first, then newest first. */
export function listCityNotices(db: ReadHandle, unreadOnly: boolean): CityNotice[] {
  return db
    .prepare(
      `SELECT n.id, n.title, n.body, n.sent_at AS sentAt, n.received_at AS receivedAt, n.read_at AS readAt, coalesce(u.display_name, n.read_by) AS readBy
       FROM notices n LEFT JOIN users u ON u.id = n.read_by
       WHERE NOT ? OR n.read_at IS NULL ORDER BY n.read_at IS NOT NULL, n.sent_at DESC LIMIT 200`,
    )
    .all(unreadOnly ? 1 : 0) as CityNotice[];
}

/** 已读, audited; a notice read already stays as it was. */
export function markNoticeRead(w: Writer, id: string, userId: string | null): void {
  const notice = w.db.prepare('SELECT title, read_at FROM notices WHERE id = ?').get(id) as
    { title: string; read_at: string | null } | undefined;
  if (!notice) throw notFound('该通知');
  if (notice.read_at) return;
  w.db.prepare('UPDATE notices SET read_at = ?, read_by = ? WHERE id = ?').run(w.at, userId, id);
  w.record({ action: 'notice.read', entity: 'notice', entityId: id, detail: { title: notice.title } });
}

/** Read receipts not yet taken by the province. */
export function pendingReceipts(db: ReadHandle): NoticeReceipt[] {
  return db
    .prepare(
      'SELECT id, read_at AS readAt FROM notices WHERE read_at IS NOT NULL AND receipt_sent_at IS NULL ORDER BY read_at LIMIT 50',
    )
    .all() as NoticeReceipt[];
}

export function noteReceiptsSent(db: Database.Database, receipts: readonly NoticeReceipt[], at: string): void {
  const sent = db.prepare('UPDATE notices SET receipt_sent_at = ? WHERE id = ?');
  for (const r of receipts) sent.run(at, r.id);
}
