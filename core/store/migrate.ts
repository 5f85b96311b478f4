import type Database from 'better-sqlite3';
import { DeskError } from '../service/errors';
import { latestSchemaVersion, type Migration, migrations as bundled } from './migrations/index';

/** Refuses a store written by a newer version of the app, before anything touches it. */
export function assertNotFromTheFuture(db: Database.Database, latest = latestSchemaVersion): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new DeskError(
      'STORE_TOO_NEW',
      `数据库由更新版本的专利转化工作台创建（结构版本 ${current}，本程序支持到 ${latest}）。为保护数据，本程序不会打开或修改它，请升级本程序后再打开。`,
    );
  }
  return current;
}

/** Applies the pending migrations, each in its own transaction together with its user_version bump. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = bundled): { from: number; to: number } {
  const latest = migrations.at(-1)?.version ?? 0;
  const from = assertNotFromTheFuture(db, latest);
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: Math.max(from, latest) };
}

export function pendingMigrations(db: Database.Database, migrations: readonly Migration[] = bundled): Migration[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  return migrations.filter((m) => m.version > current);
}
