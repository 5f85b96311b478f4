import path from 'node:path';
import { createWriter } from '../service/context';
import { DeskError } from '../service/errors';
import { openStore, type OpenOptions, type Store } from '../store/store';
import { backupBeforeMigration, backupFolder, listBackups, runDailyBackup } from './automatic';
import { applyPendingRestore } from './pendingRestore';

/**
 * Opens the store the way every transport does: a restore scheduled in 设置 is carried out first, a copy is taken
 * before any migration changes the structure, and a restore that happened is recorded in the (restored) audit log.
 */
export function openStoreWithBackups(
  dbPath: string,
  dataDir: string,
  options: OpenOptions = {},
  now: () => Date = () => new Date(),
): Store {
  const restored = applyPendingRestore(dbPath, dataDir, now());
  const beforeMigration = backupBeforeMigration(dataDir, now);
  let store: Store;
  try {
    store = openStore(dbPath, {
      ...options,
      beforeMigrate: (db, from) => {
        beforeMigration(db, from);
        options.beforeMigrate?.(db, from);
      },
    });
  } catch (error) {
    throw error instanceof DeskError && error.code === 'STORE_CORRUPT'
      ? withRestoreAdvice(error, dbPath, dataDir)
      : error;
  }
  if (restored) {
    store.transaction((db) =>
      createWriter(db, { id: null, name: restored.requestedBy, role: '管理员' }, now().toISOString()).record({
        action: 'system.restore',
        entity: 'installation',
        entityId: null,
        detail: { from: restored.name, requestedAt: restored.requestedAt, replacedKeptAs: restored.keptAs },
      }),
    );
  }
  return store;
}

/** A damaged store: name the newest backup and the one command that puts it back (keeping the damaged file). */
function withRestoreAdvice(error: DeskError, dbPath: string, dataDir: string): DeskError {
  const [newest] = listBackups(dataDir);
  const folder = backupFolder(dataDir);
  const advice = newest
    ? `最近的备份是 ${newest.name}（${newest.createdAt.slice(0, 10)}，${newest.kind}），在备份文件夹 ${folder} 中。恢复方法：关闭本程序，由管理员运行 patent-desk --db "${dbPath}" restore "${path.join(folder, newest.name)}"（损坏的文件会另存一份），然后重新启动程序。`
    : `备份文件夹 ${folder} 中没有备份，请联系管理员用其他介质上的备份恢复（patent-desk --db "${dbPath}" restore 备份文件）。`;
  return new DeskError(error.code, `${error.message}${advice}`, error.extra);
}

/** How often a running program checks whether today's backup exists. */
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** The first check waits a little, so that starting the program is not slowed by a backup. */
const FIRST_CHECK_AFTER_MS = 60 * 1000;

/**
 * Daily backups for as long as the store is open. The timers never keep a process alive (a CLI command ends as
 * usual), and a failed backup is logged, never thrown: the next check tries again.
 */
export function startDailyBackups(
  store: Store,
  dataDir: string,
  now: () => Date,
  log: (line: Record<string, unknown>) => void = () => {},
): () => void {
  let running = false;
  const check = () => {
    if (running) return;
    if (!store.db.open) return stop();
    running = true;
    runDailyBackup(store, dataDir, now())
      .catch((error: unknown) => log({ level: 'error', event: 'daily-backup', error: String(error) }))
      .finally(() => (running = false));
  };
  const first = setTimeout(check, FIRST_CHECK_AFTER_MS);
  const every = setInterval(check, CHECK_EVERY_MS);
  first.unref();
  every.unref();
  function stop() {
    clearTimeout(first);
    clearInterval(every);
  }
  return stop;
}
