import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { targetsWorkbook as workbook } from './testing/targetsWorkbook';

let desk: Awaited<ReturnType<typeof setUpStore>>;
beforeEach(async () => (desk = await setUpStore('140100')));
afterEach(() => desk.close());

describe('targets and baselines', () => {
  it('come pre-filled with the province’s plan targets', async () => {
    const { targets } = await desk.call('targets.get', {});
    const province = Object.fromEntries(targets.filter((t) => t.regionCode === '140000').map((t) => [t.indicator, t]));
    expect(province.I1).toMatchObject({
      target: 990,
      requiredGrowth: 0.4,
      yearFrom: 2021,
      yearTo: 2023,
      isDefault: true,
    });
    expect(province.I2).toMatchObject({ target: 1300, requiredGrowth: 0.4 });
    expect(province.I3).toMatchObject({ target: 660, requiredGrowth: 0.4 });
    expect(province.I5).toMatchObject({ target: 200000 * 1_000_000, requiredGrowth: 0.7 });
    expect(province.I5a).toMatchObject({ target: 300, requiredGrowth: 0.8 });
    expect(province.I1a).toMatchObject({ target: null, requiredGrowth: 0.3 });
  });

  it('are imported from xlsx, money in 万元, and the change is audited', async () => {
    const content = await workbook(
      [
        ['太原', 'I1', 2021, 2023, 150, 40],
        ['综改区', 'I5', 2021, 2023, '12,000.5', '70%'],
      ],
      [['大同市', 'I2', 2020, 12]],
    );
    const result = await desk.call('targets.import', { contentBase64: content });
    expect(result).toMatchObject({ targets: 2, baselines: 1, rejected: [], written: true });
    const { targets, baselines } = await desk.call('targets.get', {});
    expect(targets.find((t) => t.regionCode === '140100')).toMatchObject({
      indicator: 'I1',
      target: 150,
      requiredGrowth: 0.4,
      isDefault: false,
    });
    expect(targets.find((t) => t.regionCode === '140171')).toMatchObject({
      target: 12_000_500_000,
      requiredGrowth: 0.7,
    });
    expect(baselines).toEqual([{ regionCode: '140200', indicator: 'I2', year: 2020, value: 12 }]);
    const history = await desk.call('audit.history', { entity: 'region_target', entityId: '140100/I1/2021-2023' });
    expect(history[0]).toMatchObject({ actorName: '管理员甲', action: 'targets.set' });
  });

  it('refuses a file with a bad cell, saying sheet, row and column, and writes nothing', async () => {
    const content = await workbook([
      ['太原', 'I1', 2021, 2023, 150, 40],
      ['上海', 'I9', 2023, 2021, '-5', 'abc'],
    ]);
    const result = await desk.call('targets.import', { contentBase64: content });
    expect(result.written).toBe(false);
    expect(result.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '目标', row: 3, column: '地区', value: '上海' }),
        expect.objectContaining({ sheet: '目标', row: 3, column: '指标', value: 'I9' }),
        expect.objectContaining({ sheet: '目标', row: 3, column: '截止年度' }),
        expect.objectContaining({ sheet: '目标', row: 3, column: '要求年均增幅（%）', value: 'abc' }),
      ]),
    );
    const { targets } = await desk.call('targets.get', {});
    expect(targets.some((t) => t.regionCode === '140100')).toBe(false);
  });

  it('round-trip through the template', async () => {
    await desk.call('targets.save', {
      targets: [
        {
          regionCode: '140400',
          indicator: 'I5',
          yearFrom: 2021,
          yearTo: 2023,
          target: 3_500_000_000,
          requiredGrowth: 0.7,
        },
      ],
    });
    const template = await desk.call('targets.template', {});
    const again = await desk.call('targets.import', { contentBase64: template.contentBase64, dryRun: true });
    expect(again.rejected).toEqual([]);
    expect(again.targets).toBe(12);
  });
});
