import type Database from 'better-sqlite3';
import { DeskError } from '../../../service/errors';
import type { ProvinceTx } from '../provinceDb';
import { quoted, selectColumns, type TablePlan } from './copyTable';
import { firstDifference, REGION_YEAR_TOTALS_SQL, TOTAL_LABELS, type RegionYearTotal } from './regionYearTotals';
import { tableChecksum } from './tableChecksum';
import { readFactsFromScratch } from '../../../indicators/facts';
import { readProvinceFacts } from '../provinceFacts';
import {
  describeDifference,
  firstIndicatorDifference,
  INDICATOR_YEARS_SQL,
  indicatorsQuery,
} from './indicatorsCompared';

/** What the check found equal for one table. */
export interface VerifiedTable {
  table: string;
  rows: number;
  checksum: string;
}

const ROLLED_BACK = '迁移已全部回滚，PostgreSQL 数据库中没有写入任何记录。';
const mismatch = (message: string) => new DeskError('MIGRATION_MISMATCH', `${message}。${ROLLED_BACK}`);

/**
 * Rows of a query inside the transaction, fetched through a cursor a few thousand at a time (flat memory). Read to
 * the end, the cursor is closed for the next table's; after a failure the transaction's rollback closes it (a CLOSE
 * then would only fail again and hide the first error).
 */
async function* cursorRows(tx: ProvinceTx, sql: string): AsyncGenerator<Record<string, unknown>> {
  await tx.run(`DECLARE migration_rows NO SCROLL CURSOR FOR ${sql}`);
  for (;;) {
    const rows = await tx.all<Record<string, unknown>>('FETCH 5000 FROM migration_rows');
    if (rows.length === 0) break;
    yield* rows;
  }
  await tx.run('CLOSE migration_rows');
}

async function verifyCount(source: Database.Database, tx: ProvinceTx, plan: TablePlan): Promise<number> {
  const count = `SELECT count(*) AS n FROM ${quoted(plan.table)}`;
  const sqliteRows = source.prepare(count).pluck().get() as number;
  const postgresRows = (await tx.get<{ n: number }>(count))!.n;
  if (sqliteRows !== postgresRows)
    throw mismatch(`表 ${plan.table} 的行数不一致：SQLite ${sqliteRows} 行，PostgreSQL ${postgresRows} 行`);
  return sqliteRows;
}

async function verifyChecksum(
  source: Database.Database,
  tx: ProvinceTx,
  plan: TablePlan,
  rows: number,
): Promise<VerifiedTable> {
  const sqliteSum = tableChecksum(plan.columns);
  for (const row of source.prepare(selectColumns(plan)).iterate()) sqliteSum.add(row as Record<string, unknown>);
  const postgresSum = tableChecksum(plan.columns);
  for await (const row of cursorRows(tx, selectColumns(plan))) postgresSum.add(row);
  if (sqliteSum.digest() !== postgresSum.digest())
    throw mismatch(
      `表 ${plan.table} 的内容校验和不一致：SQLite ${sqliteSum.rows} 行，PostgreSQL ${postgresSum.rows} 行，行数相同而内容不同`,
    );
  return { table: plan.table, rows, checksum: sqliteSum.digest() };
}

const totalText = (t: RegionYearTotal | undefined) => (t ? `${t.n} 笔、金额 ${t.amount_fen ?? 0} 分` : '没有记录');

/** The same per-region, per-year totals on both stores (regionYearTotals.ts); resolves with the number of groups. */
async function verifyTotals(source: Database.Database, tx: ProvinceTx): Promise<number> {
  const sqlite = source.prepare(REGION_YEAR_TOTALS_SQL).all() as RegionYearTotal[];
  const postgres = await tx.all<RegionYearTotal>(REGION_YEAR_TOTALS_SQL);
  const difference = firstDifference(sqlite, postgres);
  if (difference) {
    const group = (difference.source ?? difference.target)!;
    throw mismatch(
      `${TOTAL_LABELS[group.what] ?? group.what}在地区 ${group.region || '（未填）'} ${group.year || '（无日期）'} 年的合计不一致：SQLite ${totalText(difference.source)}，PostgreSQL ${totalText(difference.target)}`,
    );
  }
  return sqlite.length;
}

/**
 * The official indicators (I1–I5a, DOMAIN §7) of every region in every year the records cover, computed from the
 * records by the same definition on each store; resolves with the number of region-years compared.
 */
async function verifyIndicators(source: Database.Database, tx: ProvinceTx): Promise<number> {
  const years = source.prepare(INDICATOR_YEARS_SQL).get() as { first: string | null; last: string | null };
  if (years.first === null || years.last === null) return 0;
  const query = indicatorsQuery(Number(years.first), Number(years.last));
  const difference = firstIndicatorDifference(
    query,
    readFactsFromScratch(source, query),
    await readProvinceFacts(tx, query),
  );
  if (difference) throw mismatch(describeDifference(difference, query));
  return query.regions.length * (query.toYear - query.fromYear + 1);
}

/**
 * Checks the copy inside the transaction, before it is committed: every table's row count, the per-region, per-year
 * totals, the official indicators of every region and year, then every table's content checksum (the indicators
 * come first so that a difference they show is named by what the province reads, not only by a table). Any
 * difference throws, and the caller's transaction rolls back.
 */
export async function verifyCopy(
  source: Database.Database,
  tx: ProvinceTx,
  plans: readonly TablePlan[],
): Promise<{ tables: VerifiedTable[]; regionYearGroups: number; indicatorRegionYears: number }> {
  const rows: number[] = [];
  for (const plan of plans) rows.push(await verifyCount(source, tx, plan));
  const regionYearGroups = await verifyTotals(source, tx);
  const indicatorRegionYears = await verifyIndicators(source, tx);
  const tables: VerifiedTable[] = [];
  for (const [i, plan] of plans.entries()) tables.push(await verifyChecksum(source, tx, plan, rows[i]!));
  return { tables, regionYearGroups, indicatorRegionYears };
}
