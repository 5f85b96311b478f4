import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ruleStore } from '../testing/ruleStore';

let s: ReturnType<typeof ruleStore>;
beforeEach(() => (s = ruleStore()));
afterEach(() => s.close());

let orgSerial = 0;
const org = (extra: Parameters<ReturnType<typeof ruleStore>['fx']['org']>[0] | object = {}) =>
  s.fx.org({ name: `企业${++orgSerial}`, ...extra });

describe('R05 price outlier', () => {
  /** Transfers of one invention each at these prices in 万元. */
  function transfers(pricesWan: number[], type: '发明' | '实用新型' = '发明') {
    return pricesWan.map((wan, i) =>
      s.fx.deal({
        assignor: org(),
        assignee: org(),
        patents: [s.fx.patent({ type })],
        amountFen: wan * 1_000_000,
        contractNo: `P-${type}-${i}-${wan}`,
      }),
    );
  }

  it('flags a price far above its group, with the median and MAD behind it', () => {
    transfers([8, 9, 10, 10, 11, 12, 10, 9, 11]);
    const [outlier] = transfers([500]);
    const flags = s.scan('R05');
    expect(flags.map((f) => f.subjects[0]!.entityId)).toEqual([outlier]);
    expect(flags[0]!.evidence).toMatchObject({ group: { kind: '转让', deals: 10 }, medianPerPatentFen: 10_000_000 });
    expect(flags[0]!.evidence.zScore as number).toBeGreaterThan(3.5);
  });

  it('does not judge a group of 9 deals', () => {
    transfers([8, 9, 10, 10, 11, 12, 10, 9]);
    transfers([500]);
    expect(s.scan('R05')).toHaveLength(0);
  });

  it('does not judge a group whose MAD is 0', () => {
    transfers([10, 10, 10, 10, 10, 10, 10, 12, 11, 500]);
    expect(s.scan('R05')).toHaveLength(0);
  });

  it('groups by the highest patent type and prices per patent', () => {
    transfers([8, 9, 10, 10, 11, 12, 10, 9, 11, 10]);
    // Ten inventions' worth (100 万元 for ten patents) is 10 万元 a patent: in line.
    s.fx.deal({
      assignor: org(),
      assignee: org(),
      patents: Array.from({ length: 10 }, () => s.fx.patent()),
      amountFen: 100_000_000,
    });
    // A utility model at 500 万元 is alone in its group: not judged against inventions.
    transfers([500], '实用新型');
    // An invention plus a design counts as an invention deal.
    s.fx.deal({
      assignor: org(),
      assignee: org(),
      patents: [s.fx.patent({ type: '外观设计' }), s.fx.patent()],
      amountFen: 1_000_000_000,
      contractNo: 'MIXED',
    });
    const flags = s.scan('R05');
    expect(flags.map((f) => f.subjects[0]!.businessNo)).toEqual(['MIXED']);
  });

  it('leaves zero amounts to R04', () => {
    transfers([8, 9, 10, 10, 11, 12, 10, 9, 11, 10]);
    s.fx.deal({ assignor: org(), assignee: org(), patents: [s.fx.patent()], amountFen: 0 });
    expect(s.scan('R05')).toHaveLength(0);
  });

  it('flags only above the threshold: a score exactly on it is not an outlier', () => {
    transfers([8, 9, 10, 10, 11, 12, 10, 9, 11]);
    transfers([40]);
    const z = s
      .scan('R05', { thresholds: { r05ZScoreAbove: 0.5 } })
      .map((f) => f.evidence.zScore as number)
      .find((v) => v > 3)!;
    expect(s.scan('R05', { thresholds: { r05ZScoreAbove: z } })).toHaveLength(0);
    expect(s.scan('R05', { thresholds: { r05ZScoreAbove: z - 1e-9 } })).toHaveLength(1);
  });
});

describe('R05 on a batch of deals (an import’s anomaly checks)', () => {
  it('finds what the full scan finds, with the same group statistics, in every group', () => {
    const pricesWan = [8, 9, 10, 10, 11, 12, 10, 9, 11, 10, 13, 7, 10.5, 9.5, 300, 0.2];
    const ids = (['发明', '实用新型', '外观设计'] as const).flatMap((type) =>
      Array.from({ length: 8 }, (_, round) =>
        pricesWan.map((wan, i) =>
          s.fx.deal({
            assignor: org(),
            assignee: org(),
            patents: Array.from({ length: 1 + (i % 3) }, () => s.fx.patent({ type })),
            amountFen: Math.round(wan * (1 + round / 10) * 1_000_000),
            kind: round % 2 ? '许可' : '转让',
          }),
        ),
      ).flat(),
    );
    expect(ids.length).toBeGreaterThanOrEqual(100); // a batch: every group priced in one pass
    const full = s.scan('R05');
    expect(new Set(full.map((f) => (f.evidence.group as { label: string }).label)).size).toBeGreaterThanOrEqual(4);
    expect(s.scan('R05', { dealIds: ids })).toEqual(full);
  });
});

