import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedFactTables, storedFactTables } from '../core/indicators/testing/expectedFacts';
import { enrollKey } from '../core/province/installations/keys';
import type { ProvinceDb } from '../core/province/store/provinceDb';
import { syncUntilDone } from '../core/sync/client';
import { exportBatchFile } from '../core/sync/fileBatch';
import { signingIdentity } from '../core/sync/installationKey';
import { bulkDeal, recordDeal, recordManyDeals } from '../core/sync/testing/syncFixtures';
import { setUpStore } from '../tests/testing/tempStore';
import { ingestEnvelope } from './ingest';
import { startChaosProxy, type Fault } from './testing/chaosProxy';
import { provinceRecordVersions, recordVersions } from './testing/compareStores';
import { countRows, PROVINCE_BACKENDS, provinceStores, type ProvinceBackend } from './testing/provinceBackends';
import { startTestProvince } from './testing/testProvince';

const stores = provinceStores();

describe.each(PROVINCE_BACKENDS)('the signature over a batch, the province on %s', (backend: ProvinceBackend) => {
  let city: Awaited<ReturnType<typeof setUpStore>>;
  let envelope: string;
  let province: ProvinceDb;
  beforeAll(async () => {
    city = await setUpStore('140100');
    recordManyDeals(city.service.store, city.adminActor, '140100', 3);
    envelope = (await exportBatchFile(city.service.store, city.adminActor, new Date()))!.content;
    province = await stores.open(backend);
    const identity = await signingIdentity(city.service.store, city.adminActor);
    await enrollKey(
      province,
      '140100',
      identity.publicKeyPem,
      { id: null, name: 'test', role: '管理员' },
      new Date().toISOString(),
    );
  });
  afterAll(async () => {
    await province.close();
    city.close();
  });

  it('lets no changed character through: any one altered character is refused and nothing is stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 1_000_000 }),
        fc.constantFrom('0', '7', 'a', 'Z', '"', '\\', ' ', '}'),
        async (at, replacement) => {
          const i = at % envelope.length;
          fc.pre(envelope[i] !== replacement);
          const altered = envelope.slice(0, i) + replacement + envelope.slice(i + 1);
          const result = await ingestEnvelope(province, altered, new Date().toISOString());
          expect(result.status).not.toBe(200);
          expect(await countRows(province, 'province_batches')).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const FAULTS: Fault[] = ['pass', 'dropBefore', 'dropAfter', 'error500', 'delay', 'duplicate', 'reorder'];

describe.each(PROVINCE_BACKENDS)(
  'exactly once, for any misbehaviour of the network, the province on %s',
  (backend: ProvinceBackend) => {
    it("ends with the province holding the city's latest version of every record", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.constantFrom(...FAULTS), { minLength: 1, maxLength: 12 }),
          fc.array(fc.record({ deal: fc.nat({ max: 11 }), amount: fc.integer({ min: 1, max: 9_999_999 }) }), {
            maxLength: 6,
          }),
          fc.integer({ min: 2, max: 15 }),
          async (script, edits, perBatch) => {
            const city = await setUpStore('140100');
            // On SQLite the test reads the store's indicator facts too (below), so it keeps the store at hand.
            const province = backend === 'sqlite' ? await startTestProvince() : await stores.endpoint(backend);
            // A stretch of clean passes after the script, so that the network eventually lets the client through.
            const proxy = await startChaosProxy(
              province.url,
              (n, p) => (p.startsWith('/v1/feedback') || n >= script.length ? 'pass' : script[n]!),
              120,
            );
            try {
              await province.enroll(city.service.store, city.adminActor);
              const options = {
                endpoint: proxy.url,
                actor: city.adminActor,
                backoff: { baseMs: 1, maxMs: 5 },
                timeoutMs: 80,
                recordsPerBatch: perBatch,
                maxPasses: 100,
                ignoreSchedule: true,
              };
              recordManyDeals(city.service.store, city.adminActor, '140100', 12);
              await syncUntilDone(city.service.store, { ...options, maxPasses: 2 });
              for (const e of edits)
                recordDeal(city.service.store, city.adminActor, '140100', bulkDeal('140100', e.deal, e.amount));
              const result = await syncUntilDone(city.service.store, options);
              await proxy.settle();
              expect(result.settled).toBe(true);
              expect(await provinceRecordVersions(province.db)).toEqual(recordVersions(city.service.store.db));
              // Batches are taken in with the deals' indicator facts deferred: they end exact. Only the SQLite store
              // builds indicator facts (PostgreSQL derives none yet).
              if ('store' in province)
                expect(storedFactTables(province.store.db)).toEqual(expectedFactTables(province.store.db));
            } finally {
              await proxy.close();
              await province.close();
              city.close();
            }
          },
        ),
        { numRuns: 6 },
      );
    }, 180_000);
  },
);
