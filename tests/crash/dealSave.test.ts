import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createService } from '../../core/service/createService';
import { setUpStore } from '../testing/tempStore';
import { healthy, storeHealth } from './testing/consistency';
import { reported, runAndKill } from './testing/killable';
import { contractNumbers, rowCounts } from './testing/snapshot';

// DESIGN §2 and issue 8: kill -9 the core process in the middle of a deal save, reopen, and find the store whole.

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A store set up for 太原市, closed again so that only the child process writes to it. */
async function closedStore(): Promise<string> {
  const desk = await setUpStore('140100');
  desk.service.store.close();
  dirs.push(desk.dir);
  return desk.dbPath;
}

describe('kill -9 in the middle of deal saves', () => {
  it('keeps every save that returned, whole, with its audit rows and outbox rows, and nothing of a save cut short', async () => {
    const dbPath = await closedStore();
    const { lines } = await runAndKill(
      'dealWriter.ts',
      ['service', dbPath, '0'],
      (l) => reported(l, 'committed').length >= 25,
    );
    const committed = reported(lines, 'committed');

    expect(storeHealth(dbPath)).toEqual(healthy());
    const stored = contractNumbers(dbPath);
    expect(stored).toEqual(expect.arrayContaining(committed));
    // The save that was running when the process died is there completely (it committed before the kill) or not at all.
    expect(stored.length - committed.length).toBeGreaterThanOrEqual(0);
    expect(stored.length - committed.length).toBeLessThanOrEqual(1);
  });

  it('a transaction killed before its commit leaves the store exactly as it was', async () => {
    const dbPath = await closedStore();
    await runAndKill('dealWriter.ts', ['service', dbPath, '0'], (l) => reported(l, 'committed').length >= 3);
    const before = rowCounts(dbPath);
    const storedBefore = contractNumbers(dbPath);

    const { lines } = await runAndKill(
      'dealWriter.ts',
      ['inside', dbPath, '5000'],
      (l) => reported(l, 'in-flight').length === 1,
    );
    expect(reported(lines, 'in-flight')).toEqual(['HT-CRASH-005000']);

    expect(storeHealth(dbPath)).toEqual(healthy());
    expect(rowCounts(dbPath)).toEqual(before);
    expect(contractNumbers(dbPath)).toEqual(storedBefore);
  });

  it('after the crash the store opens through the service again and takes the next save', async () => {
    const dbPath = await closedStore();
    await runAndKill('dealWriter.ts', ['inside', dbPath, '7000'], (l) => reported(l, 'in-flight').length === 1);
    const service = createService(dbPath);
    try {
      const status = await service.call('system.status', {}, { sessionKey: 'after-crash' });
      expect(status).toMatchObject({ ok: true, value: { setUp: true } });
    } finally {
      service.store.close();
    }
    const { lines } = await runAndKill(
      'dealWriter.ts',
      ['service', dbPath, '7000'],
      (l) => reported(l, 'committed').length >= 1,
    );
    expect(reported(lines, 'committed')[0]).toBe('HT-CRASH-007000');
    expect(storeHealth(dbPath)).toEqual(healthy());
  });
});
