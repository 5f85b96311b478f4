import type Database from 'better-sqlite3';
import { DeskError } from '../../service/errors';
import { indexSyncedRowOn, TERM_TABLES } from '../../matching/terms';
import { copyTable, quoted, type TablePlan } from './migration/copyTable';
import { moveIdentities } from './migration/moveIdentities';
import { parentsFirst } from './migration/parentsFirst';
import { openSqliteSource } from './migration/sqliteSource';
import { verifyCopy, type VerifiedTable } from './migration/verifyCopy';
import { openPostgresProvinceDb } from './postgresProvinceDb';
import type { ForeignKey, ProvinceDb, ProvinceTx } from './provinceDb';

export interface MigrationReport {
  /** Every table copied, in the order copied (parents first), with its rows and the checksum both sides gave. */
  tables: VerifiedTable[];
  /** How many (kind, region, year) groups of totals were compared equal. */
  regionYearGroups: number;
  /** How many (region, year) pairs had their official indicators I1–I5a compared equal. */
  indicatorRegionYears: number;
}

/**
 * What is not a copy of a SQLite table: the migrations' version mark; 供需对接's text index, which SQLite keeps in
 * FTS5 tables and PostgreSQL in tables of its own, rebuilt from the copied records (`indexPool`); and the workbench's
 * sessions, which SQLite keeps in the process (everybody signs in again on the new database).
 */
const TEXT_INDEX = Object.values(TERM_TABLES).flatMap((t) => [t.docs, t.postings]);
const NOT_COPIED = new Set(['province_schema_version', 'workbench_sessions', ...TEXT_INDEX]);

/** 供需对接's text index on PostgreSQL, from the copied pool and needs, as the endpoint keeps it batch by batch. */
async function indexPool(tx: ProvinceTx): Promise<void> {
  for (const [table, entity] of [
    ['supply_patents', 'supply_patent'],
    ['tech_needs', 'tech_need'],
  ] as const)
    for (const row of await tx.all<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY id`))
      await indexSyncedRowOn(tx, entity, row);
}

/** Every table of the PostgreSQL schema but its version mark, parents first, with the columns one may write. */
async function plansOf(target: ProvinceDb): Promise<TablePlan[]> {
  const names = (
    await target.all<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    )
  )
    .map((row) => row.name)
    .filter((name) => !NOT_COPIED.has(name));
  const foreignKeys = new Map<string, ForeignKey[]>();
  for (const name of names) foreignKeys.set(name, await target.foreignKeys(name));
  const plans: TablePlan[] = [];
  for (const table of parentsFirst(names, foreignKeys)) plans.push({ table, columns: await target.columns(table) });
  return plans;
}

/** The SQLite store must have every table and column PostgreSQL has: otherwise there is nothing to copy them from. */
function assertSourceHas(source: Database.Database, plans: readonly TablePlan[]): void {
  for (const { table, columns } of plans) {
    const present = new Set(
      (source.prepare(`PRAGMA table_info(${quoted(table)})`).all() as { name: string }[]).map((c) => c.name),
    );
    const missing = present.size === 0 ? [] : columns.filter((c) => !present.has(c));
    if (present.size === 0 || missing.length > 0)
      throw new DeskError(
        'MIGRATION_MISMATCH',
        `省级 SQLite 数据库缺少 PostgreSQL 中的${missing.length > 0 ? `列 ${table}.${missing.join('、')}` : `表 ${table}`}，无法迁移；请先用同一版本的专利转化工作台打开该数据库`,
      );
  }
}

/** Refuses a target that holds anything, naming each table and its rows: the migration only ever fills an empty one. */
async function refuseUnlessEmpty(tx: ProvinceTx, plans: readonly TablePlan[]): Promise<void> {
  const held: string[] = [];
  for (const { table } of plans) {
    const { n } = (await tx.get<{ n: number }>(`SELECT count(*) AS n FROM ${quoted(table)}`))!;
    if (n > 0) held.push(`${table}（${n} 行）`);
  }
  if (held.length > 0)
    throw new DeskError(
      'MIGRATION_TARGET_NOT_EMPTY',
      `目标 PostgreSQL 数据库中已有数据：${held.join('、')}。迁移只写入空的数据库，本次未作任何改动；请指定一个新建的空数据库。`,
    );
}

/**
 * Moves a province's SQLite store (`file`) to an empty PostgreSQL database (`databaseUrl`), in one transaction: every
 * table of the PostgreSQL schema, parents first, with the rows' own keys, owners, key sequences, feedback cursors and
 * audit chain. Before the commit the copy is verified table by table (row counts and content checksums), by the
 * per-region, per-year totals and by the official indicators of every region and year; any difference rolls it all
 * back. The SQLite file is read on a read-only connection,
 * inside one read transaction, so the copy and its checks see the same snapshot even if an endpoint is still writing.
 */
export async function migrateFromSqlite(file: string, databaseUrl: string): Promise<MigrationReport> {
  // The source is checked before the target is opened: a wrong file leaves a new database without even a schema.
  const source = openSqliteSource(file);
  try {
    const target = await openPostgresProvinceDb(databaseUrl, { max: 2 });
    try {
      const plans = await plansOf(target);
      assertSourceHas(source, plans);
      return await target.transaction(async (tx) => {
        // No endpoint writes between the emptiness check and the commit; readers still may.
        await tx.run(`LOCK TABLE ${plans.map((p) => quoted(p.table)).join(', ')} IN EXCLUSIVE MODE`);
        await refuseUnlessEmpty(tx, plans);
        source.exec('BEGIN');
        try {
          for (const plan of plans) await copyTable(source, tx, plan);
          await indexPool(tx);
          const report = await verifyCopy(source, tx, plans);
          await moveIdentities(
            source,
            tx,
            plans.map((p) => p.table),
          );
          return report;
        } finally {
          source.exec('COMMIT');
        }
      });
    } finally {
      await target.close();
    }
  } finally {
    source.close();
  }
}
