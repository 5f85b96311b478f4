import { afterEach, describe, expect, it } from 'vitest';
import { syncUntilDone } from '../core/sync/client';
import { bulkDeal, recordDeal, recordManyDeals } from '../core/sync/testing/syncFixtures';
import { setUpStore } from '../tests/testing/tempStore';
import { startChaosProxy, type Fault } from './testing/chaosProxy';
import { provinceRecordVersions, recordVersions } from './testing/compareStores';
import { PROVINCE_BACKENDS, provinceStores, type ProvinceBackend } from './testing/provinceBackends';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const stores = provinceStores();

// Every kind of trouble, with a clean pass between so that the client makes progress.
const BAD_DAY: Fault[] = [
  'dropBefore',
  'pass',
  'dropAfter',
  'pass',
  'error500',
  'duplicate',
  'delay',
  'pass',
  'reorder',
  'pass',
  'dropAfter',
  'duplicate',
];

describe.each(PROVINCE_BACKENDS)('exactly once through a bad network, on %s', (backend: ProvinceBackend) => {
  it('leaves the province holding every record once, at its latest version, whatever the proxy does', async () => {
    const city = await setUpStore('140100');
    cleanups.push(city.close);
    const province = await stores.endpoint(backend);
    cleanups.push(province.close);
    await province.enroll(city.service.store, city.adminActor);
    const proxy = await startChaosProxy(
      province.url,
      (n, path) => (path.startsWith('/v1/feedback') ? 'pass' : BAD_DAY[n % BAD_DAY.length]!),
      300,
    );
    cleanups.push(proxy.close);
    const options = {
      endpoint: proxy.url,
      actor: city.adminActor,
      backoff: { baseMs: 5, maxMs: 20 },
      timeoutMs: 150,
      recordsPerBatch: 9,
      maxPasses: 300,
      ignoreSchedule: true,
    };

    recordManyDeals(city.service.store, city.adminActor, '140100', 30);
    await syncUntilDone(city.service.store, { ...options, maxPasses: 4 });
    // Edits while earlier versions are frozen in batches that may be in flight: each is a new version.
    for (const n of [0, 7, 29])
      recordDeal(city.service.store, city.adminActor, '140100', bulkDeal('140100', n, 9_900_000 + n));
    recordManyDeals(city.service.store, city.adminActor, '140100', 10, 30);
    const last = await syncUntilDone(city.service.store, options);
    await proxy.settle();

    expect(last.settled).toBe(true);
    expect(province.logs.some((l) => l.replay === true)).toBe(true);
    expect(new Set(proxy.faults)).toEqual(
      new Set(['dropBefore', 'pass', 'dropAfter', 'error500', 'duplicate', 'delay', 'reorder']),
    );
    expect(await provinceRecordVersions(province.db)).toEqual(recordVersions(city.service.store.db));
    const edited = await province.db.all("SELECT amount_fen FROM deals WHERE contract_no = 'HT-140100-0000007'");
    expect(edited).toEqual([{ amount_fen: 9_900_007 }]);
    const cityBatches = city.service.store.db.prepare('SELECT id FROM sync_batches').pluck().all() as string[];
    const provinceBatches = await province.db.all<{ batch_id: string }>('SELECT batch_id FROM province_batches');
    expect(provinceBatches.map((b) => b.batch_id).sort()).toEqual(cityBatches.sort());
    const states = city.service.store.db.prepare('SELECT DISTINCT state FROM sync_batches').pluck().all();
    expect(states).toEqual(['已接收']);
  });
});
