import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedFactTables, storedFactTables } from '../core/indicators/testing/expectedFacts';
import { syncUntilDone } from '../core/sync/client';
import { exportBatchFile } from '../core/sync/fileBatch';
import { bulkDeal, recordDeal, recordManyDeals } from '../core/sync/testing/syncFixtures';
import { setUpStore } from '../tests/testing/tempStore';
import { startChaosProxy, type Fault } from './testing/chaosProxy';
import { recordVersions } from './testing/compareStores';
import { sqliteProvinceDb } from '../core/province/store/sqliteProvinceDb';
import { ingestEnvelope } from './ingest';
import { startTestProvince } from './testing/testProvince';
import { openProvinceStore } from '../core/province/provinceStore';
import { enrollKey } from '../core/province/installations/keys';
import { signingIdentity } from '../core/sync/installationKey';
import path from 'node:path';

describe('the signature over a batch', () => {
  let city: Awaited<ReturnType<typeof setUpStore>>;
  let envelope: string;
  let province: ReturnType<typeof openProvinceStore>;
  beforeAll(async () => {
    city = await setUpStore('140100');
    recordManyDeals(city.service.store, city.adminActor, '140100', 3);
    envelope = (await exportBatchFile(city.service.store, city.adminActor, new Date()))!.content;
    province = openProvinceStore(path.join(city.dir, 'province.db'));
    const identity = await signingIdentity(city.service.store, city.adminActor);
    await enrollKey(
      sqliteProvinceDb(province),
      '140100',
      identity.publicKeyPem,
      { id: null, name: 'test', role: '管理员' },
      new Date().toISOString(),
    );
  });
  afterAll(() => {
    province.close();
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
          const result = await ingestEnvelope(sqliteProvinceDb(province), altered, new Date().toISOString());
          expect(result.status).not.toBe(200);
          expect(province.db.prepare('SELECT count(*) FROM province_batches').pluck().get()).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const FAULTS: Fault[] = ['pass', 'dropBefore', 'dropAfter', 'error500', 'delay', 'duplicate', 'reorder'];

describe('exactly once, for any misbehaviour of the network', () => {
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
          const province = await startTestProvince();
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
            expect(recordVersions(province.store.db)).toEqual(recordVersions(city.service.store.db));
            // Batches are taken in with the deals' indicator facts deferred: they end exact.
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
});
