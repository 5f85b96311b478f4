import { afterEach, describe, expect, it } from 'vitest';
import { appendOutbox } from '../core/outbox/outbox';
import { runSyncPass } from '../core/sync/client';
import { matchesForNeed } from '../core/matching/rank';
import { runPlan } from '../core/store/readPlan';
import { poolFunnel } from '../core/province/matching/poolFunnel';
import type { PartyInput } from '../shared/contract/filings/parties';
import { setUpStore } from '../tests/testing/tempStore';
import { startTestProvince, type TestProvince } from './testing/testProvince';
import { openWorkbench } from './testing/workbench';
import { countRows, PROVINCE_BACKENDS, provinceStores } from './testing/provinceBackends';

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

/** A real provincial endpoint and a city desk of each region, enrolled there. */
const provinceAnd = async <R extends string[]>(
  ...regions: R
): Promise<{ prov: TestProvince; cities: { [K in keyof R]: City } }> => {
  const prov = await startTestProvince();
  started.push(prov.close);
  const cities: City[] = [];
  for (const region of regions) {
    const c = await city(region);
    await prov.enroll(c.service.store, c.adminActor);
    cities.push(c);
  }
  return { prov, cities: cities as { [K in keyof R]: City } };
};

const taiyuanUniversity = { name: '太原理工大学', kind: '高校', regionCode: '140100' } as const;
const changzhiSme = { name: '长治市潞安新能源科技有限公司', kind: '企业', regionCode: '140400', size: '小型' } as const;
/** 太原理工大学's patent that 太原 offers and a 长治 SME needs. */
const anodeOffer = {
  patentNumber: '202311303481.9',
  title: '一种石墨烯改性锂离子电池负极材料的制备方法',
  owner: taiyuanUniversity,
  industry: '碳基新材料',
  keywords: '石墨烯，负极材料',
} as const;

const sync = async (c: City, p: { url: string }) => {
  const result = await runSyncPass(c.service.store, {
    endpoint: p.url,
    actor: c.adminActor,
    ignoreSchedule: true,
    backoff: { baseMs: 5, maxMs: 20 },
  });
  expect(result.settled).toBe(true);
  return (await c.call('sync.overview', {})).batches[0]!;
};

describe('the pool travels to the province', () => {
  it("takes 太原's offer and 长治's need and matches them across cities; refuses 大同's change of 太原's offer", async () => {
    const {
      prov,
      cities: [taiyuan, changzhi, datong],
    } = await provinceAnd('140100', '140400', '140200');

    const offer = await taiyuan.call('matching.supply.save', {
      record: { ...anodeOffer, abstract: '提高锂离子电池的循环寿命。' },
    });
    const need = await changzhi.call('matching.needs.save', {
      record: {
        needNo: 'CZ-XQ-1',
        enterprise: changzhiSme,
        industry: '碳基新材料',
        needText: '希望提高锂离子电池负极材料的循环寿命',
      },
    });
    expect((await sync(taiyuan, prov)).rejected).toEqual([]);
    expect((await sync(changzhi, prov)).rejected).toEqual([]);

    const { matches } = runPlan(prov.store.db, matchesForNeed(need.id, 5));
    expect(matches[0]).toMatchObject({ supply: { id: offer.id, ownerName: '太原理工大学', ownerRegion: '140100' } });
    expect(matches[0]!.reasons.map((r) => r.text)).toContain('省内：太原市 ↔ 长治市');

    const held = prov.store.db.prepare('SELECT * FROM supply_patents WHERE id = ?').get(offer.id) as Record<
      string,
      unknown
    >;
    datong.service.store.transaction((db) =>
      appendOutbox(
        db,
        {
          entity: 'supply_patent',
          entityId: offer.id,
          version: 9,
          op: 'upsert',
          payload: { ...held, region_code: '140200', status: '撤回', version: 9 },
        },
        new Date().toISOString(),
      ),
    );
    const batch = await sync(datong, prov);
    expect(batch.rejected).toEqual([
      expect.objectContaining({
        code: 'NOT_OWNER',
        message: expect.stringMatching(/^专利供给 专利号 202311303481\.9：这条记录由太原市最先报送/),
      }),
    ]);
    expect(prov.store.db.prepare('SELECT status FROM supply_patents WHERE id = ?').pluck().get(offer.id)).toBe('在库');
  });
});

const institute = { name: '中国煤炭科学研究总院太原研究院', kind: '科研院所', regionCode: '140100' } as const;
const taiyuanSme = { name: '太原市晋煤机械有限公司', kind: '企业', regionCode: '140100', size: '小型' } as const;

