import { generalSettings } from '../../shared/contract/system';
import type { Actor } from '../service/context';
import type { DeskService } from '../service/dispatcher';
import { readSetting } from '../system/settingsStore';
import type { BackoffPolicy } from './backoff';
import { runSyncPass } from './client';
import { isRunning, withProgress } from './progress';

/** Who automatic syncs are audited as (key creation, feedback intake). */
export const SCHEDULER_ACTOR: Actor = { id: null, name: '自动同步', role: '管理员' };

export interface SchedulerOptions {
  /** How often to look for work; the retry times themselves follow the backoff. */
  intervalMs?: number;
  backoff?: BackoffPolicy;
  log?: (entry: Record<string, unknown>) => void;
}

/** Whether anything is due: records not yet in a batch, or an unacknowledged batch whose retry time has come. */
function workIsDue(service: DeskService, now: string): boolean {
  const db = service.store.db;
  if (db.prepare('SELECT 1 FROM outbox WHERE batch_id IS NULL LIMIT 1').get()) return true;
  return !!db
    .prepare(
      "SELECT 1 FROM sync_batches WHERE state NOT IN ('已接收', '部分拒收') AND (next_attempt_at IS NULL OR next_attempt_at <= ?) LIMIT 1",
    )
    .get(now);
}

/**
 * Background sync for the process that hosts core (the desktop app's utility process, browser mode): when an
 * endpoint is set and something is due, runs a pass; failed batches wait for their backoff time (5 s to 5 min,
 * with jitter). The state is all in the store, so a restart simply picks up where it stopped. Returns a stop function.
 */
export function startSyncScheduler(service: DeskService, options: SchedulerOptions = {}): () => void {
  let stopped = false;
  const tick = async () => {
    if (stopped || isRunning(service.store.path)) return;
    const endpoint = readSetting(service.store.db, 'general', generalSettings).provinceEndpointUrl;
    if (!endpoint || !workIsDue(service, new Date().toISOString())) return;
    try {
      const result = await withProgress(service.store.path, (onProgress) =>
        runSyncPass(service.store, {
          endpoint,
          actor: SCHEDULER_ACTOR,
          keyVault: service.options.keyVault,
          backoff: options.backoff,
          onProgress,
        }),
      );
      options.log?.({
        level: 'info',
        event: 'autoSync',
        settled: result.settled,
        acknowledged: result.acknowledged,
        nextAttemptAt: result.nextAttemptAt,
      });
    } catch (error) {
      options.log?.({ level: 'error', event: 'autoSync', error: (error as Error).stack ?? String(error) });
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 15_000);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
