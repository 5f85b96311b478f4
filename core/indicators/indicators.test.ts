import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { runCli } from '../../tests/testing/runCli';
import { storeBuilder, WAN } from './testing/storeBuilder';

// One small province, every value below computed by hand from DOMAIN §7. 太原 = 140100, 大同 = 140200, 综改区 = 140171.
let desk: Awaited<ReturnType<typeof setUpStore>>;

beforeAll(async () => {
  desk = await setUpStore('140100');
  const b = storeBuilder(desk.service.store.db);
  const U = b.org('太原理工大学', '高校', '140105'); // a county code of 太原 rolls up to 太原
  const R = b.org('大同某研究院', '科研院所', '140200');
  const E = b.org('太原重工', '国有企业', '140100', '大型');
  const A = b.org('甲科技有限公司', '企业', '140100', '小型');
  const B = b.org('综改区乙公司', '企业', '140171', '微型');
  const F = b.org('丙公司', '企业', '140100', '中型');
  const G = b.org('丁公司', '企业', '140100', '小型');
  const L = b.org('大型集团', '企业', '140100', '大型');
  const X = b.org('北京某公司', '企业', '110105', '小型');
  const C = b.org('戊公司', '企业', '140100', '大型');
  const D = b.org('己公司', '企业', '140100', '小型');

  const d12 = b.deal({ assignor: U, assignee: A, recorded: '2020-07-01', patents: 2, amountWan: '80' });
  const d1 = b.deal({ assignor: U, assignee: A, recorded: '2021-03-01', patents: 3, amountWan: '100' });
  const d2 = b.deal({ assignor: R, assignee: A, recorded: '2022-05-10', patents: 1, amountWan: '50' });
  b.deal({ assignor: U, assignee: B, recorded: '2022-06-01', patents: 2, amountWan: '20' });
  const d4 = b.deal({ assignor: U, assignee: L, recorded: '2022-07-01', patents: 1, amountWan: '30' });
  b.deal({ assignor: U, assignee: X, recorded: '2022-08-01', patents: 1, amountWan: '10' });
  b.deal({ assignor: U, assignee: A, recorded: '2022-09-01', patents: 5, amountWan: '500', voided: true });
  const d7 = b.deal({ assignor: U, assignee: A, recorded: null, patents: 4, amountWan: '400' });
  const d8 = b.deal({ assignor: U, assignee: A, recorded: '2022-10-01', patents: 6, amountWan: '600' });
  const d9 = b.deal({ assignor: U, assignee: A, recorded: '2022-11-01', patents: 2, amountWan: '40' });
  b.deal({ assignor: U, assignee: F, recorded: '2022-03-01', patents: 1, amountWan: '5' });
  b.deal({ assignor: E, assignee: G, recorded: '2022-04-01', patents: 1, amountWan: '7' });
  b.deal({ assignor: E, assignee: C, recorded: '2023-02-01', patents: 1, amountWan: '9', assigneeSize: '中型' });
  b.deal({ assignor: E, assignee: D, recorded: '2023-03-01', patents: 1, amountWan: '11', assigneeSize: '大型' });
  const d17 = b.deal({ assignor: U, assignee: A, recorded: '2021-06-01', patents: 1, amountWan: '3' });

  b.flag(d8, '确认异常');
  b.flag(d9, '待审核');
  b.flag(d17, '排除');

  b.payment(d1, '2021-04-01', '60');
  b.payment(d1, '2022-02-01', '30');
  b.payment(d1, '2022-03-01', '99', true);
  b.payment(d7, '2022-05-01', '10');
  b.payment(d8, '2022-05-01', '10');
  b.payment(d12, '2021-01-15', '20');
  b.payment(d12, '2020-12-01', '8');
  b.payment(d2, '2023-01-10', '25');
  b.payment(d4, '2022-08-01', '4');

  b.figures(A, 2021, '1000', 50);
  b.figures(A, 2022, '1200', 55);
  b.figures(F, 2022, '5000', 100);
  b.figures(G, 2021, null, 10);
  b.figures(G, 2022, '300', 20);

  const [p1, p2] = b.registration(A, '2022-04-01', 2);
  const [p3] = b.registration(A, '2022-05-01', [p2!, b.newPatent()]).slice(1);
  b.registration(L, '2022-06-01', 1);
  b.registration(A, '2022-07-01', 1, null, true);
  b.registration(A, '2023-01-01', [p1!]);
  b.registration(L, '2022-08-01', 1, '中型');
  expect(p3).toBeDefined();

  b.pledge(L, '2022-03-01', '500');
  b.pledge(A, '2022-06-01', '300');
  b.pledge(A, '2022-07-01', '1000', true);
  b.pledge(X, '2022-08-01', '700');
  b.pledge(A, '2021-05-01', '100');
  b.pledge(B, '2022-09-01', '200');

  b.subsidy(A, '2022-01-10', '5', '2022-12-01');
  b.subsidy(A, '2022-01-10', '6', null);

  await desk.call('targets.save', {
    targets: [
      { regionCode: '140100', indicator: 'I1', yearFrom: 2021, yearTo: 2023, target: 20, requiredGrowth: null },
    ],
    baselines: [{ regionCode: '140200', indicator: 'I2', year: 2020, value: 4 }],
  });
});

