import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { downloadFromExportMenu, expect, login, screenshot, test } from './fixtures';

const CSV = [
  '合同编号,交易类型,许可方式,专利号,专利名称,申请日,专利状态,让与方名称,让与方统一社会信用代码,让与方类型,让与方所在地,受让方名称,受让方统一社会信用代码,受让方类型,受让方规模,受让方所在地,所属产业,合同日期,备案日期,成交金额（万元）,许可期限止',
  'HT-EX-ALPHA,转让,,202010310978.3,一种煤矸石综合利用方法,2020-04-21,有效,太原理工大学,121400004052002036,高校,140100,山西示例科技有限公司,91140100MA0K123488,企业,小型,140100,节能环保,2023-02-01,2023-02-10,12.5,',
  'HT-EX-BETA,转让,,202311303481.9,一种光伏组件清洗装置,2023-10-12,有效,太原理工大学,121400004052002036,高校,140100,山西示例科技有限公司,91140100MA0K123488,企业,小型,140100,节能环保,2023-11-01,2023-11-10,7,',
].join('\n');

test('a record list exports what it shows, filters applied, as CSV and as Excel', async ({ page, desk }) => {
  test.slow(); // an import and two downloads on a shared 2-core machine
  const file = path.join(desk.dir, '交易.csv');
  fs.writeFileSync(file, CSV, 'utf8');
  const imported = desk.cli(['import', file]);
  expect(imported.status, imported.stderr).toBe(0);

  await login(page, desk);
  await page.getByRole('menuitem', { name: '备案登记' }).click();
  await expect(page.getByText('HT-EX-ALPHA')).toBeVisible();
  await page.getByLabel('搜索').fill('HT-EX-BETA');
  await page.getByLabel('搜索').press('Enter');
  await expect(page.getByText('HT-EX-ALPHA')).toHaveCount(0);
  await expect(page.getByText('HT-EX-BETA')).toBeVisible();
  await screenshot(page, 'list-export');

  const csv = await downloadFromExportMenu(page, '导出 CSV（Excel 可直接打开）');
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  expect(csvText).toContain('HT-EX-BETA');
  expect(csvText).not.toContain('HT-EX-ALPHA');

  const xlsx = await downloadFromExportMenu(page, '导出 Excel（.xlsx）');
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await xlsx.path());
  const cells = book.worksheets[0]!.getSheetValues().flat().map(String).join(' ');
  expect(cells).toContain('HT-EX-BETA');
  expect(cells).not.toContain('HT-EX-ALPHA');
});