describe("the province's 供需对接 funnel", () => {
  it('counts per region what the cities synced: pooled, needs, needs the pool answers across cities, 对接, deals from a 对接', async () => {
    const {
      prov,
      cities: [taiyuan, changzhi],
    } = await provinceAnd('140100', '140400');
    const today = new Date().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));

    const anode = await taiyuan.call('matching.supply.save', { record: anodeOffer });
    const roller = await taiyuan.call('matching.supply.save', {
      record: {
        patentNumber: '202311352019.8',
        title: '一种带式输送机托辊的耐磨涂层',
        owner: institute,
        industry: '煤机智能制造装备',
        keywords: '托辊，耐磨涂层',
      },
    });
    const need = await taiyuan.call('matching.needs.save', {
      record: {
        needNo: 'TY-XQ-1',
        enterprise: taiyuanSme,
        industry: '煤机智能制造装备',
        needText: '延长输送机托辊寿命，也关注石墨烯负极材料',
        keywords: '托辊',
      },
    });
    await taiyuan.call('matching.matchmakings.save', {
      record: { needId: need.id, supplyId: anode.id, eventDate: today, event: '太原市供需对接会' },
    });
    const met = await taiyuan.call('matching.matchmakings.save', {
      record: { needId: need.id, supplyId: roller.id, eventDate: today, event: '太原市供需对接会' },
    });
    await taiyuan.call('matching.recordDeal', {
      supplyId: roller.id,
      matchmakingId: met.id,
      deal: {
        kind: '转让',
        contractNo: 'ZR-TY-1',
        contractDate: today,
        recordationDate: today,
        industry: '煤机智能制造装备',
        amountFen: 1_000_000,
        patents: [{ number: '202311352019.8', title: '一种带式输送机托辊的耐磨涂层' }],
        assignor: institute,
        assignee: taiyuanSme,
      },
    });
    // 长治 pools nothing: one need is answered by 太原's offer, the other by no patent of the province.
    await changzhi.call('matching.needs.save', {
      record: {
        needNo: 'CZ-XQ-1',
        enterprise: changzhiSme,
        needText: '希望提高锂离子电池负极材料的循环寿命',
        keywords: '负极材料',
      },
    });
    await changzhi.call('matching.needs.save', {
      record: {
        needNo: 'CZ-XQ-2',
        enterprise: { name: '长治市上党酿造有限公司', kind: '企业', regionCode: '140400', size: '微型' },
        needText: '老陈醋酿造的发酵控制',
        keywords: '陈醋，酿造',
      },
    });
    for (const c of [taiyuan, changzhi]) expect((await sync(c, prov)).rejected).toEqual([]);

    const funnel = runPlan(prov.store.db, poolFunnel(year, 'sqlite'));
    expect(funnel.regions).toHaveLength(12);
    const of = (region: string) => funnel.regions.find((r) => r.region === region);
    expect(of('140100')).toEqual({
      region: '140100',
      regionName: '太原市',
      supplies: 2,
      needs: 1,
      recommended: 1,
      matchmakings: 2,
      deals: 1,
      recommendRate: 1,
      dealRate: 0.5,
      conversion: { matched: 2, dealt: 1, matchRate: 1, dealRate: 0.5, avgDaysToDeal: 0 },
    });
    expect(of('140400')).toEqual({
      region: '140400',
      regionName: '长治市',
      supplies: 0,
      needs: 2,
      recommended: 1,
      matchmakings: 0,
      deals: 0,
      recommendRate: 0.5,
      dealRate: null,
      conversion: { matched: 0, dealt: 0, matchRate: null, dealRate: null, avgDaysToDeal: null },
    });
    expect(of('140200')).toMatchObject({ supplies: 0, needs: 0, recommended: 0, recommendRate: null });
    expect(funnel.total).toMatchObject({
      region: '140000',
      regionName: '山西省',
      supplies: 2,
      needs: 3,
      recommended: 2,
      matchmakings: 2,
      deals: 1,
      dealRate: 0.5,
    });
    // Another year has nothing.
    expect(runPlan(prov.store.db, poolFunnel(year - 1, 'sqlite')).total).toMatchObject({
      supplies: 0,
      needs: 0,
      matchmakings: 0,
      deals: 0,
    });
  });
});

/** The ISO day `days` before today, but not before 1 January (the funnel counts one year). */
const daysAgo = (days: number) => {
  const today = new Date().toISOString().slice(0, 10);
  const day = new Date(Date.parse(today) - days * 86_400_000).toISOString().slice(0, 10);
  return day.slice(0, 4) === today.slice(0, 4) ? day : `${today.slice(0, 4)}-01-01`;
};
const between = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

