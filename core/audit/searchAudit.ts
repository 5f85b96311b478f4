import type { z } from 'zod';
import type { auditPage, auditSearchInput } from '../../shared/contract/system';
import type { Role } from '../../shared/contract/users';
import { DeskError } from '../service/errors';
import type { ProvinceSql, SqlValue } from '../province/store/provinceDb';

/** Who may read the whole log: the administrator, and the leader who answers for the office's records. */
const READERS: readonly string[] = ['管理员', '领导'];

export function requireAuditReader(role: Role): void {
  if (!READERS.includes(role))
    throw new DeskError('FORBIDDEN', `当前角色（${role}）无权查看审计日志，请联系管理员或领导`);
}

type Query = z.output<typeof auditSearchInput>;

/** The columns of an audit entry as the contract names them; `detail` is stored as JSON. Quoted for PostgreSQL. */
export const AUDIT_ENTRY_COLUMNS =
  'seq, at, actor_name AS "actorName", action, entity, entity_id AS "entityId", detail';
type StoredEntry = {
  seq: number;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  detail: string;
};
const toAuditEntry = (r: StoredEntry) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> });
export const readAuditEntries = async (db: ProvinceSql, sql: string, params: SqlValue[]) =>
  (await db.all<StoredEntry>(sql, params)).map(toAuditEntry);

/** One page of the log, newest first, with the total and the values each filter can take; on either backend. */
export async function searchAudit(db: ProvinceSql, q: Query): Promise<z.infer<typeof auditPage>> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const when = (value: string | undefined, sql: string) => {
    if (!value) return;
    where.push(sql);
    params.push(value);
  };
  when(q.actorName, 'actor_name = ?');
  when(q.action, 'action = ?');
  when(q.entity, 'entity = ?');
  when(q.from, 'at >= ?');
  when(q.to, 'at < ?');
  const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = (await db.get<{ total: number }>(`SELECT count(*) AS total FROM audit_log${filter}`, params))!.total;
  const rows = await readAuditEntries(
    db,
    `SELECT ${AUDIT_ENTRY_COLUMNS} FROM audit_log${filter} ORDER BY seq DESC LIMIT ? OFFSET ?`,
    [...params, q.limit, q.offset],
  );
  const distinct = async (column: string) =>
    (await db.all<{ value: string }>(`SELECT DISTINCT ${column} AS value FROM audit_log ORDER BY ${column}`)).map(
      (r) => r.value,
    );
  return {
    total,
    rows,
    actors: await distinct('actor_name'),
    actions: await distinct('action'),
    entities: await distinct('entity'),
  };
}
