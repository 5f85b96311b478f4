import { SYNC_ENTITIES, isSyncEntity } from '../../shared/sync/records';
import type { BatchView, RejectionView, SyncOverview } from '../../shared/contract/sync';
import type { ImportSummary, RecordRejection } from '../../shared/sync/batch';
import type { ReadHandle } from '../store/store';
import type { BatchRow } from './batches';
import { readPeer } from './peer';
import { describeRecord, storeLookups, type RecordSubject } from './recordSubject';

/** Where a rejected record opens in the desk (the filings pages own these routes). */
const RECORD_ROUTES: Partial<Record<string, string>> = {
  deal: '/filings/deals',
  pledge: '/filings/pledges',
  registration: '/filings/registrations',
  subsidy: '/filings/subsidies',
  enterprise_figure: '/filings/figures',
};

function recordLink(entity: string, id: string): string | null {
  const base = RECORD_ROUTES[entity];
  return base ? `${base}/${encodeURIComponent(id)}` : null;
}

function toView(row: BatchRow, describe: Describe): BatchView {
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
    rejected: (summary?.rejected ?? []).map((r) => rejectionView(r, describe)),
  };
}

type Describe = (entity: string, id: string) => RecordSubject | null;

/** Names each rejected record as this desk holds it now (its number may have been corrected since). */
function localDescriber(db: ReadHandle): Describe {
  const lookups = storeLookups(db);
  return (entity, id) => {
    if (!isSyncEntity(entity)) return null;
    const meta = SYNC_ENTITIES[entity];
    const row = db.prepare(`SELECT * FROM ${meta.table} WHERE ${meta.key} = ?`).get(id) as Record<string, unknown> | undefined;
    return row ? describeRecord(entity, id, row, lookups) : null;
  };
}

function rejectionView(r: RecordRejection, describe: Describe): RejectionView {
  const subject = describe(r.entity, r.id);
  return {
    ...r,
    label: subject?.kind ?? '记录',
    number: subject?.number ?? null,
    reasons: r.reasons ?? [r.message],
    link: subject?.opens ? recordLink(subject.opens.entity, subject.opens.id) : null,
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
  const describe = localDescriber(db);
  return {
    endpoint,
    pendingRecords: pending.reduce((sum, p) => sum + p.n, 0),
    pendingByEntity: pending.map((p) => ({ entity: p.entity, label: isSyncEntity(p.entity) ? SYNC_ENTITIES[p.entity].label : p.entity, count: p.n })),
    batches: batches.map((b) => toView(b, describe)),
    lastContactAt: peer.lastContactAt,
    lastError: peer.lastError,
    feedbackCursor: peer.feedbackCursor,
  };
}
