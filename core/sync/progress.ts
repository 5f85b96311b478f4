import type { SyncProgress } from './client';

// A sync (立即同步 or the background scheduler) runs inside the core process while the page polls sync.overview; one
// run per store at a time.
const running = new Map<string, { progress: SyncProgress; finished: Promise<unknown> }>();

export function currentProgress(storePath: string): SyncProgress | null {
  return running.get(storePath)?.progress ?? null;
}

export function isRunning(storePath: string): boolean {
  return running.has(storePath);
}

/** Resolves once no sync runs on this store (at once if none does); a run's failure is its own caller's to report. */
export async function untilIdle(storePath: string): Promise<void> {
  for (let run = running.get(storePath); run; run = running.get(storePath)) await run.finished.catch(() => undefined);
}

export async function withProgress<T>(
  storePath: string,
  fn: (report: (p: SyncProgress) => void) => Promise<T>,
): Promise<T> {
  const entry = {
    progress: { done: 0, total: 0, phase: '正在准备批次' } as SyncProgress,
    finished: Promise.resolve() as Promise<unknown>,
  };
  running.set(storePath, entry);
  const work = fn((p) => {
    entry.progress = p;
  });
  entry.finished = work;
  try {
    return await work;
  } finally {
    running.delete(storePath);
  }
}