describe("the province's funnel has the city funnel's figures", () => {
  it('per region and in total: pooled patents with a 对接, dealt, 对接/供给, 成交/对接 and the mean days from the first 对接 to the deal', async () => {
    const {
      prov,
      cities: [taiyuan, changzhi],
    } = await provinceAnd('140100', '140400');
    const today = new Date().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));

    // One city's patent met its enterprise `metOn`, and the deal was signed today; a second patent of 太原 waits.
    const dealtAfterMeeting = async (
      c: City,
      n: string,
      patentNumber: string,
      owner: PartyInput,
      enterprise: PartyInput,
      metOn: string,
    ) => {
      const supply = await c.call('matching.supply.save', {
        record: {
          patentNumber,
          title: `一种带式输送机托辊的耐磨涂层${n}`,
          owner,
          industry: '煤机智能制造装备',
          keywords: '托辊，耐磨涂层',
        },
      });
      const need = await c.call('matching.needs.save', {
        record: {
          needNo: `XQ-${n}`,
          enterprise,
          industry: '煤机智能制造装备',
          needText: '延长输送机托辊寿命',
          keywords: '托辊',
        },
      });
      const met = await c.call('matching.matchmakings.save', {
        record: { needId: need.id, supplyId: supply.id, eventDate: metOn, event: '供需对接会' },
      });
      await c.call('matching.recordDeal', {
        supplyId: supply.id,
        matchmakingId: met.id,
        deal: {
          kind: '转让',
          contractNo: `ZR-${n}`,
          contractDate: today,
          recordationDate: today,
          industry: '煤机智能制造装备',
          amountFen: 1_000_000,
          patents: [{ number: patentNumber, title: `一种带式输送机托辊的耐磨涂层${n}` }],
          assignor: owner,
          assignee: enterprise,
        },
      });
    };
    const taiyuanMet = daysAgo(40);
    const changzhiMet = daysAgo(11);
    await dealtAfterMeeting(taiyuan, '1', '202311352019.8', institute, taiyuanSme, taiyuanMet);
    await taiyuan.call('matching.supply.save', { record: anodeOffer });
    await dealtAfterMeeting(
      changzhi,
      '2',
      '202311352020.0',
      { name: '长治学院', kind: '高校', regionCode: '140400' },
      changzhiSme,
      changzhiMet,
    );
    for (const c of [taiyuan, changzhi]) expect((await sync(c, prov)).rejected).toEqual([]);

    const funnel = runPlan(prov.store.db, poolFunnel(year, 'sqlite'));
    const of = (region: string) => funnel.regions.find((r) => r.region === region);
    const days = (from: string) => Math.round(between(from, today) * 10) / 10;
    expect(of('140100')).toMatchObject({
      supplies: 2,
      conversion: { matched: 1, dealt: 1, matchRate: 0.5, dealRate: 1, avgDaysToDeal: days(taiyuanMet) },
    });
    expect(of('140400')).toMatchObject({
      supplies: 1,
      conversion: { matched: 1, dealt: 1, matchRate: 1, dealRate: 1, avgDaysToDeal: days(changzhiMet) },
    });
    expect(of('140200')).toMatchObject({
      supplies: 0,
      conversion: { matched: 0, dealt: 0, matchRate: null, dealRate: null, avgDaysToDeal: null },
    });
    // The total averages over every region's deals, not over the regions' averages.
    expect(funnel.total).toMatchObject({
      supplies: 3,
      conversion: {
        matched: 2,
        dealt: 2,
        matchRate: 2 / 3,
        dealRate: 1,
        avgDaysToDeal: Math.round(((between(taiyuanMet, today) + between(changzhiMet, today)) / 2) * 10) / 10,
      },
    });
    // The same figures as the city's own funnel of its desk.
    const [taiyuanDesk] = await taiyuan.call('matching.funnel', { year });
    expect(of('140100')!.conversion).toEqual({
      matched: taiyuanDesk!.matched,
      dealt: taiyuanDesk!.dealt,
      matchRate: taiyuanDesk!.matchRate,
      dealRate: taiyuanDesk!.dealRate,
      avgDaysToDeal: taiyuanDesk!.avgDaysToDeal,
    });
  });
});

const stores = provinceStores();

