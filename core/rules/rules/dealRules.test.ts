import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ruleStore } from '../testing/ruleStore';

let s: ReturnType<typeof ruleStore>;
beforeEach(() => (s = ruleStore()));
afterEach(() => s.close());

describe('R03 related parties', () => {
  it('flags assignor and assignee sharing a phone written differently', () => {
    const a = s.fx.org({ name: '甲公司', uscc: '91140100MA0000001A', phone: '0351-1234567' });
    const b = s.fx.org({ name: '乙公司', uscc: '91140100MA0000002B', phone: '0351 123 4567' });
    s.fx.deal({ assignor: a, assignee: b, patents: [s.fx.patent()], contractNo: 'GL-1' });
    const flags = s.scan('R03');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.evidence).toMatchObject({ shared: [{ field: '电话', value: '03511234567' }] });
  });

  it('flags the same legal representative, the same address and the same normalized name', () => {
    const a = s.fx.org({ name: '丙公司', legalRep: '赵六', address: '太原市小店区长治路 100 号' });
    const b = s.fx.org({ name: '丁公司', legalRep: '赵 六', address: '太原市小店区长治路100号' });
    const c = s.fx.org({ name: '戊公司 ', kind: '企业' });
    const c2 = s.fx.org({ name: '戊公司', kind: '企业' });
    s.fx.deal({ assignor: a, assignee: b, patents: [s.fx.patent()] });
    s.fx.deal({ assignor: c, assignee: c2, patents: [s.fx.patent()] });
    const flags = s.scan('R03');
    expect(flags).toHaveLength(2);
    expect(flags.map((f) => (f.evidence.shared as { field: string }[]).map((x) => x.field).join('+')).sort()).toEqual([
      '名称（规范化后）',
      '法定代表人+地址',
    ]);
  });

  it('flags a party on both sides, and each deal between linked parties once', () => {
    const a = s.fx.org({ name: '辛公司', uscc: '91140100MA0000003C', phone: '0351-7654321' });
    const b = s.fx.org({
      name: '壬公司',
      uscc: '91140100MA0000004D',
      phone: '0351-7654321',
      address: '太原市迎泽区新建路 8 号',
    });
    const c = s.fx.org({ name: '癸公司', address: '太原市迎泽区新建路8号' });
    s.fx.deal({ assignor: a, assignee: a, patents: [s.fx.patent()], contractNo: 'SELF' });
    s.fx.deal({ assignor: b, assignee: c, patents: [s.fx.patent()], contractNo: 'ADDRESS-1' });
    s.fx.deal({ assignor: b, assignee: c, patents: [s.fx.patent()], contractNo: 'ADDRESS-2' });
    s.fx.deal({ assignor: c, assignee: a, patents: [s.fx.patent()], contractNo: 'UNLINKED' });
    const flags = s.scan('R03');
    expect(flags.map((f) => f.subjects[0]!.businessNo).sort()).toEqual(['ADDRESS-1', 'ADDRESS-2', 'SELF']);
    expect(flags.find((f) => f.subjects[0]!.businessNo === 'SELF')!.evidence).toMatchObject({
      shared: [{ field: '统一社会信用代码' }, { field: '名称（规范化后）' }, { field: '电话' }],
    });
  });

  it('leaves parties alone that share only part of an address, a placeholder or nothing', () => {
    const a = s.fx.org({ name: '己公司', phone: '无', address: '太原市小店区长治路 100 号' });
    const b = s.fx.org({ name: '庚公司', phone: '无', address: '太原市小店区长治路 102 号' });
    s.fx.deal({ assignor: a, assignee: b, patents: [s.fx.patent()] });
    expect(s.scan('R03')).toHaveLength(0);
  });
});

describe('R04 nominal price', () => {
  it('flags a transfer below 1000 元 and a zero-priced equity contribution, not one of exactly 1000 元', () => {
    const a = s.fx.org({ name: '甲' });
    const b = s.fx.org({ name: '乙' });
    s.fx.deal({ assignor: a, assignee: b, patents: [s.fx.patent()], amountFen: 99_999, contractNo: 'LOW' });
    s.fx.deal({
      assignor: a,
      assignee: b,
      patents: [s.fx.patent()],
      amountFen: 0,
      kind: '作价入股',
      contractNo: 'ZERO',
    });
    s.fx.deal({ assignor: a, assignee: b, patents: [s.fx.patent()], amountFen: 100_000, contractNo: 'EXACT' });
    s.fx.deal({
      assignor: a,
      assignee: b,
      patents: [s.fx.patent()],
      amountFen: 0,
      kind: '许可',
      licenseMode: '普通',
      contractNo: 'FREE-LICENSE',
    });
    expect(
      s
        .scan('R04')
        .map((f) => f.subjects[0]!.businessNo)
        .sort(),
    ).toEqual(['LOW', 'ZERO']);
  });
});

