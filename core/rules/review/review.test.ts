import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { setUpStore } from '../../../tests/testing/tempStore';
import type { Actor } from '../../service/context';
import { ruleFixtures } from '../testing/ruleFixtures';

let desk: Awaited<ReturnType<typeof setUpStore>>;
let clerk: Actor;
let reviewer: Actor;

beforeEach(async () => {
  desk = await setUpStore('140100', { now: () => new Date('2024-06-30T08:00:00Z') });
  const c = await desk.call('users.create', {
    username: 'clerk',
    displayName: '录入员甲',
    role: '录入员',
    password: 'clerk-pass-1',
  });
  const r = await desk.call('users.create', {
    username: 'rev',
    displayName: '审核员乙',
    role: '审核员',
    password: 'rev-pass-123',
  });
  clerk = { id: c.id, name: c.displayName, role: '录入员' };
  reviewer = { id: r.id, name: r.displayName, role: '审核员' };
});
afterEach(() => desk.close());

/** A round trip entered by the clerk: A→B, then B→A five months later. */
function plantRoundTrip() {
  const fx = ruleFixtures(desk.service.store.db);
  const a = fx.org({ name: '山西甲科技有限公司', uscc: '91140100MA0000001A' });
  const b = fx.org({ name: '山西乙科技有限公司', uscc: '91140100MA0000002B' });
  const p = fx.patent();
  const out = fx.deal({
    assignor: a,
    assignee: b,
    patents: [p],
    contractNo: 'HT-OUT',
    recordationDate: '2023-01-10',
    createdBy: clerk.id,
  });
  fx.payment(out, '2023-01-20', 50_000_000);
  const back = fx.deal({
    assignor: b,
    assignee: a,
    patents: [p],
    contractNo: 'HT-BACK',
    recordationDate: '2023-06-10',
    createdBy: clerk.id,
  });
  fx.payment(back, '2023-06-20', 50_000_000);
  return { fx, out, back };
}

const roundTripFlag = async () => (await desk.call('review.queue', { ruleIds: ['R02'] })).rows[0]!;

describe('scan and queue', () => {
  it('puts a round trip in the queue as 待审核 with both contracts', async () => {
    plantRoundTrip();
    const { flags, summary } = await desk.call('rules.scan', {});
    const roundTrips = flags.filter((f) => f.rule === 'R02');
    expect(roundTrips).toEqual([expect.objectContaining({ region: '140100', pledges: [], subsidies: [] })]);
    expect(roundTrips[0]!.contracts.sort()).toEqual(['HT-BACK', 'HT-OUT']);
    expect(summary.created).toBe(flags.length);
    const row = await roundTripFlag();
    expect(row).toMatchObject({
      status: '待审核',
      source: '本地',
      ruleName: '回流交易',
      regionName: '太原市',
      active: true,
    });
    expect(row.contracts.sort()).toEqual(['HT-BACK', 'HT-OUT']);
  });

  it('is idempotent: scanning twice keeps one flag and its decision', async () => {
    plantRoundTrip();
    await desk.call('rules.scan', {});
    const row = await roundTripFlag();
    await desk.as(reviewer, 'review.decide', {
      flagId: row.id,
      decision: '排除',
      reason: '属于合法的回购安排，已核实合同',
    });
    const again = await desk.call('rules.scan', {});
    expect(again.summary).toMatchObject({ created: 0, deactivated: 0 });
    const after = await desk.call('review.queue', { ruleIds: ['R02'] });
    expect(after.total).toBe(1);
    expect(after.rows[0]).toMatchObject({
      id: row.id,
      status: '排除',
      lastDecision: { decision: '排除', reviewerName: '审核员乙' },
    });
  });

  it('makes a flag inactive, not deleted, when the data no longer matches', async () => {
    const { fx, back } = plantRoundTrip();
    await desk.call('rules.scan', {});
    const row = await roundTripFlag();
    fx.voidDeal(back);
    const rescan = await desk.call('rules.scan', { ruleIds: ['R02'] });
    expect(rescan.summary.deactivated).toBe(1);
    expect((await desk.call('review.queue', { ruleIds: ['R02'] })).total).toBe(0);
    expect((await desk.call('review.queue', { ruleIds: ['R02'], includeInactive: true })).rows[0]).toMatchObject({
      id: row.id,
      active: false,
    });
  });

  it('filters by rule, region, status, source and age', async () => {
    plantRoundTrip();
    await desk.call('rules.scan', {});
    expect((await desk.call('review.queue', { regionCode: '140200' })).total).toBe(0);
    expect((await desk.call('review.queue', { status: '确认异常' })).total).toBe(0);
    expect((await desk.call('review.queue', { source: '省级反馈' })).total).toBe(0);
    expect((await desk.call('review.queue', { minAgeDays: 1 })).total).toBe(0);
    expect(
      (await desk.call('review.queue', { minAgeDays: 0, ruleIds: ['R02'], status: '待审核', regionCode: '140100' }))
        .total,
    ).toBe(1);
  });
});