describe.each(PROVINCE_BACKENDS)("the province's workbench on %s matches across cities, read-only", (backend) => {
  it("lists every city's needs and pool, ranks a 太原 patent for a 长治 need and back, drops it once withdrawn; refuses every pool-writing method", async () => {
    const prov = await stores.endpoint(backend);
    started.push(prov.close);
    const [taiyuan, changzhi] = [await city('140100'), await city('140400')];
    for (const c of [taiyuan, changzhi]) await prov.enroll(c.service.store, c.adminActor);
    const owner = taiyuanUniversity;
    const enterprise = changzhiSme;
    const offer = await taiyuan.call('matching.supply.save', {
      record: { ...anodeOffer, abstract: '提高锂离子电池的循环寿命。' },
    });
    const need = await changzhi.call('matching.needs.save', {
      record: {
        needNo: 'CZ-XQ-1',
        enterprise,
        industry: '碳基新材料',
        needText: '希望提高锂离子电池负极材料的循环寿命',
      },
    });
    for (const c of [taiyuan, changzhi]) expect((await sync(c, prov)).rejected).toEqual([]);

    const wb = await openWorkbench(prov.location);
    started.push(wb.close);
    // Read: every city's needs (searchable) and pool, and the ranking both ways, with the reasons and the regions.
    expect((await wb.call('matching.needs.list', { search: '长治' })).rows).toEqual([
      expect.objectContaining({ id: need.id, needNo: 'CZ-XQ-1', enterpriseRegion: '140400' }),
    ]);
    expect((await wb.call('matching.supply.list', {})).rows).toEqual([
      expect.objectContaining({ id: offer.id, ownerRegion: '140100' }),
    ]);
    const forNeed = await wb.call('matching.forNeed', { needId: need.id, limit: 10 });
    expect(forNeed.matches[0]).toMatchObject({
      supply: { id: offer.id, ownerName: '太原理工大学', ownerRegion: '140100' },
    });
    expect(forNeed.matches[0]!.reasons.map((r) => r.text)).toEqual(
      expect.arrayContaining(['同属产业：碳基新材料', '省内：太原市 ↔ 长治市']),
    );
    const forSupply = await wb.call('matching.forSupply', { supplyId: offer.id, limit: 10 });
    expect(forSupply.matches[0]).toMatchObject({ need: { id: need.id, enterpriseRegion: '140400' } });
    expect(await wb.call('matching.matchmakings.list', { needId: need.id })).toEqual([]);

    // Write: the province never edits a city's pool, nor adds to it; nothing changes.
    const refused = [
      () =>
        wb.call('matching.supply.save', {
          id: offer.id,
          record: { patentNumber: '202311303481.9', title: '改名', owner, status: '撤回' },
        }),
      () => wb.call('matching.needs.save', { record: { needNo: 'SJ-1', enterprise, needText: '省里代录的需求' } }),
      () =>
        wb.call('matching.matchmakings.save', {
          record: {
            needId: need.id,
            supplyId: offer.id,
            eventDate: new Date().toISOString().slice(0, 10),
            event: '省级对接会',
          },
        }),
      () =>
        wb.call('matching.recordDeal', {
          supplyId: offer.id,
          deal: {
            kind: '许可',
            licenseMode: '开放许可',
            contractNo: 'SJ-XK-1',
            contractDate: new Date().toISOString().slice(0, 10),
            industry: '碳基新材料',
            amountFen: 100,
            patents: [{ number: '202311303481.9', title: '一种石墨烯改性锂离子电池负极材料的制备方法' }],
            assignor: owner,
            assignee: enterprise,
          },
        }),
    ];
    // One after the other: a refusal is awaited as soon as it is made.
    for (const call of refused)
      await expect(call()).rejects.toMatchObject({
        code: 'WRONG_INSTALLATION',
        message: '省级工作台只查看各地市报送的记录，不能录入或修改',
      });
    expect(await prov.db.get('SELECT title, status, version FROM supply_patents WHERE id = ?', [offer.id])).toEqual({
      title: '一种石墨烯改性锂离子电池负极材料的制备方法',
      status: '在库',
      version: 1,
    });
    expect(await countRows(prov.db, 'tech_needs')).toBe(1);
    expect(await countRows(prov.db, 'matchmakings')).toBe(0);

    // 太原 withdraws its offer: once the batch is in, the province no longer offers it for the need.
    await taiyuan.call('matching.supply.save', {
      id: offer.id,
      record: { ...anodeOffer, abstract: '提高锂离子电池的循环寿命。', status: '撤回' },
    });
    expect((await sync(taiyuan, prov)).rejected).toEqual([]);
    expect((await wb.call('matching.forNeed', { needId: need.id, limit: 10 })).matches).toEqual([]);
    const year = Number(new Date().toISOString().slice(0, 4));
    expect((await wb.call('province.poolFunnel', { year })).total).toMatchObject({ needs: 1, recommended: 0 });
  });
});
