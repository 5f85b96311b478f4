import { afterEach, describe, expect, it } from 'vitest';
import { setUpSlowSync } from '../tests/testing/slowSync';
import { provinceRecordVersions, recordVersions } from './testing/compareStores';
import { PROVINCE_BACKENDS, provinceStores, type ProvinceBackend } from './testing/provinceBackends';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const stores = provinceStores();

describe.each(PROVINCE_BACKENDS)('a sync killed half way, the province on %s', (backend: ProvinceBackend) => {
  it('resumes after a restart and completes, nothing lost or doubled', async () => {
    const { city, province, killSyncOnceAccepted, syncAgain } = await setUpSlowSync(cleanups, 600, () =>
      stores.endpoint(backend),
    );

    await killSyncOnceAccepted(3);
    const states = city.service.store.db
      .prepare('SELECT state, count(*) AS n FROM sync_batches GROUP BY state')
      .all() as { state: string; n: number }[];
    expect(states.some((s) => s.state !== '已接收')).toBe(true);

    expect(await syncAgain()).toBe(0);
    expect(await provinceRecordVersions(province.db)).toEqual(recordVersions(city.service.store.db));
    const cityBatches = city.service.store.db.prepare('SELECT id FROM sync_batches').pluck().all() as string[];
    const provinceBatches = await province.db.all<{ batch_id: string }>('SELECT batch_id FROM province_batches');
    expect(provinceBatches.map((b) => b.batch_id).sort()).toEqual(cityBatches.sort());
    expect(
      city.service.store.db.prepare("SELECT count(*) FROM sync_batches WHERE state <> '已接收'").pluck().get(),
    ).toBe(0);
  }, 180_000);
});