describe('R06 unpaid', () => {
  function dealWith(paidFen: number | null, contractDate: string) {
    const d = s.fx.deal({
      assignor: s.fx.org({ name: `甲${contractDate}${paidFen}` }),
      assignee: s.fx.org({ name: `乙${contractDate}${paidFen}` }),
      patents: [s.fx.patent()],
      amountFen: 1_000_000,
      contractDate,
    });
    if (paidFen !== null) s.fx.payment(d, contractDate, paidFen);
    return d;
  }

  it('flags a deal paid under 10 % once 180 days have passed, counting from the contract date to the scan day', () => {
    const unpaid = dealWith(null, '2024-01-02'); // exactly 180 days before 2024-06-30
    dealWith(99_999, '2023-01-01');
    const flags = s.scan('R06', { asOf: '2024-06-30' });
    expect(flags).toHaveLength(2);
    expect(flags.find((f) => f.subjects[0]!.entityId === unpaid)!.evidence).toMatchObject({
      daysSinceContract: 180,
      receivedFen: 0,
    });
  });

  it('leaves a deal paid exactly 10 %, and a deal 179 days old, alone', () => {
    dealWith(100_000, '2023-01-01');
    dealWith(null, '2024-01-03');
    expect(s.scan('R06', { asOf: '2024-06-30' })).toHaveLength(0);
  });

  it('judges as of the scan day: a payment dated later does not count yet', () => {
    const d = dealWith(null, '2023-01-01');
    s.fx.payment(d, '2024-07-15', 500_000);
    expect(s.scan('R06', { asOf: '2024-06-30' })).toHaveLength(1);
    expect(s.scan('R06', { asOf: '2024-07-15' })).toHaveLength(0);
  });
});

describe('R07 expiring or lapsed patent', () => {
  const a = () => s.fx.org({ name: `甲${Math.random()}` });
  it('flags a lapsed patent and one whose natural expiry falls within 365 days after recordation', () => {
    s.fx.deal({ assignor: a(), assignee: a(), patents: [s.fx.patent({ status: '失效' })], contractNo: 'LAPSED' });
    // Utility model filed 2014-03-01 expires 2024-02-29; recorded 2023-03-01: 365 days before expiry.
    s.fx.deal({
      assignor: a(),
      assignee: a(),
      patents: [s.fx.patent({ type: '实用新型', filingDate: '2014-03-01' })],
      contractNo: 'EXPIRING',
      recordationDate: '2023-03-01',
    });
    const flags = s.scan('R07');
    expect(flags.map((f) => f.subjects[0]!.businessNo).sort()).toEqual(['EXPIRING', 'LAPSED']);
    const expiring = flags.find((f) => f.subjects[0]!.businessNo === 'EXPIRING')!;
    expect(expiring.evidence).toMatchObject({ patents: [{ naturalExpiry: '2024-02-29', daysToExpiry: 365 }] });
  });

  it('leaves an expiry 366 days after recordation, and a patent without a filing date, alone', () => {
    s.fx.deal({
      assignor: a(),
      assignee: a(),
      patents: [s.fx.patent({ type: '实用新型', filingDate: '2014-03-02' })],
      recordationDate: '2023-03-01',
    });
    s.fx.deal({
      assignor: a(),
      assignee: a(),
      patents: [s.fx.patent({ filingDate: null })],
      recordationDate: '2023-03-01',
    });
    expect(s.scan('R07')).toHaveLength(0);
  });

  it('judges a deal not yet recorded by its contract date, and says so', () => {
    s.fx.deal({
      assignor: a(),
      assignee: a(),
      patents: [s.fx.patent({ type: '外观设计', filingDate: '2013-06-01' })],
      contractDate: '2023-01-01',
      recordationDate: null,
    });
    const flags = s.scan('R07');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.evidence).toMatchObject({
      referenceIsRecordation: false,
      patents: [{ naturalExpiry: '2023-05-31' }],
    });
    expect(flags[0]!.explanation).toContain('尚未备案');
  });

  it('counts the days back to an expiry before recordation, and reaches inventions twenty years old', () => {
    s.fx.deal({
      assignor: a(),
      assignee: a(),
      patents: [s.fx.patent({ type: '实用新型', filingDate: '2012-01-01' })],
      contractNo: 'EXPIRED',
      recordationDate: '2023-03-01',
    });
    s.fx.deal({
      assignor: a(),
      assignee: a(),
      patents: [s.fx.patent({ type: '发明', filingDate: '2003-06-01' })],
      contractNo: 'OLD-INVENTION',
      recordationDate: '2023-03-01',
    });
    s.fx.deal({
      assignor: a(),
      assignee: a(),
      patents: [s.fx.patent({ type: '发明', filingDate: '2004-06-01' })],
      contractNo: 'YOUNGER',
      recordationDate: '2023-03-01',
    });
    const flags = new Map(s.scan('R07').map((f) => [f.subjects[0]!.businessNo, f]));
    expect([...flags.keys()].sort()).toEqual(['EXPIRED', 'OLD-INVENTION']);
    expect(flags.get('EXPIRED')!.evidence).toMatchObject({
      patents: [{ naturalExpiry: '2021-12-31', daysToExpiry: -425 }],
    });
    expect(flags.get('EXPIRED')!.explanation).toContain('已于 2021-12-31 到期（备案日之前）');
    expect(flags.get('OLD-INVENTION')!.evidence).toMatchObject({
      patents: [{ naturalExpiry: '2023-05-31', daysToExpiry: 91 }],
    });
  });
});
