import Database from 'better-sqlite3';
import fs from 'node:fs';
import { DeskError } from '../../../service/errors';
import { openProvinceStore } from '../../provinceStore';

const notAProvinceStore = (file: string) =>
  new DeskError(
    'NOT_A_PROVINCE_STORE',
    `${file} 不是省级数据库（没有省级结构版本记录），未迁移任何数据；请用 --db 指定省级接口使用的 SQLite 数据库文件`,
  );

const readOnly = (file: string) => new Database(file, { readonly: true, fileMustExist: true });

/**
 * Whether the file carries the province's mark, read without writing a byte: `province_schema_version`, which
 * openProvinceStore creates (core/province/migrations.ts) and which a city's store or any other SQLite file lacks.
 * Checked first because opening a store read-write would bring a city's schema up to date before refusing it.
 */
function hasProvinceMark(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = readOnly(file);
    return (
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'province_schema_version'").get() !==
      undefined
    );
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return false;
    throw new DeskError('STORE_UNAVAILABLE', `无法读取省级数据库文件 ${file}：${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

/**
 * The province's SQLite store to migrate from, on a read-only connection: nothing the migration does can write to it.
 * It is opened once the usual way first (mustExist: never created; a city's store refused; the province's pending
 * migrations applied, as the endpoint would on its next start), so that it is read at the schema PostgreSQL has.
 */
export function openSqliteSource(file: string): Database.Database {
  if (!fs.existsSync(file))
    throw new DeskError('STORE_MISSING', `找不到省级数据库文件：${file}。请检查 --db 指定的路径，未迁移任何数据。`);
  if (!hasProvinceMark(file)) throw notAProvinceStore(file);
  openProvinceStore(file, { mustExist: true }).close();
  return readOnly(file);
}

/** The highest value an AUTOINCREMENT column ever took (SQLite's sqlite_sequence), which outlives deleted rows. */
export function autoincrementHighWater(source: Database.Database, table: string): number {
  const kept = source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'").get();
  if (!kept) return 0;
  return (
    (source.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().get(table) as number | undefined) ?? 0
  );
}
