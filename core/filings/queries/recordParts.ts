import type { AttachmentView } from '../../../shared/contract/filings/attachments';
import { select, type ReadPlan, type SqlDialect } from '../../store/readPlan';
import { notFound } from '../../service/errors';

/**
 * The active attachments of a record, oldest first. The files stay on the desk that took them (they are not
 * reported), so the province's PostgreSQL database has no attachments table: there a record has none.
 */
export function* attachmentsOf(entity: string, id: string, dialect: SqlDialect): ReadPlan<AttachmentView[]> {
  if (dialect === 'postgres') return [];
  return yield* select<AttachmentView>(
    `SELECT id, file_name AS "fileName", sha256, size_bytes AS "sizeBytes", created_at AS "createdAt" FROM attachments
       WHERE entity = ? AND entity_id = ? AND voided_at IS NULL ORDER BY created_at, id`,
    [entity, id],
  );
}

/** The anomaly flags in force on a record (dismissed ones too: the detail shows the whole story). */
export function flagsOf(entity: string, id: string) {
  return select<{ id: string; ruleId: string; status: string; explanation: string }>(
    `SELECT f.id, f.rule_id AS "ruleId", f.status, f.explanation FROM flag_subjects fs JOIN anomaly_flags f ON f.id = fs.flag_id
       WHERE fs.entity = ? AND fs.entity_id = ? AND f.active = 1 ORDER BY f.first_seen_at`,
    [entity, id],
  );
}

export function meta(row: Record<string, unknown>) {
  return {
    id: row.id as string,
    version: row.version as number,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
    voidedAt: (row.voided_at as string | null) ?? null,
    voidReason: (row.void_reason as string | null) ?? null,
  };
}

export function* requireRow(table: string, id: string, what: string): ReadPlan<Record<string, unknown>> {
  const [row] = yield* select<Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = ?`, [id]);
  if (!row) throw notFound(what);
  return row;
}
