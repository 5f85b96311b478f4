import type Database from 'better-sqlite3';
import { DeskError } from '../../../service/errors';
import type { ProvinceTx, SqlValue } from '../provinceDb';

/** A table to copy: its name and the columns PostgreSQL lets one write (generated ones left out), in order. */
export interface TablePlan {
  table: string;
  columns: readonly string[];
}

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 65_535;
/** Enough rows per INSERT that the round trips do not dominate, few enough that a statement stays small. */
const MAX_ROWS_PER_INSERT = 1_000;

/** Double-quoted, so that a column named like a keyword (province_feedback.cursor) is a name in both dialects. */
export const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The SELECT that reads a table's columns, the same text on both stores. */
export const selectColumns = ({ table, columns }: TablePlan) =>
  `SELECT ${columns.map(quoted).join(', ')} FROM ${quoted(table)}`;

/** Rows per INSERT for a table: as many as fit under the parameter limit, at most MAX_ROWS_PER_INSERT. */
export const rowsPerInsert = (columnCount: number) =>
  Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columnCount)));

function insertSql({ table, columns }: TablePlan, rows: number): string {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES ${Array(rows).fill(tuple).join(', ')}`;
}

/** A SQLSTATE of data PostgreSQL refuses: class 22 (a value it cannot take) or 23 (a constraint the row breaks). */
const isRefusedData = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
};

/**
 * Copies one table from the SQLite store into PostgreSQL within the caller's transaction: the rows are streamed from
 * SQLite (`iterate`), never held whole, and written in multi-row INSERTs. Identity columns are written with the
 * values they have (the tables define them BY DEFAULT, so PostgreSQL takes them). Resolves with the rows copied.
 */
export async function copyTable(source: Database.Database, tx: ProvinceTx, plan: TablePlan): Promise<number> {
  const perInsert = rowsPerInsert(plan.columns.length);
  const fullInsert = insertSql(plan, perInsert);
  const rows = source.prepare(selectColumns(plan)).raw().iterate() as IterableIterator<SqlValue[]>;
  let values: SqlValue[] = [];
  let pending = 0;
  let copied = 0;
  const flush = async () => {
    if (pending === 0) return;
    await tx.run(pending === perInsert ? fullInsert : insertSql(plan, pending), values);
    copied += pending;
    values = [];
    pending = 0;
  };
  try {
    for (const row of rows) {
      values.push(...row);
      if (++pending === perInsert) await flush();
    }
    await flush();
  } catch (error) {
    if (!isRefusedData(error)) throw error;
    throw new DeskError(
      'MIGRATION_ROW_REFUSED',
      `表 ${plan.table} 中有 PostgreSQL 不接受的数据（${(error as Error).message}）。迁移已全部回滚，PostgreSQL 数据库中没有写入任何记录；请先在原 SQLite 数据库中更正该数据，再重新迁移。`,
    );
  }
  return copied;
}
