import { afterEach, describe, expect, it } from 'vitest';
import { enrollKey, replaceKey } from '../core/province/installations/keys';
import type { ProvinceDb } from '../core/province/store/provinceDb';
import { exportBatchFile } from '../core/sync/fileBatch';
import { signingIdentity } from '../core/sync/installationKey';
import { generateKeyPair } from '../core/sync/signing';
import { patentNumber, recordDeal } from '../core/sync/testing/syncFixtures';
import { setUpStore } from '../tests/testing/tempStore';
import { ingestEnvelope, type IngestResult } from './ingest';
import { interleave } from './testing/interleave';
import { countRows, PROVINCE_BACKENDS, provinceStores, type ProvinceBackend } from './testing/provinceBackends';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const stores = provinceStores();

/**
 * A batch interleaved with another province server's work on the same database, at the one point where the order
 * matters (testing/interleave.ts): what a load of concurrent batches hits now and then, staged every time.
 */

async function enrolledCity(db: ProvinceDb, region: string) {
  const c = await setUpStore(region);
  cleanups.push(c.close);
  const identity = await signingIdentity(c.service.store, c.adminActor);
  await enrollKey(db, region, identity.publicKeyPem, c.adminActor, new Date().toISOString());
  return { ...c, fingerprint: identity.fingerprint };
}
type City = Awaited<ReturnType<typeof enrolledCity>>;
const envelope = async (c: City) => (await exportBatchFile(c.service.store, c.adminActor, new Date()))!.content;

describe('a shared record two province servers take at once (PostgreSQL)', () => {
  it("keeps the later region's claim when the first region's batch commits between reading the record and its owner", async () => {
    const db = await stores.open('postgres');
    cleanups.push(() => db.close());
    const taiyuan = await enrolledCity(db, '140100');
    const datong = await enrolledCity(db, '140200');
    const contested = patentNumber(900, 2022);
    const patent = (title: string) => [{ number: contested, title, filingDate: '2022-05-01', status: '有效' as const }];
    recordDeal(taiyuan.service.store, taiyuan.adminActor, '140100', { patents: patent('太原的写法') });
    // 大同's parties have no USCC: its batch shares the patent with 太原's and nothing else.
    recordDeal(datong.service.store, datong.adminActor, '140200', {
      contractNo: 'DT-2024-01',
      patents: patent('大同的写法'),
      assignor: { name: '大同某研究院', kind: '科研院所', regionCode: '140200' },
      assignee: { name: '大同某公司', kind: '企业', regionCode: '140200', size: '小型' },
    });
    const [fromTaiyuan, fromDatong] = [await envelope(taiyuan), await envelope(datong)];

    // 大同's batch has read the patent's row (none) and asks who owns it (nobody yet); before it reads on, 太原's batch
    // takes the patent and commits.
    let first: IngestResult | undefined;
    const server = interleave(
      db,
      // The owners are read for the whole batch at once: the patent's number is in the list bound as one parameter.
      {
        afterRead: (sql, params) =>
          sql.includes('FROM province_record_owners') && params.some((p) => String(p).includes(contested)),
      },
      async () => (first = await ingestEnvelope(db, fromTaiyuan, new Date().toISOString())),
    );
    const second = await ingestEnvelope(server, fromDatong, new Date().toISOString());

    expect(server.ran()).toBe(true);
    expect(first).toMatchObject({ status: 200, body: { rejected: [] } });
    expect(second).toMatchObject({ status: 200, body: { rejected: [] } });
    expect(await db.get('SELECT region_code FROM province_record_owners WHERE record_id = ?', [contested])).toEqual({
      region_code: '140100',
    });
    expect(await db.get('SELECT title FROM patents WHERE number = ?', [contested])).toEqual({ title: '太原的写法' });
    // 大同's wording is its claim, not a duplicate of 太原's patent.
    expect(await db.all('SELECT region_code, differing FROM province_claims WHERE record_id = ?', [contested])).toEqual(
      [{ region_code: '140200', differing: '["title"]' }],
    );
  });
});

describe.each(PROVINCE_BACKENDS)(
  'a key retired while its batch is on the way in, on %s',
  (backend: ProvinceBackend) => {
    it('refuses the batch when the key is replaced between its lookup and its transaction; the new key keeps the sequence', async () => {
      const db = await stores.open(backend);
      cleanups.push(() => db.close());
      const taiyuan = await enrolledCity(db, '140100');
      recordDeal(taiyuan.service.store, taiyuan.adminActor, '140100');
      const signedWithOldKey = await envelope(taiyuan);

      // The officer's `province enroll --replace` commits after the batch's key was looked up, before its transaction.
      const successor = generateKeyPair();
      const server = interleave(db, { beforeTransaction: true }, () =>
        replaceKey(db, '140100', successor.publicKeyPem, null, taiyuan.adminActor, new Date().toISOString()),
      );
      const result = await ingestEnvelope(server, signedWithOldKey, new Date().toISOString());

      expect(server.ran()).toBe(true);
      expect(result).toMatchObject({ status: 401, body: { error: { code: 'UNKNOWN_KEY' } } });
      expect(await countRows(db, 'province_batches')).toBe(0);
      expect(await countRows(db, 'deals')).toBe(0);
      // Neither sequence moved: the new key goes on from where the old one stopped.
      const keys = await db.all<{ fingerprint: string; next_seq: number }>(
        'SELECT fingerprint, next_seq FROM province_keys',
      );
      expect(keys.map((k) => k.next_seq)).toEqual([1, 1]);
    });
  },
);
