import type { AttachmentView } from '../../../shared/contract/filings/attachments';
import type { ReadHandle } from '../../store/store';
import { notFound } from '../../service/errors';

/** The active attachments of a record, oldest first. */
export function attachmentsOf(db: ReadHandle, entity: string, id: string): AttachmentView[] {
  return db
    .prepare(
      `SELECT id, file_name AS fileName, sha256, size_bytes AS sizeBytes, created_at AS createdAt FROM attachments
       WHERE entity = ? AND entity_id = ? AND voided_at IS NULL ORDER BY created_at, id`,
    )
    .all(entity, id) as AttachmentView[];
}

/** The anomaly flags in force on a record (dismissed ones too: the detail shows the whole story). */
export function flagsOf(db: ReadHandle, entity: string, id: string) {
  return db
    .prepare(
      `SELECT f.id, f.rule_id AS ruleId, f.status, f.explanation FROM flag_subjects fs JOIN anomaly_flags f ON f.id = fs.flag_id
       WHERE fs.entity = ? AND fs.entity_id = ? AND f.active = 1 ORDER BY f.first_seen_at`,
    )
    .all(entity, id) as { id: string; ruleId: string; status: string; explanation: string }[];
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

export function requireRow(db: ReadHandle, table: string, id: string, what: string): Record<string, unknown> {
  const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) throw notFound(what);
  return row;
}