describe('R08 bulk', () => {
  it('flags ten patents moved from one assignor to one assignee in three contracts within 7 days', () => {
    const a = org();
    const b = org();
    const pats = (n: number) => Array.from({ length: n }, () => s.fx.patent());
    s.fx.deal({ assignor: a, assignee: b, patents: pats(4), recordationDate: '2023-05-01', contractNo: 'B-1' });
    s.fx.deal({ assignor: a, assignee: b, patents: pats(3), recordationDate: '2023-05-04', contractNo: 'B-2' });
    s.fx.deal({ assignor: a, assignee: b, patents: pats(3), recordationDate: '2023-05-08', contractNo: 'B-3' });
    s.fx.deal({ assignor: a, assignee: b, patents: pats(3), recordationDate: '2023-07-08', contractNo: 'LATER' });
    const flags = s.scan('R08');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.subjects.map((x) => x.businessNo).sort()).toEqual(['B-1', 'B-2', 'B-3']);
    expect(flags[0]!.evidence).toMatchObject({ patentCount: 10, spanDays: 7 });
  });

  it('needs at least 10 distinct patents: 9, or the same patent counted twice, are not bulk', () => {
    const a = org();
    const b = org();
    const nine = Array.from({ length: 9 }, () => s.fx.patent());
    s.fx.deal({ assignor: a, assignee: b, patents: nine.slice(0, 5), recordationDate: '2023-05-01' });
    s.fx.deal({
      assignor: a,
      assignee: b,
      patents: [...nine.slice(5), nine[0]!],
      recordationDate: '2023-05-02',
      kind: '许可',
      licenseMode: '普通',
    });
    expect(s.scan('R08')).toHaveLength(0);
  });

  it('does not join patents 8 days apart, nor to another assignee', () => {
    const a = org();
    const b = org();
    const c = org();
    s.fx.deal({
      assignor: a,
      assignee: b,
      patents: Array.from({ length: 5 }, () => s.fx.patent()),
      recordationDate: '2023-05-01',
    });
    s.fx.deal({
      assignor: a,
      assignee: b,
      patents: Array.from({ length: 5 }, () => s.fx.patent()),
      recordationDate: '2023-05-09',
    });
    s.fx.deal({
      assignor: a,
      assignee: c,
      patents: Array.from({ length: 5 }, () => s.fx.patent()),
      recordationDate: '2023-05-02',
    });
    expect(s.scan('R08')).toHaveLength(0);
  });

  it('flags a single contract of ten patents, alone between its parties', () => {
    s.fx.deal({
      assignor: org(),
      assignee: org(),
      patents: Array.from({ length: 10 }, () => s.fx.patent()),
      recordationDate: '2023-05-01',
      contractNo: 'ONE-BIG',
    });
    const flags = s.scan('R08');
    expect(flags.map((f) => f.subjects.map((x) => x.businessNo))).toEqual([['ONE-BIG']]);
    expect(flags[0]!.evidence).toMatchObject({ patentCount: 10, spanDays: 0 });
  });

  it('does not count the patents of a voided contract', () => {
    const a = org();
    const b = org();
    s.fx.deal({
      assignor: a,
      assignee: b,
      patents: Array.from({ length: 5 }, () => s.fx.patent()),
      recordationDate: '2023-05-01',
    });
    const voided = s.fx.deal({
      assignor: a,
      assignee: b,
      patents: Array.from({ length: 5 }, () => s.fx.patent()),
      recordationDate: '2023-05-02',
    });
    expect(s.scan('R08')).toHaveLength(1);
    s.fx.voidDeal(voided);
    expect(s.scan('R08')).toHaveLength(0);
  });
});

describe('R09 size mismatch', () => {
  it('flags an assignee counted as small whose figures are above the industrial SME bounds', () => {
    const big = org({ size: '小型' });
    s.fx.figures(big, 2023, { employees: 1200, revenueWan: 50_000, sector: '工业' });
    s.fx.deal({
      assignor: org(),
      assignee: big,
      patents: [s.fx.patent()],
      assigneeSize: '小型',
      recordationDate: '2023-05-01',
    });
    const deal = s.db.prepare('SELECT id FROM deals').pluck().get() as string;
    const flags = s.scan('R09');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.evidence).toMatchObject({ figuresYear: 2023, employees: 1200, judgedAgainst: '工业' });
    expect(s.scan('R09', { dealIds: [deal] })).toHaveLength(1);
  });

  it('leaves an industrial firm with 1200 staff but revenue under 40000 万元 alone, and a large assignee', () => {
    const sme = org({ size: '中型' });
    s.fx.figures(sme, 2023, { employees: 1200, revenueWan: 39_999, sector: '工业' });
    s.fx.deal({ assignor: org(), assignee: sme, patents: [s.fx.patent()], assigneeSize: '中型' });
    const large = org({ size: '大型' });
    s.fx.figures(large, 2023, { employees: 5000, revenueWan: 900_000, sector: '工业' });
    s.fx.deal({ assignor: org(), assignee: large, patents: [s.fx.patent()], assigneeSize: '大型' });
    expect(s.scan('R09')).toHaveLength(0);
  });

  it('with an unknown sector flags only what is large under every sector', () => {
    const mid = org({ size: '中型' });
    s.fx.figures(mid, 2023, { employees: 500, revenueWan: 30_000 });
    s.fx.deal({ assignor: org(), assignee: mid, patents: [s.fx.patent()], assigneeSize: '中型' });
    expect(s.scan('R09')).toHaveLength(0);
    const huge = org({ size: '小型' });
    s.fx.figures(huge, 2022, { employees: 3000, revenueWan: 200_000 });
    s.fx.deal({ assignor: org(), assignee: huge, patents: [s.fx.patent()], assigneeSize: '小型' });
    expect(s.scan('R09')).toHaveLength(1);
  });

  it('has nothing to say without figures', () => {
    s.fx.deal({ assignor: org(), assignee: org({ size: '小型' }), patents: [s.fx.patent()], assigneeSize: '小型' });
    expect(s.scan('R09')).toHaveLength(0);
  });
});

