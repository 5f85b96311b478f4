import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordManyDeals } from '../core/sync/testing/syncFixtures';
import { ROOT } from '../tests/support/runCli';
import { setUpStore } from '../tests/support/tempStore';
import { startChaosProxy } from './testing/chaosProxy';
import { recordVersions } from './testing/compareStores';
import { startTestProvince } from './testing/testProvince';

const cleanups: (() => unknown)[] = [];
const startCli = (args: string[]) => spawn(process.execPath, [path.join(ROOT, 'bin', 'patent-desk.mjs'), ...args], { cwd: ROOT, stdio: 'ignore' });
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('a sync killed half way', () => {
  it('resumes after a restart and completes, nothing lost or doubled', async () => {
    const city = await setUpStore('140100');
    cleanups.push(city.close);
    const province = await startTestProvince();
    cleanups.push(province.close);
    province.enroll(city.service.store, city.adminActor);
    recordManyDeals(city.service.store, city.adminActor, '140100', 600);
    const proxy = await startChaosProxy(province.url, () => 'slow', 150);
    cleanups.push(proxy.close);
    const args = ['--db', city.dbPath, 'sync', '--endpoint', proxy.url, '--batch-size', '100'];

    const child = startCli(args);
    const accepted = () => province.logs.filter((l) => l.event === 'batch' && l.status === 200).length;
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (accepted() >= 3) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.on('exit', () => reject(new Error('the sync finished before it could be killed')));
    });
    await new Promise((r) => child.once('exit', r));
    await proxy.settle();
    const states = city.service.store.db.prepare('SELECT state, count(*) AS n FROM sync_batches GROUP BY state').all() as { state: string; n: number }[];
    expect(states.some((s) => s.state !== '已接收')).toBe(true);

    // The province lives in this process: run the CLI without blocking it.
    const again = startCli(args);
    const status = await new Promise<number | null>((r) => again.once('exit', (code) => r(code)));

    expect(status).toBe(0);
    expect(recordVersions(province.store.db)).toEqual(recordVersions(city.service.store.db));
    const cityBatches = city.service.store.db.prepare('SELECT id FROM sync_batches ORDER BY id').pluck().all();
    expect(province.store.db.prepare('SELECT batch_id FROM province_batches ORDER BY batch_id').pluck().all()).toEqual(cityBatches);
    expect(city.service.store.db.prepare("SELECT count(*) FROM sync_batches WHERE state <> '已接收'").pluck().get()).toBe(0);
  }, 180_000);
});
