import { SYNC_ENTITIES, isSyncEntity } from '../../shared/sync/records';
import type { BatchView, SyncOverview } from '../../shared/contract/sync';
import type { ImportSummary } from '../../shared/sync/batch';
import type { ReadHandle } from '../store/store';
import type { BatchRow } from './batches';
import { readPeer } from './peer';

/** Where a rejected record opens in the desk (the filings pages own these routes). */
const RECORD_ROUTES: Partial<Record<string, string>> = {
  deal: '/filings/deals',
  pledge: '/filings/pledges',
  registration: '/filings/registrations',
  subsidy: '/filings/subsidies',
  enterprise_figure: '/filings/figures',
};

export function recordLink(entity: string, id: string): string | null {
  const base = RECORD_ROUTES[entity];
  return base ? `${base}/${encodeURIComponent(id)}` : null;
}

function toView(row: BatchRow): BatchView {
  const summary = row.summary ? (JSON.parse(row.summary) as ImportSummary) : null;
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
    rejected: (summary?.rejected ?? []).map((r) => ({
      ...r,
      label: isSyncEntity(r.entity) ? SYNC_ENTITIES[r.entity].label : r.entity,
      link: recordLink(r.entity, r.id),
    })),
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
  return {
    endpoint,
    pendingRecords: pending.reduce((sum, p) => sum + p.n, 0),
    pendingByEntity: pending.map((p) => ({ entity: p.entity, label: isSyncEntity(p.entity) ? SYNC_ENTITIES[p.entity].label : p.entity, count: p.n })),
    batches: batches.map(toView),
    lastContactAt: peer.lastContactAt,
    lastError: peer.lastError,
    feedbackCursor: peer.feedbackCursor,
  };
}
