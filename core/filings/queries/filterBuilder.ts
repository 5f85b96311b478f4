import type { SqlDialect } from '../../store/readPlan';

/** Collects WHERE conditions with their parameters in order. */
export class Conditions {
  readonly where: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.where.push(sql);
    this.params.push(...params);
    return this;
  }

  /** Adds the condition only when the value is given (not null, undefined or ''). */
  when<T>(value: T | null | undefined, sql: string, ...params: unknown[]): this {
    if (value === null || value === undefined || value === '') return this;
    return this.add(sql, ...(params.length ? params : [value]));
  }
}

export type RecordStatus = 'active' | 'voided' | 'all';

export function statusCondition(c: Conditions, alias: string, status: RecordStatus): void {
  if (status === 'active') c.add(`${alias}.voided_at IS NULL`);
  else if (status === 'voided') c.add(`${alias}.voided_at IS NOT NULL`);
}

/**
 * Voided deals are few: on SQLite, start from them (migration 7's partial index) rather than walk the live ones;
 * PostgreSQL's planner finds its partial index by itself.
 */
export function dealStatusCondition(c: Conditions, status: RecordStatus, dialect: SqlDialect): void {
  if (status === 'voided' && dialect === 'sqlite')
    c.add('d.rowid IN (SELECT rowid FROM deals WHERE voided_at IS NOT NULL)');
  else statusCondition(c, 'd', status);
}

/** Open or confirmed flags (dismissed ones excluded) still in force on a record. */
export function flagCountSql(entity: string, idExpr: string): string {
  return `(SELECT count(*) FROM flag_subjects fs JOIN anomaly_flags f ON f.id = fs.flag_id
           WHERE fs.entity = '${entity}' AND fs.entity_id = ${idExpr} AND f.active = 1 AND f.status <> '排除')`;
}

export function hasFlagsCondition(
  c: Conditions,
  entity: string,
  idExpr: string,
  hasFlags: boolean | null | undefined,
): void {
  if (hasFlags === true) c.add(`${flagCountSql(entity, idExpr)} > 0`);
  if (hasFlags === false) c.add(`${flagCountSql(entity, idExpr)} = 0`);
}

/** Year of an ISO date column as an index-friendly range. */
export function yearCondition(c: Conditions, column: string, year: number | null | undefined): void {
  if (year) c.add(`${column} >= ? AND ${column} <= ?`, `${year}-01-01`, `${year}-12-31`);
}
