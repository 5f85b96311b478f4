import { parentPort, workerData } from 'node:worker_threads';
import { createService } from '../core/service/createService';
import type { Actor } from '../core/service/context';
import { runSyncPass } from '../core/sync/client';

/**
 * One installation of the sync figures in a thread of its own (sync.bench.ts): it opens its store, says it is ready,
 * and on `go` runs one sync pass to `endpoint`, then reports how it ended. Installations are separate machines in
 * life; as threads, eight of them can use eight cores where the machine has them, instead of sharing the bench's one
 * event loop, and the timing starts after every thread has loaded its code and opened its store.
 */
export interface SenderData {
  /** This file, which the thread loads (sync.bench.ts). */
  entry: string;
  dbPath: string;
  endpoint: string;
  actor: Actor;
}

export type SenderMessage = { type: 'ready' } | { type: 'done'; settled: boolean; lastError: string | null };

const { dbPath, endpoint, actor } = workerData as SenderData;
const service = createService(dbPath);
const port = parentPort!;
port.once('message', () => {
  runSyncPass(service.store, { endpoint, actor, ignoreSchedule: true })
    .then((r) => port.postMessage({ type: 'done', settled: r.settled, lastError: r.lastError } satisfies SenderMessage))
    .catch((e: unknown) =>
      port.postMessage({ type: 'done', settled: false, lastError: String(e) } satisfies SenderMessage),
    )
    .finally(() => service.store.close());
});
port.postMessage({ type: 'ready' } satisfies SenderMessage);
