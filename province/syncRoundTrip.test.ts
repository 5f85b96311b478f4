import { afterEach, describe, expect, it } from 'vitest';
import { runSyncPass } from '../core/sync/client';
import { recordDeal, recordRepeatTransfer } from '../core/sync/testing/syncFixtures';
import { setUpStore } from '../tests/testing/tempStore';
import { DEFAULT_RULE_THRESHOLDS } from '../shared/rules/thresholds';
import type { ProvinceDb } from '../core/province/store/provinceDb';
import type { Actor } from '../core/service/context';
import { listCrossReview, readCrossReview } from '../core/province/review/crossReview';
import { decideFinding } from '../core/province/review/decideFinding';
import { listNotices, sendNotice } from '../core/province/notices/notices';
import { publishTargets, sentTargets } from '../core/province/targets/publishTargets';
import { writeProvince } from '../core/province/store/provinceWriter';
import { readRuleThresholdsOn, writeRuleThresholds } from '../core/rules/ruleSettings';
import { computeProvinceHome } from '../core/province/home/overview';
import { syncCity } from './testing/sqliteProvinceWithHistory';
import { countRows, PROVINCE_BACKENDS, provinceStores, type ProvinceBackend } from './testing/provinceBackends';

const OFFICER: Actor = { id: null, name: '省审核员', role: '审核员' };

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function city(region: string) {
  const c = await setUpStore(region);
  cleanups.push(c.close);
  return c;
}

const stores = provinceStores();
async function province(backend: ProvinceBackend) {
  const p = await stores.endpoint(backend);
  cleanups.push(p.close);
  return p;
}

describe.each(PROVINCE_BACKENDS)('a city reporting to the province on %s', (backend: ProvinceBackend) => {
  it('sends its deal with parties, patents and payments, and the batch is acknowledged', async () => {
    const taiyuan = await city('140100');
    const prov = await province(backend);
    await prov.enroll(taiyuan.service.store, taiyuan.adminActor);
    recordDeal(taiyuan.service.store, taiyuan.adminActor, '140100');

    const result = await runSyncPass(taiyuan.service.store, {
      endpoint: prov.url,
      actor: taiyuan.adminActor,
      ignoreSchedule: true,
    });

    expect(result.settled).toBe(true);
    expect(await countRows(prov.db, 'deals')).toBe(1);
    expect(await countRows(prov.db, 'deal_patents')).toBe(2);
    expect(await countRows(prov.db, 'payments')).toBe(2);
    expect(await countRows(prov.db, 'organizations')).toBe(2);
    const overview = await taiyuan.call('sync.overview', {});
    expect(overview.pendingRecords).toBe(0);
    expect(overview.batches[0]).toMatchObject({ state: '已接收', rejected: [] });
    expect(overview.lastContactAt).not.toBeNull();
  });
});

/**
 * 太原 and 大同, both enrolled at a province on `backend`, each transfer the same patent six weeks apart and sync
 * (太原 twice, to fetch the feedback 大同's batch made). `prepare` runs on the province's store before anything is sent.
 */
async function repeatTransferSynced(
  backend: ProvinceBackend,
  prepare: (db: ProvinceDb) => Promise<unknown> = async () => {},
) {
  const taiyuan = await city('140100');
  const datong = await city('140200');
  const prov = await province(backend);
  await prov.enroll(taiyuan.service.store, taiyuan.adminActor);
  await prov.enroll(datong.service.store, datong.adminActor);
  await prepare(prov.db);
  recordRepeatTransfer(
    { store: taiyuan.service.store, actor: taiyuan.adminActor },
    { store: datong.service.store, actor: datong.adminActor },
  );
  for (const c of [taiyuan, datong, taiyuan]) {
    const r = await runSyncPass(c.service.store, { endpoint: prov.url, actor: c.adminActor, ignoreSchedule: true });
    expect(r.settled).toBe(true);
  }
  return { taiyuan, datong, prov };
}

