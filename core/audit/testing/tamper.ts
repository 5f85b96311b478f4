import type Database from 'better-sqlite3';
import { GENESIS_HASH, rowHash, type AuditRow } from '../auditLog';

/**
 * What someone who can write the store file does to the audit log without leaving a broken link: edits a row, then
 * recomputes every hash from there on with the (public) chain rule, so the chain links up again.
 */
export function rewriteAuditRow(
  db: Database.Database,
  seq: number,
  fields: Partial<Pick<AuditRow, 'actor_name' | 'action' | 'detail'>>,
): void {
  db.transaction(() => {
    const sets = Object.keys(fields).map((k) => `${k} = @${k}`);
    db.prepare(`UPDATE audit_log SET ${sets.join(', ')} WHERE seq = @seq`).run({ ...fields, seq });
    relinkFrom(db, seq);
  })();
}

/** Deletes the last `count` rows: what is left still links up, since nothing after them points back. */
export function deleteLastAuditRows(db: Database.Database, count: number): void {
  db.prepare('DELETE FROM audit_log WHERE seq IN (SELECT seq FROM audit_log ORDER BY seq DESC LIMIT ?)').run(count);
}

function relinkFrom(db: Database.Database, seq: number): void {
  let prev =
    (db.prepare('SELECT hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1').pluck().get(seq) as
      string | undefined) ?? GENESIS_HASH;
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(seq) as AuditRow[]) {
    const hash = rowHash(prev, r);
    update.run(prev, hash, r.seq);
    prev = hash;
  }
}
