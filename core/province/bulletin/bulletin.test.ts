import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bulletin } from '../../../shared/contract/bulletin';
import { INDICATOR_IDS } from '../../../shared/indicators/ids';
import { CITY_REGIONS } from '../../../shared/domain/regions';
import { setUpStore } from '../../../tests/testing/tempStore';
import { storeBuilder } from '../../indicators/testing/storeBuilder';

type Desk = Awaited<ReturnType<typeof setUpStore>>;
const open: Desk[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));

/**
 * A province store holding a university of 大同 that licenses patents to a small enterprise of 太原: two patents
 * recorded in March 2022, one in August 2022, and one deal of May 2022 whose anomaly was confirmed.
 */
async function provinceWithDeals(): Promise<Desk> {
  const province = await setUpStore('140000');
  open.push(province);
  const b = storeBuilder(province.service.store.db as unknown as Database.Database);
  const university = b.org('大同某大学', '高校', '140200');
  const enterprise = b.org('太原某科技有限公司', '企业', '140100', '小型');
  b.deal({ assignor: university, assignee: enterprise, recorded: '2022-03-10', patents: 2, amountWan: '30' });
  b.deal({ assignor: university, assignee: enterprise, recorded: '2022-08-20', patents: 1, amountWan: '10' });
  const flagged = b.deal({
    assignor: university,
    assignee: enterprise,
    recorded: '2022-05-01',
    patents: 4,
    amountWan: '0.05',
  });
  b.flag(flagged, '确认异常');
  await province.call('targets.save', {
    targets: [
      { regionCode: '140100', indicator: 'I1', yearFrom: 2021, yearTo: 2023, target: 10, requiredGrowth: null },
    ],
  });
  return province;
}

describe('the 定期通报 of the province', () => {
  it('counts each region to the end of the quarter only, against its target, and calls it behind schedule', async () => {
    const province = await provinceWithDeals();
    const bulletin: Bulletin = await province.call('bulletin.build', { year: 2022, kind: 'quarter', number: 2 });
    expect(bulletin.periodLabel).toBe('2022年第二季度');
    expect(bulletin.periodEnd).toBe('2022-06-30');
    expect(bulletin.planElapsed).toBeCloseTo(0.5, 12);

    const taiyuan = bulletin.regions.find((r) => r.region === '140100')!;
    // The August deal is after the period; the confirmed one never counts.
    expect(taiyuan.indicators.I1).toMatchObject({ cumulative: 2, target: 10, completion: 0.2, behind: true });
    expect(taiyuan.indicators.I1.elapsed).toBeCloseTo(0.5, 12);
    expect(taiyuan.indicators.I3.cumulative).toBe(1);
    expect(taiyuan).toMatchObject({ rank: 1, confirmedAnomalies: 1, dealsRemoved: 1 });

    const datong = bulletin.regions.find((r) => r.region === '140200')!;
    expect(datong.indicators.I2).toMatchObject({
      cumulative: 2,
      target: null,
      completion: null,
      elapsed: null,
      behind: false,
    });
    expect(datong.rank).toBeNull();

    expect(bulletin.regions.map((r) => r.region)).toEqual(CITY_REGIONS.map((r) => r.code));
    expect(bulletin.province.indicators.I1).toMatchObject({ cumulative: 2, target: 990, behind: true });
  });

  it('at the end of a year shows the same figures as the indicator report of every region and the province', async () => {
    const province = await provinceWithDeals();
    const bulletin = await province.call('bulletin.build', { year: 2022, kind: 'month', number: 12 });
    for (const entry of [...bulletin.regions, bulletin.province]) {
      const report = await province.call('indicators.report', { region: entry.region as '140100', year: 2022 });
      for (const id of INDICATOR_IDS) {
        const { cumulative, target, completion } = report.indicators[id];
        expect(entry.indicators[id], `${entry.regionName} ${id}`).toMatchObject({ cumulative, target, completion });
      }
    }
    expect(bulletin.regions.find((r) => r.region === '140100')!.indicators.I1.cumulative).toBe(3);
  });

  it('is refused on a city desk, in Chinese', async () => {
    const city = await setUpStore('140100');
    open.push(city);
    const result = await city.service.call(
      'bulletin.build',
      { year: 2022, kind: 'quarter', number: 2 },
      { actor: city.adminActor },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_INSTALLATION' } });
  });

  it('refuses a fifth quarter, naming the field', async () => {
    const province = await provinceWithDeals();
    const result = await province.service.call(
      'bulletin.build',
      { year: 2022, kind: 'quarter', number: 5 },
      { actor: province.adminActor },
    );
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('季度应在 1 至 4 之间') } });
  });
});
