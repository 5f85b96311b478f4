import type Database from 'better-sqlite3';
import { newId } from '../store/ids';
import { BATCH_FORMAT, SYNC_SCHEMA_VERSION } from '../../shared/sync/batch';
import type { AuditAnchor } from '../../shared/sync/auditAnchor';
import { auditHead } from '../audit/auditLog';
import type { BatchState } from '../../shared/contract/sync';
import type { SigningIdentity } from './installationKey';
import { sha256Hex, sign } from './signing';

/** Records per batch over HTTP: small enough for steady progress, large enough to keep 100,000 records quick. */
export const RECORDS_PER_BATCH = 5_000;

export interface BatchRow {
  id: string;
  seq_from: number;
  seq_to: number;
  record_count: number;
  sha256: string;
  state: BatchState;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  summary: string | null;
  created_at: string;
  updated_at: string;
  /** The audit chain's head at freezing (migration 17); NULL for a batch frozen before, which goes out as version 1. */
  audit_rows: number | null;
  audit_last_seq: number | null;
  audit_hash: string | null;
}

type Db = Database.Database;

/** The batch's records as JSON text, in seq order; the payload is the outbox text as written, untouched. */
export function recordsJson(db: Pick<Db, 'prepare'>, batchId: string): string {
  const rows = db
    .prepare('SELECT seq, entity, entity_id, version, op, payload FROM outbox WHERE batch_id = ? ORDER BY seq')
    .raw()
    .iterate(batchId) as IterableIterator<[number, string, string, number, string, string]>;
  const parts: string[] = [];
  for (const [seq, entity, id, version, op, payload] of rows) {
    parts.push(
      `{"seq":${seq},"entity":${JSON.stringify(entity)},"id":${JSON.stringify(id)},"version":${version},"op":${JSON.stringify(op)},"payload":${payload}}`,
    );
  }
  return `[${parts.join(',')}]`;
}

function lastSeqTo(db: Db): number {
  return (db.prepare('SELECT MAX(seq_to) AS m FROM sync_batches').get() as { m: number | null }).m ?? 0;
}

function insertBatch(db: Db, seqFrom: number, seqTo: number, at: string, anchor: AuditAnchor | null): string {
  const id = newId();
  const count = db
    .prepare('UPDATE outbox SET batch_id = ? WHERE batch_id IS NULL AND seq BETWEEN ? AND ?')
    .run(id, seqFrom, seqTo).changes;
  db.prepare(
    `INSERT INTO sync_batches (id, seq_from, seq_to, record_count, sha256, state, attempts, created_at, updated_at, audit_rows, audit_last_seq, audit_hash)
     VALUES (?, ?, ?, ?, ?, '待发送', 0, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    seqFrom,
    seqTo,
    count,
    sha256Hex(recordsJson(db, id)),
    at,
    at,
    anchor?.rows ?? null,
    anchor?.lastSeq ?? null,
    anchor?.hash ?? null,
  );
  return id;
}

/** The anchor a batch carries, or null for one frozen before anchors existed. */
export function batchAnchor(batch: Pick<BatchRow, 'audit_rows' | 'audit_last_seq' | 'audit_hash'>): AuditAnchor | null {
  if (batch.audit_rows === null || batch.audit_last_seq === null || batch.audit_hash === null) return null;
  return { rows: batch.audit_rows, lastSeq: batch.audit_last_seq, hash: batch.audit_hash };
}

/**
 * Freezes the pending outbox rows into batches (inside the caller's transaction). Consecutive batches tile the seq
 * line with no hole, so the province can tell a missing batch from an empty stretch. A frozen row never changes:
 * editing the record appends a new version to the outbox, which goes in a later batch.
 */
export function freezePending(db: Db, at: string, maxRecords = RECORDS_PER_BATCH): string[] {
  const made: string[] = [];
  // Every batch of this freezing anchors the chain as it stands now (same transaction: nothing is appended between).
  let anchor: AuditAnchor | undefined;
  const nextChunkEnd = db
    .prepare('SELECT seq FROM outbox WHERE batch_id IS NULL ORDER BY seq LIMIT 1 OFFSET ?')
    .pluck();
  const lastPending = db.prepare('SELECT MAX(seq) FROM outbox WHERE batch_id IS NULL').pluck();
  for (;;) {
    const last = lastPending.get() as number | null;
    if (last === null) return made;
    anchor ??= auditHead(db);
    const chunkEnd = (nextChunkEnd.get(Math.max(0, Math.min(maxRecords, 1e9) - 1)) as number | undefined) ?? last;
    made.push(insertBatch(db, lastSeqTo(db) + 1, chunkEnd, at, anchor));
  }
}

/**
 * Splits a batch the province found too large (413) into two halves with new ids. Safe: a refused batch stored
 * nothing at the province.
 */
export function splitBatch(db: Db, batch: BatchRow, at: string): void {
  const seqs = db.prepare('SELECT seq FROM outbox WHERE batch_id = ? ORDER BY seq').pluck().all(batch.id) as number[];
  if (seqs.length < 2) return;
  const middle = seqs[Math.floor(seqs.length / 2) - 1]!;
  db.prepare('UPDATE outbox SET batch_id = NULL WHERE batch_id = ?').run(batch.id);
  db.prepare('DELETE FROM sync_batches WHERE id = ?').run(batch.id);
  // The halves keep the anchor taken at freezing: the chain's head then, not now.
  insertBatch(db, batch.seq_from, middle, at, batchAnchor(batch));
  insertBatch(db, middle + 1, batch.seq_to, at, batchAnchor(batch));
}

/** The signed envelope text of a frozen batch: rebuilt byte for byte the same on every resend. */
export function envelopeText(db: Pick<Db, 'prepare'>, batch: BatchRow, identity: SigningIdentity): string {
  // Frozen rows are never updated (only appended after), so the records are what was hashed at freezing; the
  // province checks the hash against them.
  const records = recordsJson(db, batch.id);
  // A batch frozen before anchors existed is rebuilt exactly as it was first sent (version 1), or its resend would
  // differ from what the province already holds (409).
  const anchor = batchAnchor(batch);
  const versioned = anchor
    ? `"schemaVersion":${SYNC_SCHEMA_VERSION},"auditAnchor":${JSON.stringify(anchor)}`
    : '"schemaVersion":1';
  const body =
    `{"batchId":${JSON.stringify(batch.id)},"region":${JSON.stringify(identity.regionCode)},` +
    `"installationId":${JSON.stringify(identity.installationId)},"seqFrom":${batch.seq_from},"seqTo":${batch.seq_to},` +
    `"createdAt":${JSON.stringify(batch.created_at)},${versioned},"records":${records},"sha256":"${batch.sha256}"}`;
  return JSON.stringify({
    format: BATCH_FORMAT,
    keyFingerprint: identity.fingerprint,
    signature: sign(identity.privateKeyPem, Buffer.from(body, 'utf8')),
    batch: body,
  });
}

export function readBatch(db: Pick<Db, 'prepare'>, id: string): BatchRow | undefined {
  return db.prepare('SELECT * FROM sync_batches WHERE id = ?').get(id) as BatchRow | undefined;
}

/** The earliest batch the province has not acknowledged. */
export function firstUnacknowledged(db: Pick<Db, 'prepare'>): BatchRow | undefined {
  return db
    .prepare("SELECT * FROM sync_batches WHERE state NOT IN ('已接收', '部分拒收') ORDER BY seq_from LIMIT 1")
    .get() as BatchRow | undefined;
}
