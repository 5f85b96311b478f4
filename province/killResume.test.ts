import { afterEach, describe, expect, it } from 'vitest';
import { setUpSlowSync } from '../tests/testing/slowSync';
import { recordVersions } from './testing/compareStores';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('a sync killed half way', () => {
  it('resumes after a restart and completes, nothing lost or doubled', async () => {
    const { city, province, killSyncOnceAccepted, syncAgain } = await setUpSlowSync(cleanups, 600);

    await killSyncOnceAccepted(3);
    const states = city.service.store.db
      .prepare('SELECT state, count(*) AS n FROM sync_batches GROUP BY state')
      .all() as { state: string; n: number }[];
    expect(states.some((s) => s.state !== '已接收')).toBe(true);

    expect(await syncAgain()).toBe(0);
    expect(recordVersions(province.store.db)).toEqual(recordVersions(city.service.store.db));
    const cityBatches = city.service.store.db.prepare('SELECT id FROM sync_batches ORDER BY id').pluck().all();
    expect(province.store.db.prepare('SELECT batch_id FROM province_batches ORDER BY batch_id').pluck().all()).toEqual(
      cityBatches,
    );
    expect(
      city.service.store.db.prepare("SELECT count(*) FROM sync_batches WHERE state <> '已接收'").pluck().get(),
    ).toBe(0);
  }, 180_000);
});
