import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../core/service/context';
import { targetsWorkbook } from '../core/indicators/testing/targetsWorkbook';
import { runSyncPass } from '../core/sync/client';
import { signedFeedbackHeaders } from '../core/sync/feedbackPuller';
import { signingIdentity } from '../core/sync/installationKey';
import { recordRepeatTransfer } from '../core/sync/testing/syncFixtures';
import { PROVINCE_CODE } from '../shared/domain/regions';
import { isRuleId } from '../shared/rules/ruleIds';
import { feedbackPage } from '../shared/sync/batch';
import { noticeReceiptsPath } from '../shared/sync/feedbackKinds';
import { setUpStore } from '../tests/testing/tempStore';
import { PROVINCE_BACKENDS, provinceStores, type ProvinceBackend } from './testing/provinceBackends';
import { startProvinceEndpoint, type ProvinceEndpoint } from './testing/testProvince';
import { openWorkbench } from './testing/workbench';
import { openProvinceDb } from '../core/province/store/openProvinceDb';

const started: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of started.splice(0).reverse()) await close();
});

const desk = async (region: string) => {
  const c = await setUpStore(region);
  started.push(c.close);
  return c;
};
type Desk = Awaited<ReturnType<typeof desk>>;

const stores = provinceStores();

/**
 * The province's workbench (set up for 140000) and its endpoint over the same store, as `province web` and
 * `province serve` share it, on either backend; 太原 and 大同 enrolled.
 */
async function provinceAndTwoCities(backend: ProvinceBackend) {
  const at = await stores.location(backend);
  const workbench = await openWorkbench(at);
  started.push(workbench.close);
  const endpoint = await startProvinceEndpoint(await openProvinceDb(at));
  started.push(endpoint.close);
  const taiyuan = await desk('140100');
  const datong = await desk('140200');
  for (const c of [taiyuan, datong]) await endpoint.enroll(c.service.store, c.adminActor);
  const reviewer = await workbench.call('users.create', {
    username: 'shenhe',
    displayName: '省审核员',
    role: '审核员',
    password: 'reviewer-pass-1',
  });
  const leader = await workbench.call('users.create', {
    username: 'lingdao',
    displayName: '省领导',
    role: '领导',
    password: 'leader-pass-1',
  });
  const asReviewer: Actor = { id: reviewer.id, name: '省审核员', role: '审核员' };
  const asLeader: Actor = { id: leader.id, name: '省领导', role: '领导' };
  return { workbench, endpoint, taiyuan, datong, asReviewer, asLeader };
}

const sync = async (c: Desk, p: ProvinceEndpoint) => {
  const r = await runSyncPass(c.service.store, {
    endpoint: p.url,
    actor: c.adminActor,
    ignoreSchedule: true,
    backoff: { baseMs: 5, maxMs: 20 },
  });
  expect(r.settled).toBe(true);
  expect(r.lastError).toBeNull();
  return r;
};

/** What a city's key is answered at GET /v1/feedback?since=0, whatever it asks for. */
async function feedbackOf(c: Desk, p: ProvinceEndpoint) {
  const identity = await signingIdentity(c.service.store, c.adminActor);
  const response = await fetch(`${p.url}/v1/feedback?since=0`, {
    headers: signedFeedbackHeaders(identity, '/v1/feedback?since=0', new Date().toISOString()),
  });
  return feedbackPage.parse(await response.json()).items;
}

/** 太原 and 大同 each transfer the same patent within a year (R01 across two cities), both synced. */
async function repeatTransferAcrossCities(taiyuan: Desk, datong: Desk, endpoint: ProvinceEndpoint) {
  recordRepeatTransfer(
    { store: taiyuan.service.store, actor: taiyuan.adminActor },
    { store: datong.service.store, actor: datong.adminActor },
  );
  for (const c of [taiyuan, datong, taiyuan]) await sync(c, endpoint);
}

