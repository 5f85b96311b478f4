import Database from 'better-sqlite3';
import fs from 'node:fs';
import type { BackupFacts } from '../../shared/contract/backup';
import { regionName } from '../../shared/domain/regions';
import { DeskError } from '../service/errors';
import type { Installation } from '../system/installation';
import { readInstallation } from '../system/installation';
import { readBackupFile } from './backup';

/** The record kinds a caseworker counts (a deal's payments are part of it), by their Chinese names; a table a backup's version lacks is left out. */
const COUNTED: [kind: string, table: string][] = [
  ['交易', 'deals'],
  ['质押', 'pledges'],
  ['产品备案', 'product_registrations'],
  ['企业年度数据', 'enterprise_figures'],
  ['奖补', 'subsidies'],
  ['专利供给', 'supply_patents'],
  ['技术需求', 'tech_needs'],
  ['对接', 'matchmakings'],
  ['用户', 'users'],
];

function countOf(db: Database.Database, table: string): number | null {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
  if (columns.length === 0) return null;
  const live = columns.includes('voided_at') ? ' WHERE voided_at IS NULL' : '';
  return db.prepare(`SELECT count(*) FROM ${table}${live}`).pluck().get() as number;
}

/** `太原市（140100）` */
export function storeLabel(regionCode: string): string {
  return `${regionName(regionCode) ?? '未知地区'}（${regionCode}）`;
}

/**
 * Reads what a backup holds and whose it is, without changing it (opened read-only). `current` is this store's
 * installation, or null where there is none to compare with (a store not set up, or too damaged to read): then any
 * whole desk backup is this store's to take. A damaged file, or one that is not a desk store, is refused.
 */
export function readBackupFacts(file: string, shownAs: string, current: Installation | null): BackupFacts {
  return readBackupFile(file, (db, schemaVersion) => {
    const installation = readInstallation(db);
    if (!installation)
      throw new DeskError(
        'BACKUP_INVALID',
        `备份文件 ${shownAs} 中没有工作台的设置信息，不是可以恢复的备份。当前数据未被改动。`,
      );
    return {
      file: shownAs,
      bytes: fs.statSync(file).size,
      createdAt: fs.statSync(file).mtime.toISOString(),
      lastChangeAt: (db.prepare('SELECT max(at) FROM audit_log').pluck().get() as string | null) ?? null,
      installationId: installation.id,
      regionCode: installation.regionCode,
      regionName: regionName(installation.regionCode) ?? '未知地区',
      schemaVersion,
      counts: COUNTED.flatMap(([kind, table]) => {
        const count = countOf(db, table);
        return count === null ? [] : [{ kind, count }];
      }),
      otherStore: current && current.id !== installation.id ? otherStoreMessage(installation, current) : null,
    };
  });
}

function otherStoreMessage(backup: Installation, current: Installation): string {
  const whose =
    backup.regionCode === current.regionCode
      ? `${storeLabel(backup.regionCode)}的另一个工作台`
      : `${storeLabel(backup.regionCode)}的工作台`;
  return `此备份属于${whose}（安装编号 ${backup.id}），不是本工作台（${storeLabel(current.regionCode)}，安装编号 ${current.id}）的备份，不能恢复到这里。`;
}

/** Refuses another installation's backup, with the message that says whose it is and what to do instead. */
export function refuseOtherStore(facts: BackupFacts, whatToDo: string): void {
  if (facts.otherStore) throw new DeskError('BACKUP_OTHER_STORE', `${facts.otherStore}${whatToDo}当前数据未被改动。`);
}

/**
 * The installation of the store a backup is about to replace, read without opening it for writing. A store too
 * damaged to read (the usual reason to restore) or not there yet gives null: there is nothing to compare with.
 */
export function installationOfStoreFile(dbPath: string): Installation | null {
  if (!fs.existsSync(dbPath)) return null;
  let db: Database.Database | undefined;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
    return readInstallation(db);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
