import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract/index';
import { setUpStore } from '../../tests/testing/tempStore';

type Desk = Awaited<ReturnType<typeof setUpStore>>;

const university = { name: '太原理工大学', kind: '高校', regionCode: '140100' } as const;
const sme = { name: '长治市潞安新能源科技有限公司', kind: '企业', regionCode: '140400', size: '小型' } as const;
const large = { name: '太原重型机械集团有限公司', kind: '国有企业', regionCode: '140100', size: '大型' } as const;

const anode = {
  patentNumber: 'ZL 202311303481.9',
  title: '一种石墨烯改性锂离子电池负极材料的制备方法',
  owner: university,
  industry: '碳基新材料',
  ipcClass: 'H01M 4/36',
  keywords: '石墨烯，负极材料，锂离子电池',
  abstract: '本发明公开了一种石墨烯包覆硅碳负极材料，显著提高锂离子电池的循环寿命。',
  openLicense: true,
  openLicenseFeeFen: 2_000_000,
  openLicenseYears: 3,
} satisfies MethodInput<'matching.supply.save'>['record'];
const roller = {
  patentNumber: '202311352019.8',
  title: '一种带式输送机托辊的耐磨涂层',
  owner: { name: '中国煤炭科学研究总院太原研究院', kind: '科研院所', regionCode: '140100' },
  industry: '煤机智能制造装备',
  ipcClass: 'B65G 39/02',
  keywords: '托辊，耐磨涂层',
  abstract: '一种用于煤矿带式输送机托辊的耐磨涂层，延长托辊寿命。',
} satisfies MethodInput<'matching.supply.save'>['record'];

function licenseDeal(contractNo: string, licenseMode: '开放许可' | '独占', assignee: typeof sme | typeof large) {
  return {
    kind: '许可',
    licenseMode,
    contractNo,
    contractDate: '2024-03-01',
    recordationDate: '2024-03-10',
    patents: [{ number: '202311303481.9', title: anode.title }],
    assignor: university,
    assignee,
    industry: '碳基新材料',
    amountFen: 2_000_000,
  } satisfies MethodInput<'deals.create'>;
}

