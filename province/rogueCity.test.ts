import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { appendOutbox, type SyncEntity } from '../core/outbox/outbox';
import { ENTERPRISE } from '../core/filings/testing/sampleFilings';
import { newId } from '../core/store/ids';
import { envelopeText, freezePending, readBatch } from '../core/sync/batches';
import { runSyncPass } from '../core/sync/client';
import { signedFeedbackHeaders } from '../core/sync/feedbackPuller';
import { signingIdentity } from '../core/sync/installationKey';
import { patentNumber, recordDeal, recordRepeatTransfer } from '../core/sync/testing/syncFixtures';
import { postBatch } from '../core/sync/transport';
import { MAX_BATCH_RECORDS } from '../shared/sync/batch';
import { setUpStore } from '../tests/testing/tempStore';
import { countRows, PROVINCE_BACKENDS, provinceStores, type ProvinceBackend } from './testing/provinceBackends';
import type { ProvinceEndpoint } from './testing/testProvince';

/** What each test started (cities, provinces, sockets), closed after it in reverse order. */
const started: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of started.splice(0).reverse()) await close();
});

const city = async (region: string) => {
  const c = await setUpStore(region);
  started.push(c.close);
  return c;
};
type City = Awaited<ReturnType<typeof city>>;

const stores = provinceStores();

/** A real province on a fresh store of that backend. */
const province = async (backend: ProvinceBackend, options: { requestTimeoutMs?: number } = {}) => {
  const p = await stores.endpoint(backend, options);
  started.push(p.close);
  return p;
};

/** 太原 (the owner), a second installation of 太原, and 大同 (the rogue), all enrolled at one real province. */
async function threeInstallations(prov: ProvinceEndpoint) {
  const taiyuan = await city('140100');
  const taiyuanB = await city('140100');
  const datong = await city('140200');
  for (const c of [taiyuan, taiyuanB, datong]) await prov.enroll(c.service.store, c.adminActor);
  return { prov, taiyuan, taiyuanB, datong };
}

const sync = async (c: City, p: ProvinceEndpoint) => {
  const result = await runSyncPass(c.service.store, {
    endpoint: p.url,
    actor: c.adminActor,
    ignoreSchedule: true,
    backoff: { baseMs: 5, maxMs: 20 },
  });
  expect(result.settled).toBe(true);
  return (await c.call('sync.overview', {})).batches[0]!;
};

const cityRow = (c: City, table: string, id: string) =>
  c.service.store.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
const provinceRow = (p: ProvinceEndpoint, table: string, key: string, value: string) =>
  p.db.get<Record<string, unknown>>(`SELECT * FROM ${table} WHERE ${key} = ?`, [value]);

/** Puts a record into a city's outbox as its client sends it: a forgery, or a record the fixtures have no form for. */
function queue(c: City, entity: SyncEntity, id: string, version: number, payload: Record<string, unknown>): void {
  c.service.store.transaction((db) =>
    appendOutbox(
      db,
      { entity, entityId: id, version, op: 'upsert', payload: { ...payload, version } },
      new Date().toISOString(),
    ),
  );
}

/** 太原's deal with its parties, patents and payments, and a subsidy and yearly figures of its enterprise, all at the province. */
async function taiyuanAtTheProvince(taiyuan: City, prov: ProvinceEndpoint) {
  const dealId = recordDeal(taiyuan.service.store, taiyuan.adminActor, '140100', {
    contractNo: 'TY-2024-01',
    assignee: ENTERPRISE,
  });
  const db = taiyuan.service.store.db;
  const enterpriseId = db.prepare('SELECT id FROM organizations WHERE uscc = ?').pluck().get(ENTERPRISE.uscc) as string;
  const paymentId = db
    .prepare("SELECT id FROM payments WHERE deal_id = ? AND voucher_no = 'P1'")
    .pluck()
    .get(dealId) as string;
  const at = new Date().toISOString();
  const figureId = newId();
  queue(taiyuan, 'enterprise_figure', figureId, 1, {
    id: figureId,
    organization_id: enterpriseId,
    year: 2023,
    revenue_fen: 80_000_000,
    employees: 40,
    sector: null,
    created_at: at,
    updated_at: at,
  });
  const subsidyId = newId();
  const subsidy = {
    id: subsidyId,
    region_code: '140100',
    subsidy_no: 'TYBZ-2024-01',
    recipient_id: enterpriseId,
    program_name: '专利转化奖补',
    amount_fen: 10_000_000,
    granted_date: '2024-01-15',
    created_at: at,
    updated_at: at,
  };
  queue(taiyuan, 'subsidy', subsidyId, 1, subsidy);
  expect((await sync(taiyuan, prov)).rejected).toEqual([]);
  return { dealId, enterpriseId, paymentId, figureId, subsidyId, subsidy };
}

