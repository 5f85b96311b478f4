import { callAsPage, expect, login, screenshot, test as base, type Desk } from './fixtures';
import { provinceWithTwoCities } from './provinceStore';

type FunnelRow = Record<string, number | string | null> & { conversion: Record<string, number | null> };
type Funnel = { year: number; regions: FunnelRow[]; total: FunnelRow };

const test = base.extend<{ province: Desk }>({
  // Two cities import their sample workbooks (with the pool sheets 专利供给 and 技术需求) and report them as batch files.
  province: async ({}, use) => {
    const { desk, stop } = await provinceWithTwoCities([
      { region: '140100', seed: 1 },
      { region: '140200', seed: 2 },
    ]);
    await use(desk);
    stop();
  },
});
// Two city desks, their sample workbooks and batches come before the page: a while on a shared machine.
test.describe.configure({ timeout: 300_000 });

test("the province's 供需对接 page shows each region's funnel as synced, the province's total, and a region's funnel as a chart", async ({ page, province }) => {
  await login(page, province);
  await page.getByRole('menuitem', { name: '供需对接' }).click();
  await expect(page.getByRole('heading', { name: '供需对接', exact: true })).toBeVisible();

  // The pool was imported this year, so this year's funnel holds it.
  const year = Number(new Date().toISOString().slice(0, 4));
  const answer = await callAsPage(page, 'province.poolFunnel', { year });
  expect(answer.ok, answer.error?.message).toBe(true);
  const funnel = answer.value as Funnel;
  const table = page.locator('.ant-card').filter({ hasText: '各地区供需对接漏斗' });
  for (const region of [...funnel.regions.filter((r) => r.region === '140100' || r.region === '140200'), funnel.total]) {
    expect(region.supplies as number, `${region.regionName} 入库专利`).toBeGreaterThan(0);
    const row = table.getByRole('row').filter({ hasText: String(region.regionName) });
    await expect(row.getByRole('cell')).toHaveText([
      region.region === '140000' ? '山西省（合计）' : String(region.regionName),
      ...['supplies', 'needs', 'recommended', 'matchmakings', 'deals'].map((k) => String(region[k])),
      /%|—/,
      /%|—/,
      // 入库专利转化: the city funnel's 对接率, 成交率 and days to deal.
      region.conversion.matchRate === null ? '—' : `${((region.conversion.matchRate as number) * 100).toFixed(1)}%`,
      region.conversion.dealRate === null ? '—' : `${((region.conversion.dealRate as number) * 100).toFixed(1)}%`,
      region.conversion.avgDaysToDeal === null ? '—' : `${region.conversion.avgDaysToDeal} 天`,
    ]);
  }
  // A region with nothing synced shows zeros, not a gap.
  await expect(table.getByRole('row').filter({ hasText: '阳泉市' }).getByRole('cell').nth(1)).toHaveText('0');

  const chart = page.getByTestId('chart-pool-funnel');
  await expect(chart).toContainText(`山西省 ${year} 年供需对接漏斗`);
  await expect(chart.locator('.recharts-funnel-trapezoid')).toHaveCount(5);
  await table.getByRole('row').filter({ hasText: '大同市' }).click();
  await expect(chart).toContainText(`大同市 ${year} 年供需对接漏斗`);
  await expect(chart).toContainText(`入库专利（件）`);
  await screenshot(page, 'province-pool-funnel');

  // Read-only: the province records nothing in the pool.
  const save = await callAsPage(page, 'matching.needs.save', { record: { needNo: 'SJ-1', enterprise: { name: '某企业', kind: '企业' }, needText: '测试' } });
  expect(save).toMatchObject({ ok: false, error: { code: 'WRONG_INSTALLATION' } });
});
