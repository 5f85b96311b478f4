import { callAsPage, expect, login, pickOption, screenshot, test } from './fixtures';

test.describe.configure({ timeout: 180_000 });
const patient = expect.configure({ timeout: 30_000 });

test('a caseworker pools a patent and a need by form, sees ranked matches with reasons, records a 对接 and turns it into a deal', async ({
  page,
  desk,
}) => {
  await login(page, desk);
  // Another offer in the pool, about something else in part: the ranking has to put the right one first.
  const other = await callAsPage(page, 'matching.supply.save', {
    record: {
      patentNumber: '202311352019.8',
      title: '一种煤矿带式输送机托辊的耐磨涂层',
      owner: { name: '中国煤炭科学研究总院太原研究院', kind: '科研院所', regionCode: '140100' },
      industry: '煤机智能制造装备',
      keywords: '托辊，耐磨涂层',
      abstract: '一种用于煤矿带式输送机托辊的耐磨涂层，延长托辊寿命。',
    },
  });
  expect(other.ok, other.error?.message).toBe(true);

  await page.getByRole('menuitem', { name: '供需对接' }).click();
  await expect(page.getByRole('tab', { name: '专利供给' })).toBeVisible();
  await page.getByRole('button', { name: '新增专利供给' }).click();
  await page.getByLabel('专利号', { exact: true }).fill('ZL202311303481.9');
  await page.getByLabel('专利名称', { exact: true }).fill('一种石墨烯改性锂离子电池负极材料的制备方法');
  await page.getByLabel('权利人名称').fill('太原理工大学');
  await pickOption(page, '权利人所在地', '太原市');
  await pickOption(page, '所属产业', '碳基新材料');
  await page.getByLabel('IPC分类号').fill('C01B 32/184');
  await page.getByLabel('关键词').fill('石墨烯，负极材料，锂离子电池');
  await page.getByLabel('摘要').fill('石墨烯包覆的硅碳负极材料，显著提高锂离子电池的循环寿命。');
  await screenshot(page, 'matching-supply-form');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const offered = page.getByRole('row').filter({ hasText: '202311303481.9' });
  await patient(offered).toContainText('太原理工大学');
  await expect(offered).toContainText('在库');
  await screenshot(page, 'matching-pool');

  await page.getByRole('tab', { name: '技术需求' }).click();
  await page.getByRole('button', { name: '新增技术需求' }).click();
  await page.getByLabel('需求编号').fill('XQ-2024-001');
  await page.getByLabel('企业名称').fill('长治市潞安新能源科技有限公司');
  await pickOption(page, '企业所在地', '长治市');
  await pickOption(page, '企业规模', '小型');
  await pickOption(page, '所属产业', '碳基新材料');
  await page.getByLabel('需求描述').fill('我公司生产电动车电池，希望提高锂离子电池负极材料的循环寿命');
  await page.getByLabel('关键词').fill('负极材料');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const need = page.getByRole('row').filter({ hasText: 'XQ-2024-001' });
  await patient(need).toContainText('长治市潞安新能源科技有限公司');

  await need.getByRole('button', { name: '匹配专利' }).click();
  await expect(page.getByRole('heading', { name: '匹配专利：长治市潞安新能源科技有限公司' })).toBeVisible();
  const candidates = page.locator('.ant-card').filter({ hasText: '候选专利' }).locator('tbody tr');
  await patient(candidates.first()).toContainText('一种石墨烯改性锂离子电池负极材料的制备方法');
  const reasons = candidates.first().getByTestId('reasons');
  await expect(reasons).toContainText('同属产业：碳基新材料');
  await expect(reasons).toContainText('IPC C01B 32/184 属于碳基新材料');
  await expect(reasons).toContainText('关键词相同：');
  await expect(reasons).toContainText('省内：太原市 ↔ 长治市');
  await expect(candidates.nth(1)).toContainText('托辊');
  await screenshot(page, 'matching-need-matches');

  await candidates.first().getByRole('button', { name: '记录对接' }).click();
  await page.getByLabel('对接活动').fill('长治市专利供需对接会');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const records = page.locator('.ant-card').filter({ hasText: '对接记录' });
  const record = records.getByRole('row').filter({ hasText: '长治市专利供需对接会' });
  await patient(record).toContainText('洽谈中');

  await record.getByRole('button', { name: '转为交易' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('受让方名称')).toHaveValue('长治市潞安新能源科技有限公司');
  await dialog.getByLabel('合同编号').fill('XK-2024-0601');
  await dialog.getByLabel('成交金额', { exact: true }).fill('30');
  await screenshot(page, 'matching-deal-from-matchmaking');
  await dialog.getByRole('button', { name: '登记交易' }).click();
  await patient(record).toContainText('已成交');
  await expect(record.getByRole('link', { name: 'XK-2024-0601' })).toBeVisible();
  await screenshot(page, 'matching-matchmaking-dealt');

  // The deal is a deal like any other, and the pool shows the patent as dealt with its contract.
  await record.getByRole('link', { name: 'XK-2024-0601' }).click();
  await patient(page.getByRole('heading', { name: '专利交易详情', exact: true })).toBeVisible();
  // The deal says which 对接 it came from, and that 对接 opens from it and leads back to the deal.
  const origin = page.locator('.ant-card').filter({ hasText: '来源对接' });
  await expect(origin).toContainText('XQ-2024-001 · 长治市潞安新能源科技有限公司');
  await expect(origin).toContainText('202311303481.9 一种石墨烯改性锂离子电池负极材料的制备方法');
  await expect(origin).toContainText('长治市专利供需对接会');
  await screenshot(page, 'matching-deal-origin');
  await origin.getByRole('link').click();
  await patient(page.getByRole('heading', { name: '对接详情', exact: true })).toBeVisible();
  await expect(page.getByText('长治市潞安新能源科技有限公司')).toBeVisible();
  await screenshot(page, 'matching-matchmaking-detail');
  await page.getByRole('link', { name: 'XK-2024-0601' }).click();
  await patient(page.getByRole('heading', { name: '专利交易详情', exact: true })).toBeVisible();
  await page.getByRole('menuitem', { name: '供需对接' }).click();
  await expect(page.getByRole('tab', { name: '专利供给' })).toBeVisible();
  const dealt = page.getByRole('row').filter({ hasText: '202311303481.9' });
  await patient(dealt).toContainText('已成交');
  await expect(dealt).toContainText('XK-2024-0601');
  await expect(page.getByText('已成交（件）')).toBeVisible();
});

test('an SME takes an open license from the 开放许可 tab: one step records a 许可 deal with the declared fee and term, and the patent stays offered', async ({
  page,
  desk,
}) => {
  await login(page, desk);
  const offer = await callAsPage(page, 'matching.supply.save', {
    record: {
      patentNumber: '202311303481.9',
      title: '一种石墨烯改性锂离子电池负极材料的制备方法',
      owner: { name: '太原理工大学', kind: '高校', regionCode: '140100' },
      industry: '碳基新材料',
      keywords: '石墨烯，负极材料',
      openLicense: true,
      openLicenseFeeFen: 2_000_000,
      openLicenseYears: 3,
    },
  });
  expect(offer.ok, offer.error?.message).toBe(true);

  await page.getByRole('menuitem', { name: '供需对接' }).click();
  await page.getByRole('tab', { name: '开放许可' }).click();
  const row = page.getByRole('row').filter({ hasText: '202311303481.9' });
  await patient(row).toContainText('2.00 万元 · 3 年');
  await row.getByRole('button', { name: '取得许可' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('取得开放许可：一种石墨烯改性锂离子电池负极材料的制备方法');
  // Prefilled from the declaration: a 许可 by 开放许可, the declared fee, the term from today.
  await expect(dialog.locator('.ant-select').filter({ has: page.getByLabel('许可方式') })).toContainText('开放许可');
  await expect(dialog.getByLabel('成交金额', { exact: true })).toHaveValue(/^2(\.0+)?$/);
  await expect(dialog.getByLabel('许可期限止')).not.toHaveValue('');
  await dialog.getByLabel('合同编号').fill('KF-2026-001');
  await dialog.getByLabel('受让方名称').fill('长治市潞安新能源科技有限公司');
  await screenshot(page, 'matching-open-license-take');
  await dialog.getByRole('button', { name: '登记交易' }).click();
  await patient(page.getByText('已登记交易（KF-2026-001）')).toBeVisible();

  // The deal is recorded as 许可 · 开放许可 at the declared fee; the patent is still offered to other takers.
  await patient(row).toContainText('KF-2026-001');
  const deals = await callAsPage(page, 'deals.list', { search: 'KF-2026-001' });
  expect(deals.ok, deals.error?.message).toBe(true);
  expect((deals.value as { rows: unknown[] }).rows).toEqual([
    expect.objectContaining({ contractNo: 'KF-2026-001', kind: '许可', licenseMode: '开放许可', amountFen: 2_000_000 }),
  ]);
  await page.getByRole('tab', { name: '专利供给' }).click();
  await patient(page.getByRole('row').filter({ hasText: '202311303481.9' })).toContainText('在库');
});
