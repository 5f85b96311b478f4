import { describe, expect, it } from 'vitest';
import { readAmount, type StoredTargets, targetDrafts, targetEdits } from './targetEdits';

const WAN = 1_000_000; // 分 in one 万元

/** The province's plan defaults for I1 and I5, a city's own I1 target and 2020 baseline. */
const stored: StoredTargets = {
  targets: [
    {
      regionCode: '140000',
      indicator: 'I1',
      yearFrom: 2021,
      yearTo: 2023,
      target: 990,
      requiredGrowth: 0.4,
      isDefault: true,
    },
    {
      regionCode: '140000',
      indicator: 'I5',
      yearFrom: 2021,
      yearTo: 2023,
      target: 200000 * WAN,
      requiredGrowth: 0.7,
      isDefault: true,
    },
    {
      regionCode: '140100',
      indicator: 'I1',
      yearFrom: 2021,
      yearTo: 2023,
      target: 120,
      requiredGrowth: 0.35,
      isDefault: false,
    },
  ],
  baselines: [{ regionCode: '140100', indicator: 'I1', year: 2020, value: 30 }],
};

describe('readAmount: a typed cell in the indicator’s stored unit', () => {
  it('reads counts as whole numbers and money in 万元 to the 分', () => {
    expect(readAmount('I1', ' 12 ')).toEqual({ ok: true, value: 12 });
    expect(readAmount('I5', '12.5')).toEqual({ ok: true, value: 12.5 * WAN });
    expect(readAmount('I1', '  ')).toEqual({ ok: true, value: null });
  });

  it('refuses what is not an amount with a Chinese reason', () => {
    const count = readAmount('I3', '-3');
    expect(count).toEqual({ ok: false, message: '应填写非负整数（家）' });
    const money = readAmount('I1a', '十万');
    expect(money.ok).toBe(false);
    if (!money.ok) expect(money.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('targetDrafts: the table of a region as stored', () => {
  it('shows targets in the unit people type, growth in %, and nothing where nothing is stored', () => {
    const city = targetDrafts(stored, '140100');
    expect(city.I1).toEqual({ target: '120', growthPercent: 35, baseline: '30' });
    expect(city.I2).toEqual({ target: '', growthPercent: null, baseline: '' });
    expect(targetDrafts(stored, '140000').I5).toEqual({ target: '200000.00', growthPercent: 70, baseline: '' });
  });
});

describe('targetEdits: only what changed is saved', () => {
  it('saves nothing for a city table left as it was', () => {
    expect(targetEdits(stored, '140100', targetDrafts(stored, '140100'))).toEqual({
      ok: true,
      targets: [],
      baselines: [],
    });
  });

  it('saves a changed target and a new baseline, in stored units', () => {
    const drafts = targetDrafts(stored, '140100');
    drafts.I1 = { target: '150', growthPercent: 35, baseline: '30' };
    drafts.I5 = { target: '', growthPercent: null, baseline: '1.5' };
    expect(targetEdits(stored, '140100', drafts)).toEqual({
      ok: true,
      targets: [
        { regionCode: '140100', indicator: 'I1', yearFrom: 2021, yearTo: 2023, target: 150, requiredGrowth: 0.35 },
      ],
      baselines: [{ regionCode: '140100', indicator: 'I5', year: 2020, value: 1.5 * WAN }],
    });
  });

  it('saves the plan’s defaults as the province’s own rows when the province table is saved', () => {
    const edits = targetEdits(stored, '140000', targetDrafts(stored, '140000'));
    expect(edits.ok && edits.targets.map((t) => [t.indicator, t.target, t.requiredGrowth])).toEqual([
      ['I1', 990, 0.4],
      ['I5', 200000 * WAN, 0.7],
    ]);
  });

  it('a cleared target with no rate is saved as cleared where one was stored', () => {
    const drafts = targetDrafts(stored, '140100');
    drafts.I1 = { target: '', growthPercent: null, baseline: '30' };
    const edits = targetEdits(stored, '140100', drafts);
    expect(edits.ok && edits.targets).toEqual([
      { regionCode: '140100', indicator: 'I1', yearFrom: 2021, yearTo: 2023, target: null, requiredGrowth: null },
    ]);
  });

  it('names every cell that cannot be read, and saves nothing', () => {
    const drafts = targetDrafts(stored, '140100');
    drafts.I1 = { target: '12.5', growthPercent: 35, baseline: '30' };
    drafts.I2a = { target: 'abc', growthPercent: null, baseline: '-1' };
    const edits = targetEdits(stored, '140100', drafts);
    expect(edits.ok).toBe(false);
    if (!edits.ok) expect(Object.keys(edits.problems).sort()).toEqual(['I1.target', 'I2a.baseline', 'I2a.target']);
  });
});
