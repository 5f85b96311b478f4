import { expect, login, screenshot, test } from './fixtures';

test('an administrator sets a city target and the scoring scheme, and the sheet shows both', async ({ page, desk }) => {
  await login(page, desk);
  await page.evaluate(() => (location.hash = '#/settings'));
  await page.getByRole('tab', { name: '目标与基期' }).click();
  await expect(page.getByLabel('I1 目标值')).toBeVisible();

  // A wrong cell is explained beside it and nothing is saved.
  await page.getByLabel('I1 目标值').fill('十二');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('应填写非负整数（项）')).toBeVisible();

  await page.getByLabel('I1 目标值').fill('120');
  await page.getByLabel('I5 目标值').fill('5000.5');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/已保存 2 项目标/)).toBeVisible();
  await screenshot(page, 'settings-targets');

  await page.getByRole('tab', { name: '评分方案' }).click();
  await expect(page.getByText('当前为第 0 版（默认方案）')).toBeVisible();
  await page.getByLabel('I1 中小微企业受让专利数').fill('25');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText('已保存为评分方案第 1 版')).toBeVisible();
  await screenshot(page, 'settings-scoring');

  await page.evaluate(() => (location.hash = '#/evaluation?region=140100&year=2023'));
  const sheet = page.locator('#root').getByTestId('sheet-140100');
  await expect(sheet.getByText('评分方案：第 1 版')).toBeVisible();
  await expect(
    sheet.getByRole('row', { name: /I1 中小微企业受让/ }).getByRole('cell', { name: '120', exact: true }),
  ).toBeVisible();
  await expect(
    sheet.getByRole('row', { name: /I5 专利质押融资金额/ }).getByRole('cell', { name: '5,000.50', exact: true }),
  ).toBeVisible();
});
