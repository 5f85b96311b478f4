import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { ReadHandle } from '../store/store';

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

interface AuditRow {
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

/** Each row's hash covers its content and the hash of the row before, so an edit or a removal breaks the chain. */
function rowHash(prevHash: string, r: Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>): string {
  const canonical = JSON.stringify([prevHash, r.at, r.actor_id, r.actor_name, r.action, r.entity, r.entity_id, r.detail]);
  return createHash('sha256').update(canonical).digest('hex');
}

const statements = new WeakMap<Database.Database, { last: Database.Statement; insert: Database.Statement }>();

/**
 * Appends one row; call it inside the transaction of the change it records. `prevHash` is the chain's last hash when
 * the caller knows it (a writer keeps it for its transaction), else it is read from the store. Returns the new row's
 * hash, the next row's `prevHash`.
 */
export function appendAudit(db: Database.Database, entry: AuditEntry, prevHash?: string): string {
  let s = statements.get(db);
  if (!s) {
    s = {
      last: db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck(),
      insert: db.prepare(
        `INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, detail, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    statements.set(db, s);
  }
  const prev = prevHash ?? (s.last.get() as string | undefined) ?? GENESIS_HASH;
  const row = {
    at: entry.at,
    actor_id: entry.actorId,
    actor_name: entry.actorName,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    detail: JSON.stringify(entry.detail),
  };
  const hash = rowHash(prev, row);
  s.insert.run(row.at, row.actor_id, row.actor_name, row.action, row.entity, row.entity_id, row.detail, prev, hash);
  return hash;
}

export type AuditVerification = { ok: true; rows: number } | { ok: false; rows: number; brokenSeq: number; message: string };

/** Walks the chain from the first row; names the first row whose hash or link does not hold. */
export function verifyAuditChain(db: ReadHandle): AuditVerification {
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    rows++;
    if (r.prev_hash !== prevHash) {
      return { ok: false, rows, brokenSeq: r.seq, message: `审计日志第 ${r.seq} 行与上一行的链接不符：其前一行被删除或改动过` };
    }
    if (rowHash(prevHash, r) !== r.hash) {
      return { ok: false, rows, brokenSeq: r.seq, message: `审计日志第 ${r.seq} 行的内容被改动过（哈希不符）` };
    }
    prevHash = r.hash;
  }
  return { ok: true, rows };
}
