import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry } from '../../shared/contract/backup';
import { readInstallation } from '../system/installation';
import type { Store } from '../store/store';
import { latestSchemaVersion } from '../store/migrations/index';
import { privateDir, privateFiles, emptyPrivateFile } from '../store/fileModes';
import { backupStore, sealBackupFile } from './backup';
import { beforeMigrationName, dailiesOf, dailyName, kindOf, manualName } from './naming';
import { dailyBackupsToPrune } from './retention';

/** Automatic and manual backups live in `<dataDir>/backups`, one self-contained SQLite file each. */
export function backupFolder(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** The backup folder, made (or tightened) 0700 with every file in it 0600, including those of older versions. */
function privateBackupFolder(dataDir: string): string {
  const folder = backupFolder(dataDir);
  privateDir(folder);
  privateFiles(...fs.readdirSync(folder).map((name) => path.join(folder, name)));
  return folder;
}

function entryOf(folder: string, name: string): BackupEntry | null {
  const kind = kindOf(name);
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
  const folder = privateBackupFolder(dataDir);
  const name = manualName(folder, readInstallation(store.db), now);
  await backupStore(store, path.join(folder, name));
  return entryOf(backupFolder(dataDir), name)!;
}

/**
 * Today's automatic backup, once a day, then the retention of 7 daily + 4 weekly. A store that is not set up yet
 * has nothing worth keeping. Returns the backup made, or null when there was nothing to do.
 */
export async function runDailyBackup(store: Store, dataDir: string, now: Date): Promise<BackupEntry | null> {
  const installation = readInstallation(store.db);
  if (!installation) return null;
  const folder = privateBackupFolder(dataDir);
  const name = dailyName(installation, now);
  let made: BackupEntry | null = null;
  if (!fs.existsSync(path.join(folder, name))) {
    await backupStore(store, path.join(folder, name));
    made = entryOf(folder, name);
  }
  // Only this store's dailies: another store's backups in the same folder are not ours to prune.
  const dailies = dailiesOf(fs.readdirSync(folder), installation);
  const prune = new Set(dailyBackupsToPrune(dailies.map((d) => d.date)));
  for (const daily of dailies) if (prune.has(daily.date)) fs.rmSync(path.join(folder, daily.name), { force: true });
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
    const folder = privateBackupFolder(dataDir);
    const file = path.join(
      folder,
      beforeMigrationName(folder, readInstallation(db), fromVersion, latestSchemaVersion, now()),
    );
    const partial = `${file}.partial`;
    emptyPrivateFile(partial);
    db.prepare('VACUUM INTO ?').run(partial);
    sealBackupFile(partial);
    fs.renameSync(partial, file);
  };
}
