import { constants, performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { collectGarbageBetweenRules, garbageAllowance } from './garbage';

const heapMb = () => process.memoryUsage().heapUsed / 1024 / 1024;

/** A rule's run: a million small objects, kept long enough to reach the old generation, dropped when it returns. */
function runRule(): { heldMb: number; rows: number } {
  const workingSet = Array.from({ length: 1_000_000 }, (_, i) => ({ rowid: i, amount: i * 100 }));
  for (let i = 0; i < 3; i++) Array.from({ length: 200_000 }, (_, j) => ({ j })); // scavenges promote the working set
  return { heldMb: heapMb(), rows: workingSet.length };
}

describe('collectGarbageBetweenRules', () => {
  it('gives back the working set a rule dropped, so the next rule starts from what is still in use', () => {
    const { heldMb, rows } = runRule();
    expect(rows).toBe(1_000_000);
    collectGarbageBetweenRules();
    expect(heapMb()).toBeLessThan(heldMb - 20);
  });
});

/** How many full collections started while `fn` ran (entries arrive later, so they are picked by their start). */
async function fullCollections(fn: () => void): Promise<number> {
  const seen: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const from = performance.now();
  fn();
  const to = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  const major = (e: PerformanceEntry) =>
    (e as PerformanceEntry & { detail?: { kind: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
  return seen.filter((e) => major(e) && e.startTime >= from && e.startTime <= to).length;
}

describe('garbageAllowance', () => {
  it('collects once the garbage passes the allowance, counted from what stays live, and not before', async () => {
    const live = Array.from({ length: 500_000 }, (_, i) => ({ i, text: `行 ${i}` })); // ~30 MB, live throughout
    const collectIfGrown = garbageAllowance(16);
    expect(await fullCollections(collectIfGrown)).toBe(0);

    runRule(); // ~40 MB of garbage on top of the live set
    const grown = heapMb();
    expect(await fullCollections(collectIfGrown)).toBeGreaterThanOrEqual(1);
    expect(heapMb()).toBeLessThan(grown - 20);

    // The live set is over the allowance, yet the next pause does not collect: the limit counts from what was live.
    const little = Array.from({ length: 20_000 }, (_, i) => ({ i }));
    expect(await fullCollections(collectIfGrown)).toBe(0);
    expect(little.length + live.length).toBe(520_000);
  });
});
