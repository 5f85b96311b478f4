import ExcelJS from 'exceljs';
import path from 'node:path';
import type { IndicatorReport } from '../../shared/contract/indicators';
import { expect, login, pickOption, screenshot, test } from './fixtures';
import { writeSample } from './sampleWorkbook';

test('the charts show progress against targets, open the deals behind a bar and export as PNG and xlsx', async ({
  page,
  desk,
}) => {
  expect(desk.cli(['import', writeSample(desk)]).status).toBe(0);
  const report = JSON.parse(
    desk.cli(['indicators', '--region', '140000', '--year', '2023', '--json']).stdout,
  ) as IndicatorReport;

  await login(page, desk);
  await page.evaluate(() => (location.hash = '#/charts?region=140000&year=2023'));
  await expect(page.getByRole('heading', { name: '统计图表', exact: true })).toBeVisible();
  const progress = page.getByTestId('chart-progress');
  await expect(progress.getByText('累计完成进度', { exact: true })).toBeVisible();
  await expect(progress.getByText('目标 990 项')).toBeVisible();
  await expect(page.getByTestId('chart-regions')).toBeVisible();
  await expect(page.getByTestId('chart-industries')).toBeVisible();
  await expect(page.getByTestId('chart-monthly')).toBeVisible();
  await screenshot(page, 'charts');

  // The table view of the progress chart shows the cumulative value the CLI reports.
  await progress.getByText('表格').click();
  await expect(progress.getByRole('cell', { name: String(report.indicators.I1.cumulative) }).first()).toBeVisible();

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    progress.getByRole('button', { name: /导出表格/ }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe('累计完成进度：中小微企业受让专利数.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await xlsx.path());
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(2).getCell(2).value).toBe('累计值（项）');
  expect(sheet.getRow(sheet.rowCount).getCell(2).value).toBe(String(report.indicators.I1.cumulative));

  await progress.getByText('图表').click();
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    progress.getByRole('button', { name: /导出图片/ }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('累计完成进度：中小微企业受让专利数.png');

  // Click-through: the bar of 2023 lists the deals it counts.
  await progress.locator('.recharts-bar-rectangle').last().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('2023 年计入 I1 中小微企业受让专利数 的交易')).toBeVisible();
  await expect(drawer.getByText(/计入本项的交易 \d+ 笔，涉及专利 \d+ 项/)).toBeVisible();
  await expect(drawer.getByRole('link', { name: '在“备案登记”中查看这一年度的交易' })).toBeVisible();
  await screenshot(page, 'charts-deals');

  // A contract number opens that deal; the link below the count opens 备案登记 filtered to the year.
  const firstContract = (await drawer.getByRole('row').nth(1).getByRole('link').textContent())!;
  await drawer.getByRole('row').nth(1).getByRole('link').click();
  // The drawer itself shows the number: wait for the deal's own page, or going back would leave the charts page.
  await expect(page).toHaveURL(/#\/filings\/deals\/[^/?]+$/);
  await expect(drawer).toBeHidden();
  await expect(page.getByText(firstContract).first()).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: '统计图表', exact: true })).toBeVisible();
  await progress.locator('.recharts-bar-rectangle').last().click();
  await page.getByRole('dialog').getByRole('link', { name: '在“备案登记”中查看这一年度的交易' }).click();
  await expect(page.getByRole('heading', { name: '备案登记', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/#\/filings\/deals\?year=2023/);
  await screenshot(page, 'charts-to-filings');
});

const DEALS_CSV = [
  '合同编号,交易类型,许可方式,专利号,专利名称,申请日,专利状态,让与方名称,让与方统一社会信用代码,让与方类型,让与方所在地,受让方名称,受让方统一社会信用代码,受让方类型,受让方规模,受让方所在地,所属产业,合同日期,备案日期,成交金额（万元）,许可期限止',
  'HT-CH-1,转让,,202010310978.3,一种煤矸石综合利用方法,2020-04-21,有效,太原理工大学,121400004052002036,高校,140100,山西示例科技有限公司,91140100MA0K123488,企业,小型,140100,节能环保,2022-05-03,2022-05-10,3.3,',
  'HT-CH-2,转让,,202311303481.9,一种光伏组件清洗装置,2023-10-12,有效,太原理工大学,121400004052002036,高校,140100,山西示例科技有限公司,91140100MA0K123488,企业,小型,140100,节能环保,2023-11-01,2023-11-10,5.1,',
].join('\n');

test('the charts open on the latest year with data, say 暂无数据 and that no target is set (with the way to set it), and label axes without float noise', async ({
  page,
  desk,
}) => {
  test.slow(); // an import, then three pages with charts, on a shared 2-core machine
  const file = path.join(desk.dir, '交易.csv');
  await import('node:fs').then((fs) => fs.writeFileSync(file, DEALS_CSV, 'utf8'));
  const imported = desk.cli(['import', file]);
  expect(imported.status, imported.stderr).toBe(0);

  await login(page, desk);
  await page.getByRole('menuitem', { name: '统计图表' }).click();
  await expect(page.getByLabel('年度').locator('..').locator('..')).toContainText('2023 年');
  const progress = page.getByTestId('chart-progress');
  await expect(progress.getByText('未设 2023 年目标')).toBeVisible();
  await expect(page.getByText(/目标 — · 完成 —/)).toHaveCount(0);

  // A money indicator: every tick a plain number.
  await pickOption(page, '进度指标', 'I1a 受让成交金额');
  await expect(progress.locator('.recharts-cartesian-axis-tick-value').first()).toBeVisible();
  // The value ticks (the year axis reads “2023 年末”).
  const ticks = (await progress.locator('.recharts-cartesian-axis-tick-value').allTextContents()).filter(
    (t) => !t.endsWith('年末'),
  );
  expect(ticks.length).toBeGreaterThan(1);
  for (const tick of ticks) expect(tick).toMatch(/^\d{1,3}(,\d{3})*(\.\d{1,2})?$/);
  await screenshot(page, 'charts-latest-year');

  // A year without records: each chart says so.
  await pickOption(page, '年度', '2020 年');
  await expect(
    page.getByTestId('chart-monthly').locator('.ant-empty-description', { hasText: '暂无数据' }),
  ).toBeVisible();
  await expect(
    page.getByTestId('chart-industries').locator('.ant-empty-description', { hasText: '暂无数据' }),
  ).toBeVisible();

  await progress.getByRole('link', { name: '去设置' }).click();
  await expect(page.getByRole('tab', { name: '目标与基期', selected: true })).toBeVisible();

  await page.getByRole('menuitem', { name: '成效评价' }).click();
  await expect(page.getByText(/年的目标，因此各项得分均为 0/)).toBeVisible();
  await expect(page.getByRole('link', { name: '设置 → 目标与基期' })).toBeVisible();
});