const dealPayload = (c: City, dealId: string) => ({
  ...cityRow(c, 'deals', dealId),
  patents: c.service.store.db
    .prepare('SELECT patent_number FROM deal_patents WHERE deal_id = ? ORDER BY position')
    .pluck()
    .all(dealId),
});

describe.each(PROVINCE_BACKENDS)('the province on %s', (backend: ProvinceBackend) => {
  describe("a city cannot change another city's records at the province", () => {
    it("refuses 大同's forged versions of 太原's deal, payment, figures and subsidy with NOT_OWNER, logs them, and still takes 太原's own later edit", async () => {
      const { prov, taiyuan, datong } = await threeInstallations(await province(backend));
      const { dealId, paymentId, figureId, subsidyId, subsidy } = await taiyuanAtTheProvince(taiyuan, prov);
      const newPaymentId = newId();

      // 大同's key signs 太原's records, moved to 大同 with 1 fen and version 1000, and a new payment on 太原's deal.
      queue(datong, 'deal', dealId, 1000, { ...dealPayload(taiyuan, dealId), region_code: '140200', amount_fen: 1 });
      queue(datong, 'payment', paymentId, 1000, { ...cityRow(taiyuan, 'payments', paymentId), amount_fen: 1 });
      queue(datong, 'payment', newPaymentId, 1, {
        ...cityRow(taiyuan, 'payments', paymentId),
        id: newPaymentId,
        amount_fen: 1,
        voucher_no: 'X',
      });
      queue(datong, 'enterprise_figure', figureId, 1000, {
        ...(await provinceRow(prov, 'enterprise_figures', 'id', figureId)),
        revenue_fen: 1,
      });
      queue(datong, 'subsidy', subsidyId, 1000, { ...subsidy, region_code: '140200', amount_fen: 1 });
      const rogue = await sync(datong, prov);

      expect(rogue.state).toBe('部分拒收');
      expect(rogue.rejected.map((r) => [r.id, r.code, r.message])).toEqual([
        [
          dealId,
          'NOT_OWNER',
          '交易 合同编号 TY-2024-01：这条记录由太原市最先报送，只有太原市可以修改，省级未采用本次内容；请核对本机是否录入或导入了其他地区的数据',
        ],
        [
          paymentId,
          'NOT_OWNER',
          expect.stringMatching(
            /^到账 合同编号 TY-2024-01 到账日期 2023-03-15：这条记录由太原市最先报送，只有太原市可以修改/,
          ),
        ],
        [
          newPaymentId,
          'NOT_OWNER',
          expect.stringMatching(
            /^到账 合同编号 TY-2024-01 到账日期 2023-03-15：它所属的交易由太原市报送，只有太原市可以修改/,
          ),
        ],
        [
          figureId,
          'NOT_OWNER',
          expect.stringMatching(
            /^企业年度数据 统一社会信用代码 91140100MA0K123488（山西示例科技有限公司） 年度 2023：这条记录由太原市最先报送/,
          ),
        ],
        [subsidyId, 'NOT_OWNER', expect.stringMatching(/^奖补 奖补编号 TYBZ-2024-01：这条记录由太原市最先报送/)],
      ]);
      expect(await provinceRow(prov, 'deals', 'id', dealId)).toMatchObject({
        region_code: '140100',
        amount_fen: 50_000_000,
        version: 1,
      });
      expect(await provinceRow(prov, 'payments', 'id', paymentId)).toMatchObject({ amount_fen: 20_000_000 });
      expect(await provinceRow(prov, 'payments', 'id', newPaymentId)).toBeUndefined();
      expect(await provinceRow(prov, 'enterprise_figures', 'id', figureId)).toMatchObject({
        revenue_fen: 80_000_000,
        version: 1,
      });
      expect(await provinceRow(prov, 'subsidies', 'id', subsidyId)).toMatchObject({
        region_code: '140100',
        amount_fen: 10_000_000,
      });
      const logged = prov.logs.filter((l) => l.event === 'notOwner');
      expect(logged.map((l) => [l.region, l.entity, l.id])).toEqual(
        rogue.rejected.map((r) => ['140200', r.entity, r.id]),
      );

      // 太原 edits its deal (version 2, far below the forged 1000): the province takes it and 太原 sees it received.
      recordDeal(taiyuan.service.store, taiyuan.adminActor, '140100', {
        contractNo: 'TY-2024-01',
        assignee: ENTERPRISE,
        amountFen: 66_000_000,
      });
      const edit = await sync(taiyuan, prov);
      expect(edit).toMatchObject({ state: '已接收', rejected: [] });
      expect(JSON.parse(cityRow(taiyuan, 'sync_batches', edit.id).summary as string)).toMatchObject({ duplicates: 0 });
      expect(await provinceRow(prov, 'deals', 'id', dealId)).toMatchObject({
        region_code: '140100',
        amount_fen: 66_000_000,
        version: 2,
      });
    });

    it("lets a second installation of the owner's region change the record, and a high version from it never hides the first installation's later edit", async () => {
      const { prov, taiyuan, taiyuanB } = await threeInstallations(await province(backend));
      const { dealId } = await taiyuanAtTheProvince(taiyuan, prov);

      queue(taiyuanB, 'deal', dealId, 1000, { ...dealPayload(taiyuan, dealId), amount_fen: 55_000_000 });
      expect(await sync(taiyuanB, prov)).toMatchObject({ state: '已接收', rejected: [] });
      expect(await provinceRow(prov, 'deals', 'id', dealId)).toMatchObject({ amount_fen: 55_000_000 });

      recordDeal(taiyuan.service.store, taiyuan.adminActor, '140100', {
        contractNo: 'TY-2024-01',
        assignee: ENTERPRISE,
        amountFen: 66_000_000,
      });
      const edit = await sync(taiyuan, prov);
      expect(JSON.parse(cityRow(taiyuan, 'sync_batches', edit.id).summary as string)).toMatchObject({
        duplicates: 0,
        rejected: [],
      });
      expect(await provinceRow(prov, 'deals', 'id', dealId)).toMatchObject({ amount_fen: 66_000_000, version: 2 });
    });
  });

  describe('a shared patent or enterprise described differently by another city', () => {
    it("keeps the first city's description, files the other city's as its claim with a province flag, and the owner's later edit still applies", async () => {
      const { prov, taiyuan, datong } = await threeInstallations(await province(backend));
      const { enterpriseId } = await taiyuanAtTheProvince(taiyuan, prov);
      const patent = taiyuan.service.store.db.prepare('SELECT * FROM patents ORDER BY number LIMIT 1').get() as Record<
        string,
        unknown
      >;
      const number = patent.number as string;
      const enterprise = cityRow(taiyuan, 'organizations', enterpriseId);

      queue(datong, 'patent', number, 1000, { ...patent, title: '大同改写的名称' });
      queue(datong, 'organization', enterpriseId, 1000, { ...enterprise, name: '大同改写的单位名称' });
      const rogue = await sync(datong, prov);

      expect(rogue).toMatchObject({ state: '已接收', rejected: [] });
      expect(await provinceRow(prov, 'patents', 'number', number)).toMatchObject({ title: patent.title });
      expect(await provinceRow(prov, 'organizations', 'id', enterpriseId)).toMatchObject({ name: ENTERPRISE.name });
      const claims = await prov.db.all<Record<string, string>>(
        'SELECT entity, record_id, region_code, payload FROM province_claims ORDER BY entity',
      );
      expect(claims.map((c) => [c.entity, c.record_id, c.region_code])).toEqual([
        ['organization', enterpriseId, '140200'],
        ['patent', number, '140200'],
      ]);
      expect(JSON.parse(claims[1]!.payload!)).toMatchObject({ title: '大同改写的名称' });
      const flags = await prov.db.all(
        "SELECT region_code, explanation FROM province_feedback WHERE rule_id = 'CLAIM' ORDER BY cursor",
      );
      expect(flags).toEqual([
        {
          region_code: '140000',
          explanation: `专利 专利号 ${number} 的专利名称，大同市报送的与最先报送的太原市不同。省级保留太原市的内容，大同市的说法另存备查；请核实哪一方有误，并通知该地区更正后重新同步。`,
        },
        {
          region_code: '140000',
          explanation: expect.stringMatching(
            /^单位 统一社会信用代码 91140100MA0K123488（山西示例科技有限公司） 的名称，大同市报送的与最先报送的太原市不同。省级保留太原市的内容/,
          ),
        },
      ]);

      // 太原 corrects the patent's title itself (its version 2): the province takes it.
      recordDeal(taiyuan.service.store, taiyuan.adminActor, '140100', {
        contractNo: 'TY-2024-01',
        assignee: ENTERPRISE,
        patents: [{ number, title: '太原更正的名称', filingDate: patent.filing_date as string, status: '有效' }],
      });
      expect(await sync(taiyuan, prov)).toMatchObject({ rejected: [] });
      expect(await provinceRow(prov, 'patents', 'number', number)).toMatchObject({ title: '太原更正的名称' });
    });
  });

  describe("the province's limits", () => {
    it(`refuses a batch of more than ${MAX_BATCH_RECORDS} records in Chinese and stores nothing; the city splits it and gets it through`, async () => {
      const prov = await province(backend);
      const datong = await city('140200');
      await prov.enroll(datong.service.store, datong.adminActor);
      const at = new Date().toISOString();
      const batchId = datong.service.store.transaction((db) => {
        for (let n = 0; n <= MAX_BATCH_RECORDS; n++) {
          const number = patentNumber(n);
          appendOutbox(
            db,
            {
              entity: 'patent',
              entityId: number,
              version: 1,
              op: 'upsert',
              payload: { number, type: '发明', title: '', status: '有效', version: 1, updated_at: at },
            },
            at,
          );
        }
        return freezePending(db, at, MAX_BATCH_RECORDS * 2)[0]!;
      });
      const batch = readBatch(datong.service.store.db, batchId)!;
      expect(batch.record_count).toBe(MAX_BATCH_RECORDS + 1);

      const outcome = await postBatch(
        prov.url,
        batchId,
        envelopeText(datong.service.store.db, batch, await signingIdentity(datong.service.store, datong.adminActor)),
        60_000,
      );

      expect(outcome).toMatchObject({
        kind: 'refused',
        status: 413,
        refusal: {
          error: {
            code: 'TOO_LARGE',
            message: `批次含 ${MAX_BATCH_RECORDS + 1} 条记录，超过每批 ${MAX_BATCH_RECORDS} 条的上限，省级未入库任何记录；请分成较小的批次报送`,
          },
        },
      });
      expect(await countRows(prov.db, 'patents')).toBe(0);
      expect(await countRows(prov.db, 'province_batches')).toBe(0);
      await sync(datong, prov);
      expect(await countRows(prov.db, 'patents')).toBe(MAX_BATCH_RECORDS + 1);
    }, 120_000);

    it('cuts off a request whose body trickles in too slowly, and goes on serving', async () => {
      const prov = await province(backend, { requestTimeoutMs: 1000 });
      const { hostname: host, port } = new URL(prov.url);
      const socket = net.connect(Number(port), host);
      started.push(() => socket.destroy());
      const declared = 100_000;
      let sent = 0;
      const answer = await new Promise<string>((resolve) => {
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString('latin1')));
        socket.on('close', () => resolve(received));
        socket.on('error', () => undefined);
        socket.write(
          `POST /v1/batches HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`,
        );
        // One byte every 50 ms would take 5000 s to finish the body.
        const trickle = setInterval(() => {
          if (socket.destroyed || sent >= declared) return clearInterval(trickle);
          socket.write('{');
          sent++;
        }, 50);
        started.push(() => clearInterval(trickle));
      });

      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(sent).toBeLessThan(declared);
      expect(prov.logs).toContainEqual(expect.objectContaining({ event: 'requestTimeout', level: 'warn' }));
      expect((await fetch(`${prov.url}/v1/health`)).status).toBe(200);
    }, 30_000);
  });
});