describe('R11 subsidy twice', () => {
  it('flags a deal rewarded by two programs and a pledge rewarded twice, naming the subsidy numbers', () => {
    const a = org();
    const d = s.fx.deal({ assignor: org(), assignee: a, patents: [s.fx.patent()], contractNo: 'JB-DEAL' });
    s.fx.subsidy({ recipient: a, dealId: d, subsidyNo: 'S-1', programName: '转化奖补' });
    s.fx.subsidy({ recipient: a, dealId: d, subsidyNo: 'S-2', programName: '中小企业奖补' });
    const g = s.fx.pledge({
      pledgor: a,
      patents: [s.fx.patent()],
      registrationDate: '2023-01-01',
      registrationNo: 'ZY-9',
    });
    s.fx.subsidy({ recipient: a, pledgeId: g, subsidyNo: 'S-3' });
    s.fx.subsidy({ recipient: a, pledgeId: g, subsidyNo: 'S-4' });
    const flags = s.scan('R11');
    expect(
      flags.map((f) =>
        f.subjects
          .map((x) => x.businessNo)
          .sort()
          .join(','),
      ),
    ).toEqual(expect.arrayContaining(['JB-DEAL,S-1,S-2', 'S-3,S-4,ZY-9']));
    expect(flags).toHaveLength(2);
  });

  it('leaves one subsidy per deal alone', () => {
    const a = org();
    const d1 = s.fx.deal({ assignor: org(), assignee: a, patents: [s.fx.patent()] });
    const d2 = s.fx.deal({ assignor: org(), assignee: a, patents: [s.fx.patent()] });
    s.fx.subsidy({ recipient: a, dealId: d1 });
    s.fx.subsidy({ recipient: a, dealId: d2 });
    expect(s.scan('R11')).toHaveLength(0);
  });
});

describe('R12 open-license conflict', () => {
  it('flags an open license while an exclusive license without an end date is in force', () => {
    const p = s.fx.patent();
    const owner = org();
    const exclusive = s.fx.deal({
      assignor: owner,
      assignee: org(),
      patents: [p],
      kind: '许可',
      licenseMode: '独占',
      recordationDate: '2022-01-01',
      contractNo: 'EXCL',
    });
    const open = s.fx.deal({
      assignor: owner,
      assignee: org(),
      patents: [p],
      kind: '许可',
      licenseMode: '开放许可',
      recordationDate: '2023-01-01',
      contractNo: 'OPEN',
    });
    const flags = s.scan('R12');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.subjects.map((x) => x.businessNo).sort()).toEqual(['EXCL', 'OPEN']);
    // The check after saving either license finds the same conflict.
    expect(s.scan('R12', { dealIds: [exclusive] }).map((f) => f.fingerprint)).toEqual([flags[0]!.fingerprint]);
    expect(s.scan('R12', { dealIds: [open] }).map((f) => f.fingerprint)).toEqual([flags[0]!.fingerprint]);
  });

  it('flags a pledge in force, and leaves an expired sole license, an ordinary license and a pledge ended before alone', () => {
    const p = s.fx.patent();
    const q = s.fx.patent();
    const owner = org();
    s.fx.deal({
      assignor: owner,
      assignee: org(),
      patents: [p, q],
      kind: '许可',
      licenseMode: '开放许可',
      recordationDate: '2023-01-01',
      contractNo: 'OPEN',
    });
    s.fx.deal({
      assignor: owner,
      assignee: org(),
      patents: [p],
      kind: '许可',
      licenseMode: '排他',
      recordationDate: '2021-01-01',
      licenseEndDate: '2022-12-31',
    });
    s.fx.deal({
      assignor: owner,
      assignee: org(),
      patents: [p],
      kind: '许可',
      licenseMode: '普通',
      recordationDate: '2022-06-01',
    });
    s.fx.pledge({ pledgor: owner, patents: [p], registrationDate: '2021-01-01', termMonths: 24 });
    s.fx.pledge({
      pledgor: owner,
      patents: [q],
      registrationDate: '2022-06-01',
      termMonths: 12,
      registrationNo: 'ZY-IN-FORCE',
    });
    const flags = s.scan('R12');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.subjects.map((x) => x.businessNo).sort()).toEqual(['OPEN', 'ZY-IN-FORCE']);
  });
});