describe('supply, demand and matching', () => {
  let desk: Desk;
  beforeEach(async () => {
    desk = await setUpStore('140400', { now: () => new Date('2024-06-01T08:00:00Z') });
  });
  afterEach(() => desk.close());

  async function pool() {
    const a = await desk.call('matching.supply.save', { record: anode });
    const r = await desk.call('matching.supply.save', { record: roller });
    const n = await desk.call('matching.needs.save', {
      record: {
        needNo: 'XQ-2024-001',
        enterprise: sme,
        industry: '碳基新材料',
        needText: '我公司生产电动车电池，希望提高锂离子电池负极材料的循环寿命',
        keywords: '负极材料',
        budgetFen: 50_000_000,
      },
    });
    return { anodeId: a.id, rollerId: r.id, needId: n.id };
  }

  it('ranks the patent that answers a need first and says why: industry, IPC, shared keywords, text, region', async () => {
    const { anodeId, needId } = await pool();
    const { matches } = await desk.call('matching.forNeed', { needId });
    expect(matches[0]?.supply.id).toBe(anodeId);
    expect(matches[0]?.supply.patentNumber).toBe('202311303481.9');
    const reasons = matches[0]!.reasons.map((r) => r.text);
    expect(reasons).toContain('同属产业：碳基新材料');
    expect(reasons.some((t) => t.startsWith('关键词相同：') && t.includes('负极'))).toBe(true);
    expect(reasons.some((t) => /^文本相似度 \d+%$/.test(t))).toBe(true);
    expect(reasons).toContain('省内：太原市 ↔ 长治市');
    // The conveyor roller shares only 寿命 with the need: far behind, with no industry of its own to show.
    const roller = matches.find((m) => m.supply.patentNumber === '202311352019.8');
    expect(roller?.score).toBeLessThan(matches[0]!.score / 2);
    expect(roller?.reasons.map((r) => r.kind)).not.toContain('industry');
  });

  it('does not count the way patent titles are phrased (一种……的制备方法) as text in common', async () => {
    const { rollerId } = await pool();
    const { id: needId } = await desk.call('matching.needs.save', {
      record: {
        needNo: 'XQ-2024-003',
        enterprise: sme,
        industry: '节能环保',
        needText: '寻求一种新的制备方法和生产工艺，应用于我司现有设备结构',
      },
    });
    const { matches } = await desk.call('matching.forNeed', { needId });
    const anode = matches.find((m) => m.supply.patentNumber === '202311303481.9');
    // Before, 制备 alone made the anode's title the best text match, shown as 文本相似度 100%.
    expect(anode?.reasons.some((r) => r.kind === 'text') ?? false).toBe(false);
    expect(matches.find((m) => m.supply.id === rollerId)?.reasons.some((r) => r.kind === 'text') ?? false).toBe(false);
  });

  it('ranks enterprises for a patent, an SME before a large enterprise with the same need', async () => {
    const { anodeId } = await pool();
    await desk.call('matching.needs.save', {
      record: {
        needNo: 'XQ-2024-002',
        enterprise: large,
        industry: '碳基新材料',
        needText: '我公司生产电动车电池，希望提高锂离子电池负极材料的循环寿命',
        keywords: '负极材料',
      },
    });
    const { matches } = await desk.call('matching.forSupply', { supplyId: anodeId });
    expect(matches.map((m) => m.need.enterpriseName)).toEqual([sme.name, large.name]);
    expect(matches[0]!.reasons.map((r) => r.text)).toContain('中小企业（小型）优先');
  });

  it('refuses an offer without its open-license terms, and a second offer of the same patent, in Chinese at the field', async () => {
    await expect(
      desk.call('matching.supply.save', { record: { ...anode, openLicenseYears: null } }),
    ).rejects.toMatchObject({
      serviceError: {
        issues: [{ field: 'record.openLicenseYears', message: '声明开放许可的专利请填写许可期限（年）' }],
      },
    });
    await desk.call('matching.supply.save', { record: anode });
    await expect(desk.call('matching.supply.save', { record: anode })).rejects.toThrow(
      '专利 ZL 202311303481.9 已在供给库中，请在列表中打开该专利修改',
    );
  });

  it('records a 对接 (the patent goes 对接中), turns it into a deal that links back, and the funnel counts it', async () => {
    const { anodeId, needId } = await pool();
    const mm = await desk.call('matching.matchmakings.save', {
      record: { needId, supplyId: anodeId, eventDate: '2024-02-20', event: '长治市供需对接会' },
    });
    expect((await desk.call('matching.supply.list', {})).rows.find((s) => s.id === anodeId)?.status).toBe('对接中');

    const deal = await desk.call('matching.recordDeal', {
      supplyId: anodeId,
      matchmakingId: mm.id,
      deal: licenseDeal('KF-2024-001', '独占', sme),
    });
    const [record] = await desk.call('matching.matchmakings.list', { needId });
    expect(record).toMatchObject({ outcome: '已成交', dealId: deal.id, dealContractNo: 'KF-2024-001' });
    const supply = (await desk.call('matching.supply.list', {})).rows.find((s) => s.id === anodeId);
    expect(supply).toMatchObject({ status: '已成交', dealContracts: ['KF-2024-001'] });
    // A patent that left the pool is no longer offered.
    expect((await desk.call('matching.forNeed', { needId })).matches.map((m) => m.supply.id)).not.toContain(anodeId);

    const [funnel] = await desk.call('matching.funnel', { year: 2024 });
    expect(funnel).toMatchObject({
      regionCode: '140400',
      supplies: 2,
      matched: 1,
      dealt: 1,
      matchRate: 0.5,
      dealRate: 1,
      avgDaysToDeal: 10,
    });
  });

  it("shows on the deal's detail the 对接 it was concluded from, and on the 对接 the deal", async () => {
    const { anodeId, needId } = await pool();
    const mm = await desk.call('matching.matchmakings.save', {
      record: { needId, supplyId: anodeId, eventDate: '2024-02-20', event: '长治市供需对接会' },
    });
    const deal = await desk.call('matching.recordDeal', {
      supplyId: anodeId,
      matchmakingId: mm.id,
      deal: licenseDeal('KF-2024-001', '独占', sme),
    });

    expect((await desk.call('deals.get', { id: deal.id })).fromMatchmakings).toEqual([
      {
        id: mm.id,
        needId,
        needNo: 'XQ-2024-001',
        enterpriseName: sme.name,
        supplyId: anodeId,
        patentNumber: '202311303481.9',
        patentTitle: anode.title,
        eventDate: '2024-02-20',
        event: '长治市供需对接会',
      },
    ]);
    expect(await desk.call('matching.matchmakings.get', { id: mm.id })).toMatchObject({
      outcome: '已成交',
      dealId: deal.id,
      dealContractNo: 'KF-2024-001',
    });
    // A deal entered under 交易 came from no 对接.
    const direct = await desk.call('deals.create', licenseDeal('DZ-2024-009', '独占', large));
    expect((await desk.call('deals.get', { id: direct.id })).fromMatchmakings).toEqual([]);
  });

  it('takes an open license in one step as a 许可 deal; the patent stays offered, and R12 flags it beside an exclusive license', async () => {
    const { anodeId } = await pool();
    await desk.call('deals.create', licenseDeal('DZ-2024-001', '独占', large));
    const deal = await desk.call('matching.recordDeal', {
      supplyId: anodeId,
      deal: licenseDeal('KF-2024-002', '开放许可', sme),
    });
    expect(deal.outcome).toBe('new');
    const open = await desk.call('matching.supply.list', { openLicenseOnly: true });
    expect(open.rows.map((s) => [s.id, s.status])).toEqual([[anodeId, '在库']]);
    const queue = await desk.call('review.queue', {});
    expect(queue.rows.map((r) => r.ruleId)).toContain('R12');
  });

  it('refuses a deal from the pool that does not name the offered patent', async () => {
    const { rollerId } = await pool();
    await expect(
      desk.call('matching.recordDeal', { supplyId: rollerId, deal: licenseDeal('KF-2024-003', '开放许可', sme) }),
    ).rejects.toThrow('交易的专利中应包含供给专利 202311352019.8');
  });

  it('writes each record with its audit row and outbox row', async () => {
    await pool();
    const db = desk.service.store.db;
    const outbox = db
      .prepare(
        "SELECT entity, count(*) AS n FROM outbox WHERE entity IN ('supply_patent', 'tech_need') GROUP BY entity ORDER BY entity",
      )
      .all();
    expect(outbox).toEqual([
      { entity: 'supply_patent', n: 2 },
      { entity: 'tech_need', n: 1 },
    ]);
    const audit = db
      .prepare("SELECT count(*) FROM audit_log WHERE action IN ('supply_patent.create', 'tech_need.create')")
      .pluck()
      .get();
    expect(audit).toBe(3);
  });
});
