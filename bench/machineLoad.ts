import fs from 'node:fs';
import os from 'node:os';

/** The machine's CPU time so far from /proc/stat's `cpu` line, in clock ticks: all of it, and the busy part. */
function cpuTicks(): { total: number; busy: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const [, ...fields] = line.trim().split(/\s+/);
    const ticks = fields.map(Number);
    const total = ticks.reduce((a, b) => a + b, 0);
    // idle and iowait are the 4th and 5th fields: a core waiting for the disk is not doing work.
    return { total, busy: total - ticks[3]! - ticks[4]! };
  } catch {
    return null; // not Linux: the figure goes on without it
  }
}

/**
 * How many of the machine's cores were busy on average while `fn` ran — every process, not only this one (a bench's
 * server, database and senders run in processes of their own). Null where /proc/stat is not there.
 */
export async function busyCoresDuring<T>(fn: () => Promise<T>): Promise<{ result: T; busyCores: number | null }> {
  const before = cpuTicks();
  const result = await fn();
  const after = cpuTicks();
  if (!before || !after || after.total === before.total) return { result, busyCores: null };
  const share = (after.busy - before.busy) / (after.total - before.total);
  return { result, busyCores: share * os.cpus().length };
}
