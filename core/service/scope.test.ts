import { afterEach, describe, expect, it } from 'vitest';
import { filingsSamples } from '../../tests/testing/filingsSamples';
import { setUpStore } from '../../tests/testing/tempStore';

type Desk = Awaited<ReturnType<typeof setUpStore>>;
const open: Desk[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));

async function deskFor(region: string): Promise<Desk> {
  const desk = await setUpStore(region);
  open.push(desk);
  return desk;
}

describe('which installation serves a method', () => {
  it("refuses to record a deal on the province's workbench, in Chinese, and writes nothing", async () => {
    const province = await deskFor('140000');
    const deal = filingsSamples['deals.create'](new Map());
    const result = await province.service.call('deals.create', deal, { actor: province.adminActor });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'WRONG_INSTALLATION', message: '省级工作台只查看各地市报送的记录，不能录入或修改' },
    });
    expect(province.service.store.db.prepare('SELECT count(*) FROM deals').pluck().get()).toBe(0);
  });

  it('a city desk records the same deal', async () => {
    const city = await deskFor('140100');
    const deal = filingsSamples['deals.create'](new Map());
    const result = await city.service.call('deals.create', deal, { actor: city.adminActor });
    expect(result.ok).toBe(true);
  });
});
