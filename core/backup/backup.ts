import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../store/store';
import { DeskError } from '../service/errors';
import { emptyPrivateFile, ensureDir, privateFiles, storeFiles } from '../store/fileModes';
import { latestSchemaVersion } from '../store/migrations/index';

/** A consistent copy of a live store through SQLite's online backup API (never a copy of the WAL files). */
export async function backupStore(store: Store, outFile: string): Promise<{ file: string; bytes: number }> {
  ensureDir(path.dirname(path.resolve(outFile)));
  const partial = `${outFile}.partial`;
  try {
    emptyPrivateFile(partial);
    await store.db.backup(partial);
    sealBackupFile(partial);
    fs.renameSync(partial, outFile);
  } catch (error) {
    // A backup that could not be finished (a full disk, most often) must not leave a half file taking up the space.
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${partial}${suffix}`, { force: true });
    throw error;
  }
  return { file: outFile, bytes: fs.statSync(outFile).size };
}

/**
 * Makes a fresh copy of the store a backup: one self-contained file out of WAL mode (no -wal/-shm ever travels with
 * it), readable by this user only, and without a private signing key. Stores from before migration 16 kept the key in
 * the installation row; a backup restored elsewhere must ask for re-enrollment, never carry the key along.
 */
export function sealBackupFile(file: string): void {
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
    copy.prepare('UPDATE installation SET private_key_pem = NULL WHERE private_key_pem IS NOT NULL').run();
  } finally {
    copy.close();
  }
  privateFiles(file);
}

/**
 * Opens a backup read-only, checks that it is a whole, readable store of a schema this version understands, and hands
 * it to `read` (which must not keep it: it is closed afterwards). Anything wrong with the file is one Chinese error.
 */
export function readBackupFile<T>(file: string, read: (db: Database.Database, schemaVersion: number) => T): T {
  if (!fs.existsSync(file)) throw new DeskError('BACKUP_MISSING', `找不到备份文件：${file}`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(String(integrity));
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > latestSchemaVersion) {
      throw new DeskError('STORE_TOO_NEW', `该备份由更新版本的程序创建（结构版本 ${schemaVersion}），请先升级本程序。`);
    }
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'installation'").get())
      throw new Error('not a patent-desk store');
    return read(db, schemaVersion);
  } catch (error) {
    if (error instanceof DeskError) throw error;
    throw new DeskError('BACKUP_INVALID', `备份文件已损坏或不是本程序的备份：${file}。当前数据未被改动。`);
  } finally {
    db?.close();
  }
}

/** Checks that a file is a whole, readable store of a schema this version understands. */
export function checkBackupFile(file: string): { schemaVersion: number } {
  return readBackupFile(file, (_db, schemaVersion) => ({ schemaVersion }));
}

/**
 * Replaces the store at dbPath with a backup. The store must not be open. The replaced file is kept beside it
 * (`*.before-restore-<time>.db`) so that a wrong restore can itself be undone; the swap is a rename.
 */
export function restoreStore(backupFile: string, dbPath: string, now = new Date()): { keptAs: string | null } {
  checkBackupFile(backupFile);
  const staging = `${dbPath}.restoring`;
  fs.copyFileSync(backupFile, staging);
  privateFiles(staging);
  let keptAs: string | null = null;
  if (fs.existsSync(dbPath)) {
    keptAs = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}.db`;
    // Fold the WAL into the main file first so that the kept copy is complete on its own. A damaged store (the
    // usual reason to restore) may refuse that: then its WAL is kept beside it, untouched, as it was.
    if (!foldWal(dbPath)) {
      for (const suffix of ['-wal', '-shm']) {
        if (fs.existsSync(`${dbPath}${suffix}`)) fs.renameSync(`${dbPath}${suffix}`, `${keptAs}${suffix}`);
      }
    }
    fs.renameSync(dbPath, keptAs);
    privateFiles(...storeFiles(keptAs));
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbPath}${suffix}`, { force: true });
  fs.renameSync(staging, dbPath);
  return { keptAs };
}

function foldWal(dbPath: string): boolean {
  let live: Database.Database | undefined;
  try {
    live = new Database(dbPath, { fileMustExist: true });
    live.pragma('wal_checkpoint(TRUNCATE)');
    return true;
  } catch {
    return false;
  } finally {
    live?.close();
  }
}