describe('decisions', () => {
  it('lets a reviewer confirm with a reason, audited, with both legs in the detail', async () => {
    plantRoundTrip();
    await desk.call('rules.scan', {});
    const row = await roundTripFlag();
    const detail = await desk.as(reviewer, 'review.flag', { flagId: row.id });
    expect(detail.cannotDecide).toBeNull();
    expect(detail.deals.map((d) => d.contractNo)).toEqual(['HT-OUT', 'HT-BACK']);
    expect(detail.deals[0]!.enteredBy).toBe('录入员甲');
    const decided = await desk.as(reviewer, 'review.decide', {
      flagId: row.id,
      decision: '确认异常',
      reason: '五个月内原价转回，无实施证据',
    });
    expect(decided).toMatchObject({
      status: '确认异常',
      decisions: [{ decision: '确认异常', reason: '五个月内原价转回，无实施证据', reviewerName: '审核员乙' }],
    });
    const audit = await desk.call('audit.history', { entity: 'anomaly_flag', entityId: row.id });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'flag.decide',
        actorName: '审核员乙',
        detail: expect.objectContaining({ from: '待审核', to: '确认异常' }),
      }),
    ]);
  });

  it('refuses a decision without a reason, or with a reason of a word or two, and a reopening likewise', async () => {
    plantRoundTrip();
    await desk.call('rules.scan', {});
    const row = await roundTripFlag();
    await expect(
      desk.as(reviewer, 'review.decide', { flagId: row.id, decision: '确认异常', reason: '  ' }),
    ).rejects.toThrow('请填写审核理由');
    await expect(
      desk.as(reviewer, 'review.decide', { flagId: row.id, decision: '排除', reason: '没问题' }),
    ).rejects.toThrow('审核理由至少 5 个字');
    await desk.as(reviewer, 'review.decide', { flagId: row.id, decision: '排除', reason: '已核实回购合同' });
    await expect(desk.as(reviewer, 'review.reopen', { flagId: row.id, reason: '重审' })).rejects.toThrow(
      '审核理由至少 5 个字',
    );
  });

  it('refuses the person who entered the deal, even as an administrator, and a caseworker', async () => {
    plantRoundTrip();
    await desk.call('rules.scan', {});
    const row = await roundTripFlag();
    desk.service.store.db
      .prepare("UPDATE deals SET created_by = ? WHERE contract_no = 'HT-BACK'")
      .run(desk.adminActor.id);
    await expect(
      desk.call('review.decide', { flagId: row.id, decision: '排除', reason: '自己录的，没有问题' }),
    ).rejects.toThrow('HT-BACK 由您本人录入，不能由您审核');
    await expect(
      desk.as(clerk, 'review.decide', { flagId: row.id, decision: '排除', reason: '自己录的，没有问题' }),
    ).rejects.toThrow('无权');
    expect((await desk.call('review.flag', { flagId: row.id })).cannotDecide).toContain('由您本人录入');
  });

  it('reopens a decision with a reason and keeps the history', async () => {
    plantRoundTrip();
    await desk.call('rules.scan', {});
    const row = await roundTripFlag();
    await desk.as(reviewer, 'review.decide', { flagId: row.id, decision: '确认异常', reason: '无实施证据' });
    await expect(
      desk.as(reviewer, 'review.decide', { flagId: row.id, decision: '排除', reason: '改判为排除，已核实' }),
    ).rejects.toThrow('请先重新打开');
    const reopened = await desk.as(reviewer, 'review.reopen', { flagId: row.id, reason: '企业补交了实施证明' });
    expect(reopened.status).toBe('待审核');
    expect(reopened.decisions.map((d) => d.decision)).toEqual(['确认异常', '待审核']);
    const audit = await desk.call('audit.history', { entity: 'anomaly_flag', entityId: row.id });
    expect(audit.map((a) => a.action)).toEqual(['flag.decide', 'flag.reopen']);
  });

  it('exports the queue to a real xlsx workbook', async () => {
    plantRoundTrip();
    await desk.call('rules.scan', {});
    const file = await desk.call('review.exportQueue', { ruleIds: ['R02'] });
    expect(file.fileName).toMatch(/^异常审核清单-2024-06-30\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('异常审核')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('规则');
    expect(sheet.getRow(2).getCell(1).value).toBe('R02');
    expect(String(sheet.getRow(2).getCell(6).value)).toContain('HT-OUT');
  });
});

describe('thresholds', () => {
  it('are edited by an administrator as a new version that the next scan uses', async () => {
    plantRoundTrip();
    const before = await desk.call('rules.settings', {});
    expect(before).toMatchObject({ version: 0, thresholds: { r02RoundTripWithinDays: 730, r08MinPatents: 10 } });
    const after = await desk.call('rules.updateThresholds', { ...before.thresholds, r02RoundTripWithinDays: 100 });
    expect(after.version).toBe(1);
    const { flags } = await desk.call('rules.scan', { ruleIds: ['R02'] });
    expect(flags).toHaveLength(0);
    await expect(desk.as(reviewer, 'rules.updateThresholds', { r02RoundTripWithinDays: 800 })).rejects.toThrow('无权');
  });

  it('bring a flag back, and refresh its evidence, when a later scan finds it under other thresholds', async () => {
    plantRoundTrip();
    await desk.call('rules.scan', {});
    const row = await roundTripFlag();
    const { thresholds } = await desk.call('rules.settings', {});
    const rescanWithin = async (days: number) => {
      await desk.call('rules.updateThresholds', { ...thresholds, r02RoundTripWithinDays: days });
      return (await desk.call('rules.scan', { ruleIds: ['R02'] })).summary;
    };
    expect(await rescanWithin(100)).toMatchObject({ deactivated: 1, reactivated: 0, refreshed: 0 });
    expect(await rescanWithin(200)).toMatchObject({ deactivated: 0, reactivated: 1, refreshed: 0, created: 0 });
    expect(await rescanWithin(300)).toMatchObject({ deactivated: 0, reactivated: 0, refreshed: 1, created: 0 });
    expect(await rescanWithin(300)).toMatchObject({ deactivated: 0, reactivated: 0, refreshed: 0, created: 0 });
    const detail = await desk.as(reviewer, 'review.flag', { flagId: row.id });
    expect(detail).toMatchObject({ id: row.id, active: true, evidence: { withinDays: 300 } });
  });
});
