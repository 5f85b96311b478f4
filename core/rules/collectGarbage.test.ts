import { describe, expect, it } from 'vitest';
import { collectGarbageBetweenRules } from './collectGarbage';

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
