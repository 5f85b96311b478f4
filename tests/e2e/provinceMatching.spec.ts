import type { Locator, Page } from '@playwright/test';
import { callAsPage, expect, login, screenshot, test as base, type Desk } from './fixtures';
import { provinceWithTwoCities } from './provinceStore';

type FunnelRow = Record<string, number | string | null> & { conversion: Record<string, number | null> };
type Funnel = { year: number; regions: FunnelRow[]; total: FunnelRow };

// A university patent 太原 offers and the need of a 长治 SME it answers, as the cities' sheets 专利供给 and 技术需求 hold them.
const TAIYUAN_OFFER = {
  patentNumber: '202311303481.9',
  title: '一种石墨烯改性锂离子电池负极材料的制备方法',
  csv: `专利号,专利名称,权利人名称,权利人统一社会信用代码,权利人类型,权利人所在地,所属产业,IPC分类号,关键词,摘要,转化意向与报价,开放许可,开放许可使用费（万元）,开放许可期限（年）,状态
202311303481.9,一种石墨烯改性锂离子电池负极材料的制备方法,太原理工大学,,高校,太原市,碳基新材料,H01M 4/36,石墨烯 负极材料 锂离子电池,提高锂离子电池负极材料的循环寿命和倍率性能。,许可或转让，面议,否,,,在库
`,
};
const CHANGZHI_NEED = {
  needNo: 'CZ-XQ-001',
  enterprise: '长治市潞安新能源科技有限公司',
  csv: `需求编号,企业名称,企业统一社会信用代码,企业规模,企业所在地,所属产业,需求描述,关键词,预算（万元）,紧迫程度
CZ-XQ-001,长治市潞安新能源科技有限公司,,小型,长治市,碳基新材料,希望提高锂离子电池负极材料的循环寿命,负极材料 锂离子电池,50,较急
`,
};

const test = base.extend<{ province: Desk }>({
  // Two cities import their sample workbooks (with the pool sheets 专利供给 and 技术需求) and report them as batch files.
  province: async ({}, use) => {
    const { desk, stop } = await provinceWithTwoCities([
      { region: '140100', seed: 1, csv: [TAIYUAN_OFFER.csv] },
      { region: '140400', seed: 2, csv: [CHANGZHI_NEED.csv] },
    ]);
    await use(desk);
    stop();
  },
});
// Two city desks, their sample workbooks and batches come before the page: a while on a shared machine.
test.describe.configure({ timeout: 300_000 });

test("the province's 供需对接 page shows each region's funnel as synced, the province's total, and a region's funnel as a chart", async ({
  page,
  province,
}) => {
  await login(page, province);
  await page.getByRole('menuitem', { name: '供需对接' }).click();
  await expect(page.getByRole('heading', { name: '供需对接', exact: true })).toBeVisible();

  // The pool was imported this year, so this year's funnel holds it.
  const year = Number(new Date().toISOString().slice(0, 4));
  const answer = await callAsPage(page, 'province.poolFunnel', { year });
  expect(answer.ok, answer.error?.message).toBe(true);
  const funnel = answer.value as Funnel;
  const table = page.locator('.ant-card').filter({ hasText: '各地区供需对接漏斗' });
  for (const region of [
    ...funnel.regions.filter((r) => r.region === '140100' || r.region === '140400'),
    funnel.total,
  ]) {
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
  await table.getByRole('row').filter({ hasText: '长治市' }).click();
  await expect(chart).toContainText(`长治市 ${year} 年供需对接漏斗`);
  await expect(chart).toContainText(`入库专利（件）`);
  await screenshot(page, 'province-pool-funnel');

  // Read-only: the province records nothing in the pool.
  const save = await callAsPage(page, 'matching.needs.save', {
    record: { needNo: 'SJ-1', enterprise: { name: '某企业', kind: '企业' }, needText: '测试' },
  });
  expect(save).toMatchObject({ ok: false, error: { code: 'WRONG_INSTALLATION' } });
});

/** Opens a tab of the 供需对接 page, searches its list and gives the row that holds `text`. */
async function findIn(page: Page, tab: string, search: string, text: string): Promise<Locator> {
  await page.getByRole('tab', { name: tab }).click();
  await page.getByLabel(search).fill(text);
  await page.getByLabel(search).press('Enter');
  return page.getByRole('row').filter({ hasText: text });
}

test("the province opens a need 长治 reported and sees the patents of every city ranked, 太原's with its reasons; and a patent's enterprises", async ({
  page,
  province,
}) => {
  await login(page, province);
  await page.getByRole('menuitem', { name: '供需对接' }).click();

  const row = await findIn(page, '技术需求（跨地市匹配）', '搜索技术需求', CHANGZHI_NEED.needNo);
  await expect(row.getByRole('cell').first()).toHaveText('长治市');
  // Read-only: no way to add or change a city's need.
  await expect(page.getByRole('button', { name: '新增技术需求' })).toHaveCount(0);
  await expect(row.getByRole('button', { name: '修改' })).toHaveCount(0);
  await row.getByRole('button', { name: '匹配专利' }).click();

  await expect(page.getByRole('heading', { name: `匹配专利：${CHANGZHI_NEED.enterprise}` })).toBeVisible();
  const candidates = page.locator('.ant-card').filter({ hasText: '候选专利' });
  const line = candidates.getByRole('row').filter({ hasText: TAIYUAN_OFFER.patentNumber });
  await expect(line.getByRole('cell').first()).toHaveText('1');
  await expect(line).toContainText(TAIYUAN_OFFER.title);
  await expect(line.getByRole('cell').nth(2)).toHaveText('太原市');
  for (const reason of ['同属产业：碳基新材料', '省内：太原市 ↔ 长治市', '文本相似度'])
    await expect(line.getByTestId('reasons')).toContainText(reason);
  await expect(page.getByRole('button', { name: '记录对接' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '转为交易' })).toHaveCount(0);
  await screenshot(page, 'province-need-matches');

  // 返回 comes back to the list it was opened from.
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByRole('tab', { name: '技术需求（跨地市匹配）', selected: true })).toBeVisible();

  // The other way: the 太原 patent's likely licensees, in every city.
  const offer = await findIn(page, '专利供给', '搜索专利供给', TAIYUAN_OFFER.patentNumber);
  await expect(offer.getByRole('cell').first()).toHaveText('太原市');
  await expect(offer.getByRole('button', { name: '修改' })).toHaveCount(0);
  await offer.getByRole('button', { name: '推荐企业' }).click();
  await expect(page.getByRole('heading', { name: `推荐企业：${TAIYUAN_OFFER.title}` })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: CHANGZHI_NEED.enterprise })).toContainText('长治市');
  await screenshot(page, 'province-supply-matches');
});
