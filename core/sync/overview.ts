import { SYNC_ENTITIES, isSyncEntity } from '../../shared/sync/records';
import type { BatchView, RejectionView, SyncOverview } from '../../shared/contract/sync';
import type { ImportSummary, RecordRejection } from '../../shared/sync/batch';
import type { ReadHandle } from '../store/store';
import type { BatchRow } from './batches';
import { readPeer } from './peer';
import { rejectionViewer } from './rejectionViews';

function toView(row: BatchRow, summary: ImportSummary | null, view: (r: RecordRejection) => RejectionView): BatchView {
  return {
    id: row.id,
    seqFrom: row.seq_from,
    seqTo: row.seq_to,
    recordCount: row.record_count,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    accepted: summary?.accepted ?? null,
    duplicates: summary?.duplicates ?? null,
    rejected: (summary?.rejected ?? []).map(view),
  };
}

/** Records not yet acknowledged: never batched, or in a batch the province has not answered. */
export function syncOverview(db: ReadHandle, endpoint: string, limit = 50): Omit<SyncOverview, 'running'> {
  const pending = db
    .prepare(
      `SELECT o.entity, count(*) AS n FROM outbox o LEFT JOIN sync_batches b ON b.id = o.batch_id
       WHERE o.batch_id IS NULL OR b.state NOT IN ('已接收', '部分拒收') GROUP BY o.entity ORDER BY o.entity`,
    )
    .all() as { entity: string; n: number }[];
  const batches = db.prepare('SELECT * FROM sync_batches ORDER BY seq_from DESC LIMIT ?').all(limit) as BatchRow[];
  const peer = readPeer(db);
  const summaries = batches.map((b) => (b.summary ? (JSON.parse(b.summary) as ImportSummary) : null));
  const view = rejectionViewer(
    db,
    summaries.flatMap((s) => s?.rejected ?? []),
  );
  return {
    endpoint,
    pendingRecords: pending.reduce((sum, p) => sum + p.n, 0),
    pendingByEntity: pending.map((p) => ({
      entity: p.entity,
      label: isSyncEntity(p.entity) ? SYNC_ENTITIES[p.entity].label : p.entity,
      count: p.n,
    })),
    batches: batches.map((b, i) => toView(b, summaries[i]!, view)),
    lastContactAt: peer.lastContactAt,
    lastError: peer.lastError,
    feedbackCursor: peer.feedbackCursor,
  };
}
