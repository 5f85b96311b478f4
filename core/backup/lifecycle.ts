import { createWriter } from '../service/context';
import { openStore, type OpenOptions, type Store } from '../store/store';
import { backupBeforeMigration, runDailyBackup } from './automatic';
import { applyPendingRestore } from './pendingRestore';

/**
 * Opens the store the way every transport does: a restore scheduled in 设置 is carried out first, a copy is taken
 * before any migration changes the structure, and a restore that happened is recorded in the (restored) audit log.
 */
export function openStoreWithBackups(dbPath: string, dataDir: string, options: OpenOptions = {}, now: () => Date = () => new Date()): Store {
  const restored = applyPendingRestore(dbPath, dataDir, now());
  const beforeMigration = backupBeforeMigration(dataDir, now);
  const store = openStore(dbPath, {
    ...options,
    beforeMigrate: (db, from) => {
      beforeMigration(db, from);
      options.beforeMigrate?.(db, from);
    },
  });
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

/** How often a running program checks whether today's backup exists. */
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** The first check waits a little, so that starting the program is not slowed by a backup. */
const FIRST_CHECK_AFTER_MS = 60 * 1000;

/**
 * Daily backups for as long as the store is open. The timers never keep a process alive (a CLI command ends as
 * usual), and a failed backup is logged, never thrown: the next check tries again.
 */
export function startDailyBackups(store: Store, dataDir: string, now: () => Date, log: (line: Record<string, unknown>) => void = () => {}): () => void {
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
