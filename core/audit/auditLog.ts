import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { AuditAnchor } from '../../shared/sync/auditAnchor';
import { statement } from '../store/statements';
import type { ReadHandle } from '../store/store';
import type { ProvinceSql } from '../province/store/provinceDb';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

/**
 * Each row's hash covers its content and the hash of the row before, so an edit or a removal breaks the chain — unless
 * whoever edits recomputes the hashes after it, which anyone can: the anchors sent to the province are what catch that.
 */
export function rowHash(prevHash: string, r: Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>): string {
  const canonical = JSON.stringify([
    prevHash,
    r.at,
    r.actor_id,
    r.actor_name,
    r.action,
    r.entity,
    r.entity_id,
    r.detail,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The hash of the chain's last row (GENESIS_HASH while the log is empty): the next row's `prevHash`. */
export function lastAuditHash(db: Database.Database): string {
  return (
    (statement(db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1', 'pluck').get() as string | undefined) ??
    GENESIS_HASH
  );
}

/** The audit log's columns as `auditRowValues` lists them. */
export const AUDIT_COLUMNS = [
  'at',
  'actor_id',
  'actor_name',
  'action',
  'entity',
  'entity_id',
  'detail',
  'prev_hash',
  'hash',
] as const;

/**
 * The row that records `entry` after the row whose hash is `prevHash`: its values in AUDIT_COLUMNS order, and its
 * hash (the last of them), the next row's `prevHash`.
 */
export function auditRowValues(entry: AuditEntry, prevHash: string): { values: unknown[]; hash: string } {
  const row = {
    at: entry.at,
    actor_id: entry.actorId,
    actor_name: entry.actorName,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    detail: JSON.stringify(entry.detail),
  };
  const hash = rowHash(prevHash, row);
  return {
    values: [row.at, row.actor_id, row.actor_name, row.action, row.entity, row.entity_id, row.detail, prevHash, hash],
    hash,
  };
}

export type AuditVerification =
  { ok: true; rows: number } | { ok: false; rows: number; brokenSeq: number; message: string };

/** An anchor to hold the chain to, with where it comes from in words (本机批次 … / 省级保存的 …) for the report. */
export interface LabelledAnchor extends AuditAnchor {
  source: string;
  /** When it was taken (ISO): only an anchor taken before another vouches for the rows below it. */
  at: string;
}

/** The chain's head now: what a batch frozen at this moment anchors. */
export function auditHead(db: Pick<Database.Database, 'prepare'>): AuditAnchor {
  const head = db.prepare('SELECT count(*) AS rows, max(seq) AS lastSeq FROM audit_log').get() as {
    rows: number;
    lastSeq: number | null;
  };
  const hash = db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined;
  return { rows: head.rows, lastSeq: head.lastSeq ?? 0, hash: hash ?? GENESIS_HASH };
}

/**
 * Walks the chain from the first row; names the first row whose hash or link does not hold. Given anchors (chain heads
 * recorded when batches were sent), also requires the row at each anchor's count to exist and carry its hash: a chain
 * rewritten with recomputed hashes, or cut short, still links up, but no longer reaches the anchored heads. Rows are
 * counted in order (the n-th row), which is the seq as long as no row was removed.
 */
export function verifyAuditChain(db: ReadHandle, anchors: readonly LabelledAnchor[] = []): AuditVerification {
  const chain = auditChainWalk(anchors);
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const broken = chain.next(r);
    if (broken) return broken;
  }
  return chain.end();
}

/** Rows read per query when the chain is walked through the store interface. */
const VERIFY_PAGE = 5000;

/**
 * The same walk through the store interface, page by page (the province's log on PostgreSQL may be long): what the
 * province's workbench checks on either backend.
 */
export async function verifyAuditChainOn(
  db: ProvinceSql,
  anchors: readonly LabelledAnchor[] = [],
): Promise<AuditVerification> {
  const chain = auditChainWalk(anchors);
  for (let after = -1; ;) {
    const page = await db.all<AuditRow>('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?', [
      after,
      VERIFY_PAGE,
    ]);
    for (const r of page) {
      const broken = chain.next(r);
      if (broken) return broken;
    }
    if (page.length < VERIFY_PAGE) return chain.end();
    after = page[page.length - 1]!.seq;
  }
}

/** The walk itself, fed the rows in seq order: a verdict at the first row that breaks the chain, or at the end. */
function auditChainWalk(anchors: readonly LabelledAnchor[]) {
  const pending = [...anchors].filter((a) => a.rows > 0).sort((a, b) => a.rows - b.rows);
  let prevHash = GENESIS_HASH;
  let rows = 0;
  const held: LabelledAnchor[] = [];
  // Where a rewrite found at `anchor` can start: after the highest row an earlier anchor still vouches for. An anchor
  // taken later (after a truncation, say) vouches for nothing that came before it.
  const firstSuspect = (anchor: LabelledAnchor) =>
    1 + Math.max(0, ...held.filter((h) => h.at <= anchor.at).map((h) => h.rows));
  return {
    next(r: AuditRow): AuditVerification | null {
      rows++;
      if (r.prev_hash !== prevHash) {
        return {
          ok: false,
          rows,
          brokenSeq: r.seq,
          message: `审计日志第 ${r.seq} 行与上一行的链接不符：其前一行被删除或改动过`,
        };
      }
      if (rowHash(prevHash, r) !== r.hash) {
        return { ok: false, rows, brokenSeq: r.seq, message: `审计日志第 ${r.seq} 行的内容被改动过（哈希不符）` };
      }
      // Several anchors may name this row (the city's own and the province's copy); every one must hold.
      const later = pending.findIndex((a) => a.rows > rows);
      const here = pending.splice(0, later < 0 ? pending.length : later);
      const mismatch = here.find((a) => a.hash !== r.hash);
      if (mismatch) {
        const from = firstSuspect(mismatch);
        const where = from === rows ? `第 ${rows} 行被改写` : `第 ${from} 至 ${rows} 行中有行被改写或删除`;
        return {
          ok: false,
          rows,
          brokenSeq: r.seq,
          message: `审计日志第 ${rows} 行与${mismatch.source}不符：${where}`,
        };
      }
      held.push(...here);
      prevHash = r.hash;
      return null;
    },
    end(): AuditVerification {
      const beyond = pending[0];
      if (beyond) {
        return {
          ok: false,
          rows,
          brokenSeq: beyond.lastSeq,
          message: `审计日志现只有 ${rows} 行，但${beyond.source}记录的是 ${beyond.rows} 行：第 ${firstSuspect(beyond)} 至 ${beyond.rows} 行中有行被删除（日志被截断）`,
        };
      }
      return { ok: true, rows };
    },
  };
}
