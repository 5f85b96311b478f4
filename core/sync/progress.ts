import type { SyncProgress } from './client';

// 立即同步 runs inside the core process while the page polls sync.overview; one run per store at a time.
const running = new Map<string, SyncProgress>();

export function currentProgress(storePath: string): SyncProgress | null {
  return running.get(storePath) ?? null;
}

export function isRunning(storePath: string): boolean {
  return running.has(storePath);
}

export async function withProgress<T>(storePath: string, fn: (report: (p: SyncProgress) => void) => Promise<T>): Promise<T> {
  running.set(storePath, { done: 0, total: 0, phase: '正在准备批次' });
  try {
    return await fn((p) => running.set(storePath, p));
  } finally {
    running.delete(storePath);
  }
}