describe.each(PROVINCE_BACKENDS)('cross-city feedback, on %s', (backend: ProvinceBackend) => {
  it("hands each city only its own deal's id and contract number, and names the other city by its region only", async () => {
    const { prov, taiyuan, datong } = await threeInstallations(await province(backend));
    const { taiyuanDeal: tyDeal, datongDeal: dtDeal } = recordRepeatTransfer(
      { store: taiyuan.service.store, actor: taiyuan.adminActor },
      { store: datong.service.store, actor: datong.adminActor },
    );
    await sync(taiyuan, prov);
    await sync(datong, prov);

    for (const [c, own, other, otherName] of [
      [datong, ['DT-2024-07', dtDeal], ['TY-2024-01', tyDeal], '太原市'],
      [taiyuan, ['TY-2024-01', tyDeal], ['DT-2024-07', dtDeal], '大同市'],
    ] as const) {
      const identity = await signingIdentity(c.service.store, c.adminActor);
      const response = await fetch(`${prov.url}/v1/feedback?since=0`, {
        headers: signedFeedbackHeaders(identity, '/v1/feedback?since=0', new Date().toISOString()),
      });
      const page = (await response.json()) as { items: { ruleId: string; explanation: string; subjects: unknown[] }[] };
      const text = JSON.stringify(page);
      expect(page.items.map((i) => i.ruleId)).toEqual(['R01']);
      expect(page.items[0]!.subjects).toEqual([
        { entity: 'deal', entityId: own[1], businessNo: own[0], regionCode: c === datong ? '140200' : '140100' },
      ]);
      expect(page.items[0]!.explanation).toContain(own[0]);
      expect(page.items[0]!.explanation).toContain(otherName);
      expect(text).not.toContain(other[0]);
      expect(text).not.toContain(other[1]);
    }
  });
});
