import { afterEach, describe, expect, it } from 'vitest';
import { appendOutbox, type SyncEntity } from '../core/outbox/outbox';
import { runSyncPass } from '../core/sync/client';
import { runMessage } from '../core/sync/handlers';
import { recordDeal } from '../core/sync/testing/syncFixtures';
import { setUpStore } from '../tests/testing/tempStore';
import { computeProvinceHome } from '../core/province/home/overview';
import { PROVINCE_BACKENDS, provinceStores, type ProvinceBackend } from './testing/provinceBackends';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const stores = provinceStores();

/** A city (太原) and a real province on 127.0.0.1 with the city's key enrolled. */
async function cityAndProvince(backend: ProvinceBackend) {
  const city = await setUpStore('140100');
  cleanups.push(city.close);
  const province = await stores.endpoint(backend);
  cleanups.push(province.close);
  await province.enroll(city.service.store, city.adminActor);
  return { city, province };
}
type City = Awaited<ReturnType<typeof cityAndProvince>>['city'];

/** A later version of a stored record whose payload was changed by `change`: a fault of the city's software. */
function queueChangedVersion(
  city: City,
  entity: SyncEntity,
  table: string,
  id: string,
  change: Record<string, unknown>,
): void {
  city.service.store.transaction((db) => {
    const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
    const version = Number(row.version) + 1;
    db.prepare(`UPDATE ${table} SET version = ? WHERE id = ?`).run(version, id);
    appendOutbox(
      db,
      { entity, entityId: id, version, op: 'upsert', payload: { ...row, version, patents: [], ...change } },
      new Date().toISOString(),
    );
  });
}

const sync = (city: City, url: string) =>
  runSyncPass(city.service.store, {
    endpoint: url,
    actor: city.adminActor,
    ignoreSchedule: true,
    backoff: { baseMs: 5, maxMs: 20 },
  });

/** Words a caseworker would not know: column names, ids, English. */
const TECHNICAL = /[A-Za-z_]{4,}|[0-9A-HJKMNP-TV-Z]{26}/;

describe.each(PROVINCE_BACKENDS)(
  'the province on %s names a rejected record the way a caseworker knows it',
  (backend: ProvinceBackend) => {
    it('says which deal (合同编号) and which field (its Chinese label) is wrong and what to do; the city links to that deal', async () => {
      const { city, province } = await cityAndProvince(backend);
      const dealId = recordDeal(city.service.store, city.adminActor, '140100', { contractNo: 'HT-2023-001' });
      queueChangedVersion(city, 'deal', 'deals', dealId, { amount_fen: -5 });

      const result = await sync(city, province.url);

      expect(runMessage(result)).toMatch(
        /^同步完成：所有批次均已送达省级，但有 1 个批次中的记录被省级拒收，请在“数据同步”页查看原因/,
      );
      const [batch] = (await city.call('sync.overview', {})).batches;
      expect(batch!.state).toBe('部分拒收');
      // The province's 首页 counts the refusal against 太原 (the batch summary's list, read in either dialect).
      const home = await computeProvinceHome(province.db, 2023);
      expect(home.regions.find((r) => r.region === '140100')!.rejected).toBe(1);
      expect(batch!.rejected).toEqual([
        expect.objectContaining({
          entity: 'deal',
          code: 'INVALID_RECORD',
          message: '交易 合同编号 HT-2023-001：成交金额 不能为负数，请更正后重新同步',
          label: '交易',
          number: '合同编号 HT-2023-001',
          reasons: ['成交金额 不能为负数，请更正后重新同步'],
          link: `/filings/deals/${dealId}`,
          corrected: false,
        }),
      ]);

      // The caseworker corrects the deal; once the province has the new version, the rejection is marked as dealt with.
      recordDeal(city.service.store, city.adminActor, '140100', { contractNo: 'HT-2023-001', amountFen: 60_000_000 });
      await sync(city, province.url);
      const after = await city.call('sync.overview', {});
      expect(after.batches.map((b) => b.state)).toEqual(['已接收', '部分拒收']);
      expect(after.batches[1]!.rejected[0]).toMatchObject({ number: '合同编号 HT-2023-001', corrected: true });
    });

    it("lists every wrong field of a payment under its deal's 合同编号, and never names a column or an id", async () => {
      const { city, province } = await cityAndProvince(backend);
      const dealId = recordDeal(city.service.store, city.adminActor, '140100', { contractNo: 'HT-2023-002' });
      const paymentId = city.service.store.db
        .prepare("SELECT id FROM payments WHERE deal_id = ? AND voucher_no = 'P1'")
        .pluck()
        .get(dealId) as string;
      // The deal went over once; then a payment version with a slashed date, an amount in 万元 and a lost timestamp.
      await sync(city, province.url);
      queueChangedVersion(city, 'payment', 'payments', paymentId, {
        paid_date: '2023/03/15',
        amount_fen: 0.5,
        created_at: '',
      });

      await sync(city, province.url);

      const [batch] = (await city.call('sync.overview', {})).batches;
      const [rejection] = batch!.rejected;
      expect(rejection).toMatchObject({
        label: '到账',
        number: '合同编号 HT-2023-002 到账日期 2023-03-15',
        link: `/filings/deals/${dealId}`,
        reasons: [
          '到账日期 不是有效日期，请更正后重新同步',
          '到账金额 应精确到分，请更正后重新同步',
          '记录的系统信息有误（不是录入的内容），请联系技术支持',
        ],
      });
      expect(rejection!.message).toMatch(/^到账 合同编号 HT-2023-002 到账日期 2023\/03\/15：到账日期 不是有效日期/);
      expect(rejection!.message).not.toMatch(TECHNICAL);
      expect(await province.db.get('SELECT paid_date FROM payments WHERE id = ?', [paymentId])).toEqual({
        paid_date: '2023-03-15',
      });
    });

    it('names the region a deal belongs to and the one that reported it by their Chinese names', async () => {
      const { city, province } = await cityAndProvince(backend);
      const dealId = recordDeal(city.service.store, city.adminActor, '140100', { contractNo: 'HT-2023-003' });
      queueChangedVersion(city, 'deal', 'deals', dealId, { region_code: '140200' });

      await sync(city, province.url);

      const [rejection] = (await city.call('sync.overview', {})).batches[0]!.rejected;
      expect(rejection).toMatchObject({
        code: 'REGION_MISMATCH',
        message: '交易 合同编号 HT-2023-003：记录属于大同市，却由太原市报送，请核对本机设置的所属地区',
      });
    });
  },
);
