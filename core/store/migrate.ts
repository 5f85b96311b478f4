import type Database from 'better-sqlite3';
import { DeskError } from '../service/errors';
import { latestSchemaVersion, type Migration, migrations as bundled } from './migrations/index';

/** Where a list of migrations keeps how far a store has come. */
export interface VersionMark {
  read(db: Database.Database): number;
  write(db: Database.Database, version: number): void;
}

/** The store's own migrations count in SQLite's user_version. */
export const USER_VERSION: VersionMark = {
  read: (db) => db.pragma('user_version', { simple: true }) as number,
  write: (db, version) => db.pragma(`user_version = ${version}`),
};

/** Refuses a store written by a newer version of the app, before anything touches it. */
export function assertNotFromTheFuture(
  db: Database.Database,
  latest = latestSchemaVersion,
  mark = USER_VERSION,
): number {
  const current = mark.read(db);
  if (current > latest) {
    throw new DeskError(
      'STORE_TOO_NEW',
      `数据库由更新版本的专利转化工作台创建（结构版本 ${current}，本程序支持到 ${latest}）。为保护数据，本程序不会打开或修改它，请升级本程序后再打开。`,
    );
  }
  return current;
}

/** Applies the pending migrations, each in its own transaction together with its version bump. */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = bundled,
  mark = USER_VERSION,
): { from: number; to: number } {
  const latest = migrations.at(-1)?.version ?? 0;
  const from = assertNotFromTheFuture(db, latest, mark);
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      migration.prepare?.(db);
      db.exec(migration.sql);
      mark.write(db, migration.version);
    })();
  }
  return { from, to: Math.max(from, latest) };
}

export function pendingMigrations(db: Database.Database, migrations: readonly Migration[] = bundled): Migration[] {
  const current = USER_VERSION.read(db);
  return migrations.filter((m) => m.version > current);
}