afterAll(() => desk.close());

const report = (region: string, year: number) =>
  desk.call('indicators.report', { region, year }).then((r) => r.indicators);

describe('indicators of a city (太原, 2022)', () => {
  it('counts SME patents as patent-deal pairs, leaving out voided, unrecorded and confirmed-anomaly deals', async () => {
    const i = await report('140100', 2022);
    // d2 (1) + d9 (2, open flag still counts) + d13 (1) + d14 (1); d3 belongs to 综改区, d4 to a large firm, d5 outside.
    expect(i.I1).toMatchObject({ year: 5, cumulative: 9, target: 20, completion: 0.45 });
    expect(i.I1.yoy).toBeCloseTo(5 / 4 - 1, 12);
    expect(i.I1.avgGrowth).toBeCloseTo(Math.sqrt(5 / 2) - 1, 12);
  });

  it('adds each counted deal’s contract amount once, in 分', async () => {
    const i = await report('140100', 2022);
    expect(i.I1a).toMatchObject({ year: WAN('102'), cumulative: WAN('205') });
    expect(i.I2a).toMatchObject({ year: WAN('105'), cumulative: WAN('208') });
  });

  it('adds payments dated in the year whatever the deal’s year, not voided payments nor those of excluded deals', async () => {
    const i = await report('140100', 2022);
    expect(i.I1b).toMatchObject({ year: WAN('30'), cumulative: WAN('110') });
    expect(i.I1b.yoy).toBeCloseTo(30 / 80 - 1, 12);
    expect(i.I1b.avgGrowth).toBeCloseTo(Math.sqrt(30 / 8) - 1, 12);
    // d4 went to a large firm: its payment counts for the university (I2b) only.
    expect(i.I2b).toMatchObject({ year: WAN('34'), cumulative: WAN('114') });
  });

  it('counts university and institute patents in the assignor’s region', async () => {
    expect((await report('140100', 2022)).I2).toMatchObject({
      year: 7,
      cumulative: 11,
      target: null,
      completion: null,
    });
    expect((await report('140200', 2022)).I2).toMatchObject({ year: 1, cumulative: 1 });
    expect((await report('140200', 2023)).I2b.year).toBe(WAN('25'));
  });

  it('uses the deal’s size snapshot before the organization’s size', async () => {
    const i = await report('140100', 2023);
    expect(i.I1.year).toBe(1); // 戊 (大型 on file, 中型 in the deal) counts; 己 (小型 on file, 大型 in the deal) does not
    expect(i.I3.year).toBe(1);
    expect(i.I3.cumulative).toBe(4); // 甲, 丙, 丁, 戊 over 2021–2023
  });

  it('counts benefited enterprises distinct per year and over the period', async () => {
    const i = await report('140100', 2022);
    expect(i.I3).toMatchObject({ year: 3, cumulative: 3 });
    expect(i.I3.yoy).toBeCloseTo(2, 12);
  });

  it('grows revenue and employment over the enterprises with figures for both years only', async () => {
    const i = await report('140100', 2022);
    // 丙 has no 2021 figures; 丁 has no 2021 revenue but has 2021 employees.
    expect(i.I3a.year).toBeCloseTo(1200 / 1000 - 1, 12);
    expect(i.I3b.year).toBeCloseTo((55 + 20) / (50 + 10) - 1, 12);
    expect(i.I3a).toMatchObject({ cumulative: null, target: null, completion: null, yoy: null, avgGrowth: null });
    expect((await report('140100', 2021)).I3a.year).toBeNull();
  });

  it('counts product registrations of SMEs and the distinct patents they name', async () => {
    const i = await report('140100', 2022);
    expect(i.I4).toMatchObject({ year: 3, cumulative: 3, yoy: null, avgGrowth: null });
    expect(i.I4a).toMatchObject({ year: 4, cumulative: 4 });
    expect((await report('140100', 2023)).I4a).toMatchObject({ year: 1, cumulative: 4 });
  });

  it('sums pledge financing of pledgors in the region whatever their size', async () => {
    const i = await report('140100', 2022);
    expect(i.I5).toMatchObject({ year: WAN('800'), cumulative: WAN('900'), yoy: 7, avgGrowth: null });
    expect(i.I5a).toMatchObject({ year: 2, cumulative: 3, yoy: 1 });
  });
});