describe.each(PROVINCE_BACKENDS)(
  'a city reporting to the province, with cross-city feedback, on %s',
  (backend: ProvinceBackend) => {
    it('files a repeat transfer of one patent in two cities as 省级反馈 in both review queues', async () => {
      const { taiyuan, datong, prov } = await repeatTransferSynced(backend);

      // The province keeps the finding whole as its own flag under review, with both cities' deals: while it waits
      // they still count; once an officer confirms it, they leave the province's figures (findingFlag.ts).
      const flags = await prov.db.all<{ id: string; rule_id: string; region_code: string; status: string }>(
        'SELECT id, rule_id, region_code, status FROM anomaly_flags',
      );
      expect(flags).toEqual([{ id: expect.any(String), rule_id: 'R01', region_code: '140000', status: '待审核' }]);
      const subjects = await prov.db.all<{ business_no: string }>(
        "SELECT business_no FROM flag_subjects WHERE flag_id = ? AND entity = 'deal' ORDER BY business_no",
        [flags[0]!.id],
      );
      expect(subjects.map((s) => s.business_no)).toEqual(['DT-2024-07', 'TY-2024-01']);

      for (const c of [taiyuan, datong]) {
        const queue = await c.call('review.queue', { source: '省级反馈' });
        expect(queue.rows).toEqual([
          expect.objectContaining({
            ruleId: 'R01',
            source: '省级反馈',
            status: '待审核',
            active: true,
            regionCode: c === taiyuan ? '140100' : '140200',
          }),
        ]);
        // Each city is told of its own deal only; the other city's contract stays with that city.
        expect(queue.rows[0]!.contracts).toEqual([c === taiyuan ? 'TY-2024-01' : 'DT-2024-07']);
        // The city's own full scan (which cannot see the other city's deal) leaves the province's finding in the queue.
        await c.call('rules.scan', { ruleIds: ['R01', 'R02', 'R10'] });
        expect((await c.call('review.queue', { source: '省级反馈' })).rows).toEqual([
          expect.objectContaining({ active: true }),
        ]);
      }
    });

    it("judges with the province's own thresholds: with R01 at 30 days, two transfers six weeks apart are no finding", async () => {
      // What 规则设置 on the province's workbench writes (a versioned settings document, audited), on either backend.
      const { taiyuan, datong, prov } = await repeatTransferSynced(backend, async (db) => {
        const set = (days: number) =>
          writeProvince(db, OFFICER, new Date().toISOString(), (w) =>
            writeRuleThresholds(w, { ...DEFAULT_RULE_THRESHOLDS, r01RepeatWithinDays: days }, OFFICER.name),
          );
        expect(await set(60)).toBe(1);
        expect(await set(30)).toBe(2);
        expect(await readRuleThresholdsOn(db)).toMatchObject({ version: 2, thresholds: { r01RepeatWithinDays: 30 } });
        expect(await db.get("SELECT count(*) AS n FROM audit_log WHERE action = 'settings.update'")).toEqual({ n: 2 });
      });

      expect(await countRows(prov.db, 'deals')).toBe(2);
      expect(await countRows(prov.db, 'province_findings')).toBe(0);
      for (const c of [taiyuan, datong])
        expect((await c.call('review.queue', { source: '省级反馈' })).rows).toEqual([]);
    });

    // The province's pages (跨地市审核, 通知, 目标下达) read and write through the store interface, so the same code
    // serves the workbench on either backend: here it is driven as the workbench's handlers drive it.
    it("is reviewed by the province's officer: the queue, both deals side by side, and the decision kept and sent to both cities", async () => {
      const { taiyuan, datong, prov } = await repeatTransferSynced(backend);

      const queue = await listCrossReview(prov.db);
      expect(queue.map((r) => [r.ruleId, r.status, r.regions.map((region) => region.name)])).toEqual([
        ['R01', '待审核', ['太原市', '大同市']],
      ]);
      const { fingerprint } = queue[0]!;
      const detail = await readCrossReview(prov.db, fingerprint);
      expect(detail.deals.map((d) => [d.contractNo, d.enteredBy, d.patents.length > 0, d.voided])).toEqual([
        ['TY-2024-01', '太原市录入', true, false],
        ['DT-2024-07', '大同市录入', true, false],
      ]);

      // 首页 counts what waits for the province, for both regions of the finding.
      const waiting = async () =>
        (await computeProvinceHome(prov.db, 2024)).regions
          .filter((r) => r.findings > 0)
          .map((r) => [r.region, r.findings, r.pendingFindings]);
      expect(await waiting()).toEqual([
        ['140100', 1, 1],
        ['140200', 1, 1],
      ]);

      await writeProvince(prov.db, OFFICER, new Date().toISOString(), (w) =>
        decideFinding(w, OFFICER.name, fingerprint, '确认异常', '同一专利六周内在两市转让，已与两市核实'),
      );

      expect(await waiting()).toEqual([
        ['140100', 1, 0],
        ['140200', 1, 0],
      ]);
      expect(await listCrossReview(prov.db, '确认异常')).toEqual([
        expect.objectContaining({
          fingerprint,
          decidedBy: '省审核员',
          reason: '同一专利六周内在两市转让，已与两市核实',
        }),
      ]);
      expect(await listCrossReview(prov.db, '待审核')).toEqual([]);
      expect(await prov.db.all('SELECT status FROM anomaly_flags')).toEqual([{ status: '确认异常' }]);
      expect(await prov.db.get('SELECT actor_name AS "by", action FROM audit_log ORDER BY seq DESC LIMIT 1')).toEqual({
        by: '省审核员',
        action: 'provinceReview.decide',
      });
      for (const c of [taiyuan, datong]) {
        await syncCity(c, prov);
        const [flag] = (await c.call('review.queue', { source: '省级反馈' })).rows;
        expect((await c.call('review.flag', { flagId: flag!.id })).provinceDecision).toMatchObject({
          decision: '确认异常',
          reason: '同一专利六周内在两市转让，已与两市核实',
        });
      }
    });

    it('sends a notice and targets that reach their city, and sees the city fetch the notice', async () => {
      const taiyuan = await city('140100');
      const prov = await province(backend);
      await prov.enroll(taiyuan.service.store, taiyuan.adminActor);
      await prov.db.run(
        `INSERT INTO region_targets (region_code, indicator, year_from, year_to, target, required_growth, updated_at, source)
         VALUES ('140100', 'I1', 2021, 2023, 150, 0.4, ?, '本地')`,
        [new Date().toISOString()],
      );

      await writeProvince(prov.db, OFFICER, new Date().toISOString(), async (w) => {
        await sendNotice(w, OFFICER.name, {
          title: '报送提醒',
          body: '请于 6 月底前补报质押数据。',
          regions: ['140100'],
        });
        await publishTargets(w, ['140100']);
      });

      const [notice] = await listNotices(prov.db);
      expect(notice).toMatchObject({ title: '报送提醒', sentBy: '省审核员' });
      expect(notice!.regions).toEqual([{ code: '140100', name: '太原市', fetchedAt: null, readAt: null }]);
      expect((await sentTargets(prov.db)).find((r) => r.code === '140100')).toMatchObject({
        targets: 1,
        sentAt: expect.any(String),
      });
      expect((await sentTargets(prov.db)).find((r) => r.code === '140200')).toEqual(
        expect.objectContaining({ targets: 0, sentAt: null }),
      );

      await syncCity(taiyuan, prov);

      expect((await taiyuan.call('notices.list', {})).rows).toEqual([
        expect.objectContaining({ title: '报送提醒', body: '请于 6 月底前补报质押数据。' }),
      ]);
      expect((await taiyuan.call('targets.get', {})).targets.filter((t) => t.regionCode === '140100')).toEqual([
        expect.objectContaining({ regionCode: '140100', indicator: 'I1', target: 150, setByProvince: true }),
      ]);
      expect((await listNotices(prov.db))[0]!.regions[0]!.fetchedAt).toEqual(expect.any(String));
    });
  },
);