describe.each(PROVINCE_BACKENDS)('on %s', (backend) => {
  describe('the cross-city review queue at the province', () => {
    it('shows a finding across two cities with both sides, and a decision reaches each city on its own flag with only its own records', async () => {
      const { workbench, endpoint, taiyuan, datong, asReviewer, asLeader } = await provinceAndTwoCities(backend);
      await repeatTransferAcrossCities(taiyuan, datong, endpoint);

      const queue = await workbench.call('provinceReview.queue', {});
      expect(queue.rows).toEqual([
        expect.objectContaining({
          ruleId: 'R01',
          status: '待审核',
          regions: [
            { code: '140100', name: '太原市' },
            { code: '140200', name: '大同市' },
          ],
        }),
      ]);
      expect(queue.rows[0]!.records.map((r) => `${r.regionName} ${r.label} ${r.number}`).sort()).toEqual([
        '大同市 交易 DT-2024-07',
        '太原市 交易 TY-2024-01',
      ]);
      const { fingerprint } = queue.rows[0]!;
      const detail = await workbench.call('provinceReview.finding', { fingerprint });
      expect(detail.deals.map((d) => [d.regionCode, d.contractNo])).toEqual([
        ['140100', 'TY-2024-01'],
        ['140200', 'DT-2024-07'],
      ]);

      // 领导 reads but does not decide; a decision needs a reason.
      const byLeader = await workbench.service.call(
        'provinceReview.decide',
        { fingerprint, decision: '确认异常', reason: '两地重复转让，已核实' },
        { actor: asLeader },
      );
      expect(byLeader).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const noReason = await workbench.service.call(
        'provinceReview.decide',
        { fingerprint, decision: '确认异常', reason: '同意' },
        { actor: asReviewer },
      );
      expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

      // The home counts what waits for the province, for both regions of the finding.
      const pending = async () =>
        (await workbench.call('province.home', { year: 2024 })).regions
          .filter((r) => r.findings > 0)
          .map((r) => [r.region, r.findings, r.pendingFindings]);
      expect(await pending()).toEqual([
        ['140100', 1, 1],
        ['140200', 1, 1],
      ]);

      const decided = await workbench.as(asReviewer, 'provinceReview.decide', {
        fingerprint,
        decision: '确认异常',
        reason: '同一专利一年内在两市转让，已与两市核实',
      });
      expect(await pending()).toEqual([
        ['140100', 1, 0],
        ['140200', 1, 0],
      ]);
      expect(decided).toMatchObject({
        status: '确认异常',
        decidedBy: '省审核员',
        reason: '同一专利一年内在两市转让，已与两市核实',
      });
      const audit = await endpoint.db.all<{ detail: string }>(
        "SELECT detail FROM audit_log WHERE action = 'provinceReview.decide'",
      );
      expect(audit.map((d) => JSON.parse(d.detail) as unknown)).toEqual([
        expect.objectContaining({ rule: 'R01', from: '待审核', to: '确认异常' }),
      ]);

      for (const [c, own, other] of [
        [taiyuan, 'TY-2024-01', 'DT-2024-07'],
        [datong, 'DT-2024-07', 'TY-2024-01'],
      ] as const) {
        await sync(c, endpoint);
        const rows = (await c.call('review.queue', { source: '省级反馈' })).rows;
        expect(rows).toEqual([expect.objectContaining({ ruleId: 'R01', contracts: [own] })]);
        const flag = await c.call('review.flag', { flagId: rows[0]!.id });
        expect(flag.provinceDecision).toEqual({
          decision: '确认异常',
          reason: '同一专利一年内在两市转让，已与两市核实',
          decidedAt: expect.any(String),
        });
        expect(JSON.stringify(flag)).not.toContain(other);
      }
    });

    it("counts a finding in each region's 定期通报 as under review, then confirmed with its deals out of the province's figures; 排除 puts them back", async () => {
      const { workbench, endpoint, taiyuan, datong, asReviewer } = await provinceAndTwoCities(backend);
      await repeatTransferAcrossCities(taiyuan, datong, endpoint);
      const { fingerprint } = (await workbench.call('provinceReview.queue', {})).rows[0]!;
      const figuresOf = async () => {
        const bulletin = await workbench.call('bulletin.build', { year: 2024, kind: 'month', number: 12 });
        const region = (code: string) => bulletin.regions.find((r) => r.region === code)!;
        const i1 = async (code: '140100' | '140200') =>
          (await workbench.call('indicators.report', { region: code, year: 2024 })).indicators.I1;
        return {
          taiyuan: {
            confirmed: region('140100').confirmedAnomalies,
            removed: region('140100').dealsRemoved,
            underReview: region('140100').dealsUnderReview,
            I1: await i1('140100'),
          },
          datong: {
            confirmed: region('140200').confirmedAnomalies,
            removed: region('140200').dealsRemoved,
            underReview: region('140200').dealsUnderReview,
            I1: await i1('140200'),
          },
          province: bulletin.province.confirmedAnomalies,
        };
      };
      /** Each city's count of deals confirmed abnormal (and so removed) and under review; the province's confirmed. */
      const counted = (confirmed: number, underReview: number) => ({
        taiyuan: { confirmed, removed: confirmed, underReview },
        datong: { confirmed, removed: confirmed, underReview },
        province: confirmed,
      });
      const decide = async (decision: '确认异常' | '排除', reason: string) => {
        await workbench.as(asReviewer, 'provinceReview.decide', { fingerprint, decision, reason });
        return figuresOf();
      };
      // While the province has not decided, each city's deal is under review and still counted.
      const before = await figuresOf();
      expect(before).toMatchObject(counted(0, 1));
      // One finding over two cities: each city counts it once, the province once in all.
      const confirmed = await decide('确认异常', '同一专利一年内在两市转让，已与两市核实');
      expect(confirmed).toMatchObject(counted(1, 0));
      expect(confirmed.taiyuan.I1).not.toEqual(before.taiyuan.I1);
      const excluded = await decide('排除', '两笔转让均有实施合同，已核实');
      expect(excluded).toMatchObject(counted(0, 0));
      expect([excluded.taiyuan.I1, excluded.datong.I1]).toEqual([before.taiyuan.I1, before.datong.I1]);
    });
  });

  describe('targets the province sets', () => {
    it('reach only their city, are read-only there and count in its evaluation', async () => {
      const { workbench, endpoint, taiyuan, datong } = await provinceAndTwoCities(backend);
      await workbench.call('targets.save', {
        targets: [
          { regionCode: '140100', indicator: 'I1', yearFrom: 2021, yearTo: 2023, target: 150, requiredGrowth: 0.4 },
        ],
      });
      expect((await workbench.call('provinceTargets.sent', {})).rows.find((r) => r.code === '140100')).toMatchObject({
        targets: 1,
        sentAt: expect.any(String),
      });

      // 大同's key is answered 大同's feedback only: 太原's targets are not in it.
      expect((await feedbackOf(datong, endpoint)).map((i) => i.ruleId)).toEqual([]);
      for (const c of [taiyuan, datong]) await sync(c, endpoint);

      const taiyuanTargets = (await taiyuan.call('targets.get', {})).targets.filter((t) => t.regionCode === '140100');
      expect(taiyuanTargets).toEqual([expect.objectContaining({ indicator: 'I1', target: 150, setByProvince: true })]);
      expect((await datong.call('targets.get', {})).targets.filter((t) => t.regionCode !== PROVINCE_CODE)).toEqual([]);
      expect((await taiyuan.call('indicators.report', { region: '140100', year: 2023 })).indicators.I1.target).toBe(
        150,
      );

      // The city may not change it (the same values again, as in a re-imported template, change nothing).
      const edit = taiyuan.call('targets.save', {
        targets: [
          { regionCode: '140100', indicator: 'I1', yearFrom: 2021, yearTo: 2023, target: 90, requiredGrowth: 0.4 },
        ],
      });
      await expect(edit).rejects.toThrow('太原市 I1 2021—2023 年的目标由省级下达，本地不能修改');
      await taiyuan.call('targets.save', {
        targets: [
          { regionCode: '140100', indicator: 'I1', yearFrom: 2021, yearTo: 2023, target: 150, requiredGrowth: 0.4 },
        ],
      });

      // A new value from the province replaces it at the next sync.
      await workbench.call('targets.save', {
        targets: [
          { regionCode: '140100', indicator: 'I1', yearFrom: 2021, yearTo: 2023, target: 180, requiredGrowth: 0.4 },
        ],
      });
      await sync(taiyuan, endpoint);
      expect((await taiyuan.call('indicators.report', { region: '140100', year: 2023 })).indicators.I1.target).toBe(
        180,
      );
    });

    it('imported from xlsx at the province are sent as an edit is', async () => {
      const { workbench, endpoint, taiyuan } = await provinceAndTwoCities(backend);
      const imported = await workbench.call('targets.import', {
        contentBase64: await targetsWorkbook([['太原市', 'I2', 2021, 2023, 120, 30]]),
      });
      expect(imported).toMatchObject({ targets: 1, rejected: [], written: true });
      await sync(taiyuan, endpoint);
      expect((await taiyuan.call('targets.get', {})).targets.filter((t) => t.regionCode === '140100')).toEqual([
        expect.objectContaining({ indicator: 'I2', target: 120, requiredGrowth: 0.3, setByProvince: true }),
      ]);
    });
  });

  describe('notices', () => {
    it('reach the cities addressed, are shown until read, and the province sees each city fetch and read them', async () => {
      const { workbench, endpoint, taiyuan, datong, asReviewer } = await provinceAndTwoCities(backend);
      await workbench.as(asReviewer, 'provinceNotices.send', {
        title: '报送提醒',
        body: '请太原市于 6 月底前补报上半年质押数据。',
        regions: ['140100'],
      });
      const all = await workbench.as(asReviewer, 'provinceNotices.send', {
        title: '年度评价',
        body: '全省年度成效评价将于 12 月开展。',
        regions: [],
      });
      expect(all.rows[0]!.regions).toHaveLength(12);

      // A rogue key reads only its own region's notices and cannot mark another region's read.
      const datongItems = await feedbackOf(datong, endpoint);
      expect(datongItems.map((i) => i.explanation)).toEqual(['全省年度成效评价将于 12 月开展。']);
      const taiyuanNoticeId = (await workbench.call('provinceNotices.list', {})).rows.find(
        (n) => n.title === '报送提醒',
      )!.id;
      const identity = await signingIdentity(datong.service.store, datong.adminActor);
      const path = noticeReceiptsPath([{ id: taiyuanNoticeId, readAt: new Date().toISOString() }]);
      const forged = await fetch(`${endpoint.url}${path}`, {
        method: 'POST',
        headers: signedFeedbackHeaders(identity, path, new Date().toISOString(), 'POST'),
      });
      expect(await forged.json()).toEqual({ marked: 0 });

      for (const c of [taiyuan, datong]) await sync(c, endpoint);
      const unread = (await taiyuan.call('notices.list', { unreadOnly: true })).rows;
      expect(unread.map((n) => n.title).sort()).toEqual(['年度评价', '报送提醒']);
      expect((await datong.call('notices.list', { unreadOnly: true })).rows.map((n) => n.title)).toEqual(['年度评价']);
      // Notices are not anomaly flags.
      expect((await taiyuan.call('review.queue', { source: '省级反馈' })).rows).toEqual([]);

      const notice = unread.find((n) => n.title === '报送提醒')!;
      await taiyuan.call('notices.markRead', { id: notice.id });
      expect((await taiyuan.call('notices.list', { unreadOnly: true })).rows.map((n) => n.title)).toEqual(['年度评价']);
      expect(
        taiyuan.service.store.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'notice.read'").pluck().get(),
      ).toBe(1);

      await sync(taiyuan, endpoint);
      const sent = (await workbench.call('provinceNotices.list', {})).rows;
      const receipts = (title: string) =>
        Object.fromEntries(
          sent
            .find((n) => n.title === title)!
            .regions.filter((r) => ['140100', '140200'].includes(r.code))
            .map((r) => [r.name, [Boolean(r.fetchedAt), Boolean(r.readAt)]]),
        );
      expect(receipts('报送提醒')).toEqual({ 太原市: [true, true] });
      expect(receipts('年度评价')).toEqual({ 太原市: [true, false], 大同市: [true, false] });
    });
  });

  describe('a city on the previous version', () => {
    it('takes a feedback answer holding targets, notices and decisions: it parses, and only findings carry a rule id it knows', async () => {
      const { workbench, endpoint, taiyuan, datong, asReviewer } = await provinceAndTwoCities(backend);
      await repeatTransferAcrossCities(taiyuan, datong, endpoint);
      const { fingerprint } = (await workbench.call('provinceReview.queue', {})).rows[0]!;
      await workbench.as(asReviewer, 'provinceReview.decide', {
        fingerprint,
        decision: '排除',
        reason: '两笔转让均有实施合同，已核实',
      });
      await workbench.call('targets.save', {
        targets: [
          { regionCode: '140100', indicator: 'I1', yearFrom: 2021, yearTo: 2023, target: 150, requiredGrowth: 0.4 },
        ],
      });
      await workbench.as(asReviewer, 'provinceNotices.send', {
        title: '报送提醒',
        body: '请按时报送。',
        regions: ['140100'],
      });

      const items = await feedbackOf(taiyuan, endpoint);
      // The previous version files the items whose rule id is one of R01–R12 and passes the rest by (feedbackPuller).
      expect(items.map((i) => i.ruleId).sort()).toEqual(['NOTICE', 'R01', 'TARGET']);
      expect(items.filter((i) => isRuleId(i.ruleId))).toEqual([
        expect.objectContaining({
          ruleId: 'R01',
          evidence: expect.objectContaining({ 省级审核: expect.objectContaining({ decision: '排除' }) }),
        }),
      ]);
    });
  });
});
