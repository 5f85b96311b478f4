import ExcelJS from 'exceljs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndicatorReport } from '../../shared/contract/indicators';
import { expect, login, screenshot, test } from './fixtures';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE = path.resolve(HERE, '../../../shared/samples/sample-import.xlsx');

test('the charts show progress against targets, open the deals behind a bar and export as PNG and xlsx', async ({ page, desk }) => {
  expect(desk.cli(['import', SAMPLE]).status).toBe(0);
  const report = JSON.parse(desk.cli(['indicators', '--region', '140000', '--year', '2023', '--json']).stdout) as IndicatorReport;

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

  const [xlsx] = await Promise.all([page.waitForEvent('download'), progress.getByRole('button', { name: /导出表格/ }).click()]);
  expect(xlsx.suggestedFilename()).toBe('累计完成进度：中小微企业受让专利数.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await xlsx.path());
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(2).getCell(2).value).toBe('累计值（项）');
  expect(sheet.getRow(sheet.rowCount).getCell(2).value).toBe(String(report.indicators.I1.cumulative));

  await progress.getByText('图表').click();
  const [png] = await Promise.all([page.waitForEvent('download'), progress.getByRole('button', { name: /导出图片/ }).click()]);
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
  await expect(page.getByText(firstContract).first()).toBeVisible();
  await page.goBack();
  await progress.locator('.recharts-bar-rectangle').last().click();
  await page.getByRole('dialog').getByRole('link', { name: '在“备案登记”中查看这一年度的交易' }).click();
  await expect(page.getByRole('heading', { name: '备案登记', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/#\/filings\/deals\?year=2023/);
  await screenshot(page, 'charts-to-filings');
});
