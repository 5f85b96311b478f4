import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ruleStore } from '../testing/ruleStore';

let s: ReturnType<typeof ruleStore>;
beforeEach(() => (s = ruleStore()));
afterEach(() => s.close());

function parties() {
  return {
    a: s.fx.org({ name: '太原甲科技有限公司', uscc: '91140100MA0000001A' }),
    b: s.fx.org({ name: '太原乙科技有限公司', uscc: '91140100MA0000002B' }),
    c: s.fx.org({ name: '大同丙科技有限公司', uscc: '91140200MA0000003C' }),
  };
}

describe('R01 repeat transfer', () => {
  it('flags the same patent transferred twice within 365 days, naming both contracts', () => {
    const { a, b, c } = parties();
    const p = s.fx.patent();
    const first = s.fx.deal({
      assignor: a,
      assignee: b,
      patents: [p],
      contractNo: 'ZR-1',
      recordationDate: '2023-01-10',
    });
    const second = s.fx.deal({
      assignor: b,
      assignee: c,
      patents: [p],
      contractNo: 'ZR-2',
      recordationDate: '2023-09-01',
    });
    const flags = s.scan('R01');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.subjects.map((x) => x.businessNo)).toEqual(expect.arrayContaining(['ZR-1', 'ZR-2']));
    expect(flags[0]!.subjects.map((x) => x.entityId).sort()).toEqual([first, second].sort());
    expect(flags[0]!.evidence).toMatchObject({ patents: [p], daysApart: 234 });
  });

  it('flags a pair exactly 365 days apart and leaves one 366 days apart alone', () => {
    const { a, b, c } = parties();
    const p = s.fx.patent();
    const q = s.fx.patent();
    s.fx.deal({ assignor: a, assignee: b, patents: [p], recordationDate: '2022-01-01' });
    s.fx.deal({ assignor: b, assignee: c, patents: [p], recordationDate: '2023-01-01' });
    s.fx.deal({ assignor: a, assignee: b, patents: [q], recordationDate: '2022-01-01' });
    s.fx.deal({ assignor: b, assignee: c, patents: [q], recordationDate: '2023-01-02' });
    const flags = s.scan('R01');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.evidence).toMatchObject({ patents: [p], daysApart: 365 });
  });

  it('uses the contract date when a deal has no recordation date', () => {
    const { a, b, c } = parties();
    const p = s.fx.patent();
    s.fx.deal({ assignor: a, assignee: b, patents: [p], contractDate: '2022-12-01', recordationDate: '2023-01-05' });
    s.fx.deal({ assignor: b, assignee: c, patents: [p], contractDate: '2024-01-15', recordationDate: null });
    expect(s.scan('R01')).toHaveLength(0);
    expect(s.scan('R01', { thresholds: { r01RepeatWithinDays: 400 } })).toHaveLength(1);
  });

  it('does not count licenses or voided deals as transfers', () => {
    const { a, b, c } = parties();
    const p = s.fx.patent();
    s.fx.deal({ assignor: a, assignee: b, patents: [p] });
    s.fx.deal({ assignor: a, assignee: c, patents: [p], kind: '许可', licenseMode: '普通' });
    const voided = s.fx.deal({ assignor: b, assignee: c, patents: [p] });
    s.fx.voidDeal(voided);
    expect(s.scan('R01')).toHaveLength(0);
  });
});

describe('R02 round trip', () => {
  it('flags A→B then B→A within 730 days, with both legs as evidence', () => {
    const { a, b } = parties();
    const p = s.fx.patent();
    s.fx.deal({ assignor: a, assignee: b, patents: [p], contractNo: 'OUT', recordationDate: '2022-03-01' });
    s.fx.deal({ assignor: b, assignee: a, patents: [p], contractNo: 'BACK', recordationDate: '2023-10-01' });
    const flags = s.scan('R02');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.evidence).toMatchObject({ outbound: { contractNo: 'OUT' }, returning: { contractNo: 'BACK' } });
    expect(flags[0]!.explanation).toContain('转回');
  });

  it('matches parties without a USCC by normalized name, as the province must across installations', () => {
    const a = s.fx.org({ name: '李四', kind: '个人' });
    const b = s.fx.org({ name: '王五', kind: '个人' });
    const aAgain = s.fx.org({ name: ' 李 四 ', kind: '个人' });
    const p = s.fx.patent();
    s.fx.deal({ assignor: a, assignee: b, patents: [p], recordationDate: '2022-03-01' });
    s.fx.deal({ assignor: b, assignee: aAgain, patents: [p], recordationDate: '2022-04-01' });
    expect(s.scan('R02')).toHaveLength(1);
  });

  it('leaves a return after more than 730 days, and a sale on to a third party, alone', () => {
    const { a, b, c } = parties();
    const p = s.fx.patent();
    const q = s.fx.patent();
    s.fx.deal({ assignor: a, assignee: b, patents: [p], recordationDate: '2020-01-01' });
    s.fx.deal({ assignor: b, assignee: a, patents: [p], recordationDate: '2022-01-01' });
    s.fx.deal({ assignor: a, assignee: b, patents: [q], recordationDate: '2022-01-01' });
    s.fx.deal({ assignor: b, assignee: c, patents: [q], recordationDate: '2022-02-01' });
    expect(s.scan('R02')).toHaveLength(0);
    expect(s.scan('R02', { thresholds: { r02RoundTripWithinDays: 731 } })).toHaveLength(1);
  });
});

describe('R10 duplicate', () => {
  it('flags the same patents and parties with the same contract number recorded in two cities', () => {
    const { a, b } = parties();
    const p = s.fx.patent();
    const q = s.fx.patent();
    s.fx.deal({
      assignor: a,
      assignee: b,
      patents: [p, q],
      contractNo: 'DUP-1',
      contractDate: '2023-01-05',
      region: '140100',
    });
    s.fx.deal({
      assignor: a,
      assignee: b,
      patents: [q, p],
      contractNo: 'DUP-1',
      contractDate: '2023-01-06',
      region: '140200',
    });
    const flags = s.scan('R10');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.evidence).toMatchObject({ sameContractNo: true, sameContractDate: false });
  });

  it('flags the same contract date under another number, but not a deal with one patent more', () => {
    const { a, b } = parties();
    const [p, q, r] = [s.fx.patent(), s.fx.patent(), s.fx.patent()];
    s.fx.deal({ assignor: a, assignee: b, patents: [p, q], contractNo: 'X-1', contractDate: '2023-01-05' });
    s.fx.deal({ assignor: a, assignee: b, patents: [p, q], contractNo: 'X-2', contractDate: '2023-01-05' });
    s.fx.deal({ assignor: a, assignee: b, patents: [p, q, r], contractNo: 'X-3', contractDate: '2023-01-05' });
    const flags = s.scan('R10');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.subjects.map((x) => x.businessNo).sort()).toEqual(['X-1', 'X-2']);
  });

  it('leaves other parties or another date and number alone', () => {
    const { a, b, c } = parties();
    const p = s.fx.patent();
    s.fx.deal({ assignor: a, assignee: b, patents: [p], contractNo: 'Y-1', contractDate: '2023-01-05' });
    s.fx.deal({ assignor: a, assignee: c, patents: [p], contractNo: 'Y-2', contractDate: '2023-01-05' });
    s.fx.deal({ assignor: a, assignee: b, patents: [p], contractNo: 'Y-3', contractDate: '2023-02-05' });
    expect(s.scan('R10')).toHaveLength(0);
  });
});