describe('regions and bases', () => {
  it('shows growth as null when the base is 0 (综改区 had nothing in 2020 or 2021)', async () => {
    const i = await report('140171', 2022);
    expect(i.I1).toMatchObject({ year: 2, cumulative: 2, yoy: null, avgGrowth: null });
    expect(JSON.stringify(i)).not.toMatch(/Infinity|NaN/);
  });

  it('takes a stored 2020 baseline before the recorded data', async () => {
    const i = await report('140200', 2022);
    expect(i.I2.avgGrowth).toBeCloseTo(Math.sqrt(1 / 4) - 1, 12);
  });

  it('adds up the twelve regions for the province, against the plan’s targets', async () => {
    const i = await report('140000', 2022);
    expect(i.I1).toMatchObject({ year: 7, cumulative: 11, target: 990 });
    expect(i.I1.completion).toBeCloseTo(11 / 990, 12);
    expect(i.I2).toMatchObject({ year: 8, cumulative: 12, target: 1300 });
    expect(i.I2.avgGrowth).toBeCloseTo(Math.sqrt(8 / (2 + 4)) - 1, 12);
    expect(i.I3).toMatchObject({ year: 4, target: 660 });
    expect(i.I5).toMatchObject({ year: WAN('1000'), cumulative: WAN('1100'), target: WAN('200000') });
    expect(i.I5.completion).toBeCloseTo(1100 / 200000, 12);
  });
});

describe('the deals behind a chart', () => {
  it('lists exactly the counted deals of the indicator, with their patents adding up to the value', async () => {
    const deals = await desk.call('indicators.deals', { region: '140100', year: 2022, family: 'I1' });
    expect(deals).toMatchObject({ total: 4, patents: 5 });
    expect(deals.rows.map((d) => d.recordationDate)).toEqual(['2022-11-01', '2022-05-10', '2022-04-01', '2022-03-01']);
    const month = await desk.call('indicators.deals', { region: '140100', year: 2022, family: 'I2', month: '2022-06' });
    expect(month).toMatchObject({ total: 1, patents: 2 });
  });
});

describe('the evaluation sheet', () => {
  it('shows deals under review, deductions and the score under the default scheme', async () => {
    const sheet = await desk.call('indicators.evaluation', { region: '140100', year: 2022 });
    expect(sheet).toMatchObject({
      regionName: '太原市',
      dealsUnderReview: 1,
      confirmedAnomalies: 1,
      subsidyFrauds: 1,
      clawedBackFen: WAN('5'),
      schemeVersion: 0,
    });
    const i1 = sheet.rows.find((r) => r.indicator === 'I1');
    expect(i1).toMatchObject({ requiredGrowth: 0.4, growthMet: true });
    expect(sheet.rows.find((r) => r.indicator === 'I5')).toMatchObject({ requiredGrowth: 0.7, growthMet: false });
    // I1 20 × 0.45 = 9; 7 of 11 required rates met → 10 × 7/11 = 6.36; minus 2 (anomaly) + 10 (clawback).
    expect(sheet.score).toMatchObject({ gross: 15.36, deduction: 12, total: 3.36 });
  });

  it('prints the version of a changed scoring scheme', async () => {
    const changed = await desk.call('scoring.update', { weights: { I1: 40 } });
    expect(changed.version).toBe(1);
    const sheet = await desk.call('indicators.evaluation', { region: '140100', year: 2022 });
    expect(sheet.schemeVersion).toBe(1);
    expect(sheet.score.gross).toBe(24.36);
  });
});

describe('patent-desk indicators', () => {
  it('prints the report of DESIGN §3a as JSON', async () => {
    const r = runCli(['--db', desk.dbPath, 'indicators', '--region', '140100', '--year', '2022', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout) as {
      region: string;
      year: number;
      indicators: Record<string, Record<string, unknown>>;
    };
    expect(printed).toEqual(await desk.call('indicators.report', { region: '140100', year: 2022 }));
    expect(Object.keys(printed.indicators)).toEqual([
      'I1',
      'I1a',
      'I1b',
      'I2',
      'I2a',
      'I2b',
      'I3',
      'I3a',
      'I3b',
      'I4',
      'I4a',
      'I5',
      'I5a',
    ]);
    expect(Object.keys(printed.indicators.I1!)).toEqual([
      'year',
      'cumulative',
      'target',
      'completion',
      'yoy',
      'avgGrowth',
    ]);
  });

  it('refuses a region that is not a reporting region, in Chinese', () => {
    const r = runCli(['--db', desk.dbPath, 'indicators', '--region', '140105', '--year', '2022', '--json']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('地区应为');
  });
});
