import { afterEach, describe, expect, it } from 'vitest';
import { appendOutbox } from '../core/outbox/outbox';
import { runSyncPass } from '../core/sync/client';
import { recordDeal } from '../core/sync/testing/syncFixtures';
import { setUpStore } from '../tests/testing/tempStore';
import { countRows, PROVINCE_BACKENDS, provinceStores, type ProvinceBackend } from './testing/provinceBackends';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const stores = provinceStores();

/**
 * The intake takes a batch in one go and, when the store refuses one of its records, again record by record
 * (ingest.ts): the refused record must be rejected alone, with nothing of it left, and the others taken.
 */
describe.each(PROVINCE_BACKENDS)(
  'a record that points at what the province does not hold, on %s',
  (backend: ProvinceBackend) => {
    it('is rejected alone with the missing record named; the rest of its batch is taken, and nothing of it is kept', async () => {
      const city = await setUpStore('140100');
      cleanups.push(city.close);
      const province = await stores.endpoint(backend);
      cleanups.push(province.close);
      await province.enroll(city.service.store, city.adminActor);
      const good = recordDeal(city.service.store, city.adminActor, '140100');
      // A deal whose assignee the city never sent: a fault of the city's software, or a tampered store.
      const orphan = 'deal-without-assignee';
      city.service.store.transaction((db) => {
        const row = db.prepare('SELECT * FROM deals WHERE id = ?').get(good) as Record<string, unknown>;
        const payload = { ...row, id: orphan, contract_no: 'HT-ORPHAN', assignee_id: 'no-such-organization' };
        appendOutbox(
          db,
          { entity: 'deal', entityId: orphan, version: 1, op: 'upsert', payload: { ...payload, patents: [] } },
          new Date().toISOString(),
        );
      });

      const result = await runSyncPass(city.service.store, {
        endpoint: province.url,
        actor: city.adminActor,
        ignoreSchedule: true,
      });

      expect(result.partlyRejected).toBe(1);
      const overview = await city.call('sync.overview', {});
      expect(overview.batches[0]!.rejected).toEqual([
        expect.objectContaining({
          entity: 'deal',
          id: orphan,
          code: 'MISSING_REFERENCE',
          refers: [{ entity: 'organization', id: 'no-such-organization' }],
          message: expect.stringContaining('交易 合同编号 HT-ORPHAN'),
        }),
      ]);
      expect(await province.db.all('SELECT id FROM deals ORDER BY id')).toEqual([{ id: good }]);
      const cityPayments = city.service.store.db.prepare('SELECT count(*) FROM payments').pluck().get();
      expect(await countRows(province.db, 'payments')).toBe(cityPayments);
      // Nothing of the refused record: no owner, no version noted, so the city's corrected resend is new.
      expect(
        await province.db.all('SELECT record_id FROM province_record_owners WHERE record_id = ?', [orphan]),
      ).toEqual([]);
      expect(
        await province.db.all('SELECT record_id FROM province_record_versions WHERE record_id = ?', [orphan]),
      ).toEqual([]);
    });
  },
);
