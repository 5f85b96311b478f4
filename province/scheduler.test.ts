import { afterEach, describe, expect, it } from 'vitest';
import { startSyncScheduler } from '../core/sync/scheduler';
import { recordDeal } from '../core/sync/testing/syncFixtures';
import { setUpStore } from '../tests/testing/tempStore';
import { startTestProvince } from './testing/testProvince';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

describe('background sync', () => {
  it('delivers new records without anyone pressing 立即同步', async () => {
    const city = await setUpStore('140100');
    cleanups.push(city.close);
    const province = await startTestProvince();
    cleanups.push(province.close);
    await province.enroll(city.service.store, city.adminActor);
    await city.call('settings.updateGeneral', { provinceEndpointUrl: province.url });
    cleanups.push(startSyncScheduler(city.service, { intervalMs: 20 }));

    recordDeal(city.service.store, city.adminActor, '140100');

    await until(
      () => province.store.db.prepare('SELECT count(*) FROM deals').pluck().get() === 1,
      'the deal at the province',
    );
    await until(
      () =>
        city.service.store.db.prepare("SELECT count(*) FROM sync_batches WHERE state = '已接收'").pluck().get() === 1,
      'the acknowledgement',
    );
  });

  it('waits out the backoff after a failure instead of hammering the province', async () => {
    const city = await setUpStore('140100');
    cleanups.push(city.close);
    await city.call('settings.updateGeneral', { provinceEndpointUrl: 'http://127.0.0.1:1' });
    recordDeal(city.service.store, city.adminActor, '140100');
    cleanups.push(startSyncScheduler(city.service, { intervalMs: 20, backoff: { baseMs: 60_000, maxMs: 300_000 } }));

    const batch = () =>
      city.service.store.db.prepare('SELECT state, attempts, next_attempt_at AS next FROM sync_batches').get() as
        { state: string; attempts: number; next: string } | undefined;
    await until(() => batch()?.state === '失败', 'the first failure');
    await new Promise((r) => setTimeout(r, 300));

    expect(batch()!.attempts).toBe(1);
    expect(new Date(batch()!.next).getTime() - Date.now()).toBeGreaterThan(30_000);
  });
});
