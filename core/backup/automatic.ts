import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { todayIso } from '../../shared/domain/dates';
import type { BackupEntry, BackupKind } from '../../shared/contract/maintenance';
import { readInstallation } from '../system/installation';
import type { Store } from '../store/store';
import { latestSchemaVersion } from '../store/migrations/index';
import { backupStore } from './backup';
import { dailyBackupsToPrune } from './retention';

/** Automatic and manual backups live in `<dataDir>/backups`, one self-contained SQLite file each. */
export function backupFolder(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

const DAILY = /^daily-(\d{4}-\d{2}-\d{2})\.db$/;
const KINDS: [RegExp, BackupKind][] = [
  [DAILY, '每日自动'],
  [/^before-migration-v\d+-to-v\d+-[\dTZ]+\.db$/, '升级前自动'],
  [/^manual-[\dTZ]+\.db$/, '手动'],
];

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function entryOf(folder: string, name: string): BackupEntry | null {
  const kind = KINDS.find(([pattern]) => pattern.test(name))?.[1];
  if (!kind) return null;
  const stat = fs.statSync(path.join(folder, name));
  return { name, kind, createdAt: stat.mtime.toISOString(), bytes: stat.size };
}

/** The backups in the folder, newest first. Unfinished (`*.partial`) and foreign files are not listed. */
export function listBackups(dataDir: string): BackupEntry[] {
  const folder = backupFolder(dataDir);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .map((name) => entryOf(folder, name))
    .filter((e): e is BackupEntry => e !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** The path of a listed backup; null for any other name (a name is never a path). */
export function backupPath(dataDir: string, name: string): string | null {
  return listBackups(dataDir).some((b) => b.name === name) ? path.join(backupFolder(dataDir), name) : null;
}

export async function createManualBackup(store: Store, dataDir: string, now: Date): Promise<BackupEntry> {
  const name = `manual-${stamp(now)}.db`;
  await backupStore(store, path.join(backupFolder(dataDir), name));
  return entryOf(backupFolder(dataDir), name)!;
}

/**
 * Today's automatic backup, once a day, then the retention of 7 daily + 4 weekly. A store that is not set up yet
 * has nothing worth keeping. Returns the backup made, or null when there was nothing to do.
 */
export async function runDailyBackup(store: Store, dataDir: string, now: Date): Promise<BackupEntry | null> {
  if (!readInstallation(store.db)) return null;
  const folder = backupFolder(dataDir);
  const name = `daily-${todayIso(now)}.db`;
  let made: BackupEntry | null = null;
  if (!fs.existsSync(path.join(folder, name))) {
    await backupStore(store, path.join(folder, name));
    made = entryOf(folder, name);
  }
  const dailies = fs.readdirSync(folder).flatMap((n) => DAILY.exec(n)?.[1] ?? []);
  for (const date of dailyBackupsToPrune(dailies)) fs.rmSync(path.join(folder, `daily-${date}.db`), { force: true });
  return made;
}

/**
 * The `beforeMigrate` hook of openStore: a copy of the store as it was, before a newer version changes its structure.
 * It runs synchronously inside the open, so it uses VACUUM INTO (a consistent snapshot, like the backup API, and
 * never a copy of the live WAL file).
 */
export function backupBeforeMigration(dataDir: string, now: () => Date) {
  return (db: Database.Database, fromVersion: number): void => {
    if (fromVersion === 0 || fromVersion >= latestSchemaVersion) return;
    const folder = backupFolder(dataDir);
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `before-migration-v${fromVersion}-to-v${latestSchemaVersion}-${stamp(now())}.db`);
    const partial = `${file}.partial`;
    fs.rmSync(partial, { force: true });
    db.prepare('VACUUM INTO ?').run(partial);
    asSingleFile(partial);
    fs.renameSync(partial, file);
  };
}

/** A backup travels as one file: out of WAL mode, so no -wal/-shm ever belongs to it. */
function asSingleFile(file: string): void {
  const copy = new Database(file);
  copy.pragma('journal_mode = DELETE');
  copy.close();
}
