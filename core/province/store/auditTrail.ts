import { auditRowValues, AUDIT_COLUMNS, GENESIS_HASH } from '../../audit/auditLog';
import { auditEntry, type Actor, type ChangeRecord } from '../../service/context';
import type { ProvinceTx, SqlValue } from './provinceDb';

/**
 * Appends one row to the province's audit chain, in the caller's transaction, on either backend: the same row and
 * hash as the desk's own writer (core/audit/auditLog.ts) gives. The chain is taken first, so that two servers on one
 * PostgreSQL database never both append after the same row.
 */
export async function recordAudit(
  tx: ProvinceTx,
  actor: Actor,
  at: string,
  change: Omit<ChangeRecord, 'outbox'>,
): Promise<void> {
  await tx.lock('audit_log');
  const last = await tx.get<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const row = auditRowValues(auditEntry(actor, at, change), last?.hash ?? GENESIS_HASH);
  await tx.run(
    `INSERT INTO audit_log (${AUDIT_COLUMNS.join(', ')}) VALUES (${AUDIT_COLUMNS.map(() => '?').join(', ')})`,
    row.values as SqlValue[],
  );
}
