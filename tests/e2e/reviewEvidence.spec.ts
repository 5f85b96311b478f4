import { patentCheckChar } from '../../shared/domain/patentNumber';
import { expect, login, screenshot, test } from './fixtures';

const HEADER =
  '合同编号,交易类型,许可方式,专利号,专利名称,申请日,专利状态,让与方名称,让与方统一社会信用代码,让与方类型,让与方所在地,受让方名称,受让方统一社会信用代码,受让方类型,受让方规模,受让方所在地,所属产业,合同日期,备案日期,成交金额（万元）,许可期限止';
const patent = (serial: number) => {
  const digits = `20201${String(serial).padStart(7, '0')}`;
  return `${digits}.${patentCheckChar(digits)}`;
};
/** Eleven one-invention transfers a month apart: ten around 10 万元 and one at 900 万元; none has a payment. */
const PRICES_WAN = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 900];
const CSV = [
  HEADER,
  ...PRICES_WAN.map((wan, i) => {
    const month = String(i + 1).padStart(2, '0');
    return `HT-P-${i + 1},转让,,${patent(100 + i)},一种装置${i},2020-03-01,有效,太原智芯理工学院,12140100000010006F,高校,140100,晋中锐达智能装备有限公司,911407000000107944,企业,小型,140700,光伏,2022-${month}-03,2022-${month}-10,${wan},`;
  }),
].join('\n');

test('the detail of a price outlier shows its group with the deal marked, and an unpaid deal its payments against the amount', async ({
  page,
  desk,
}) => {
  const file = `${desk.dir}/交易.csv`;
  await import('node:fs').then((fs) => fs.writeFileSync(file, CSV, 'utf8'));
  const imported = desk.cli(['import', file, '--json']);
  expect(imported.status, imported.stderr).toBe(0);

  await login(page, desk);
  await page.getByRole('menuitem', { name: '异常审核' }).click();
  await page.getByRole('row').filter({ hasText: 'R05 价格离群' }).click();
  await expect(page.getByText('合同 HT-P-11 每件专利 900.00 万元')).toBeVisible();
  await expect(page.getByText('同组单件价格分布（红色为本笔交易）')).toBeVisible();
  await expect(page.getByLabel('同组单件价格分布').locator('.recharts-bar-rectangle path[fill="#cf1322"]')).toHaveCount(
    1,
  );
  await screenshot(page, 'review-price-outlier');

  await page.getByRole('button', { name: '返回审核队列' }).click();
  await page.getByRole('row').filter({ hasText: 'R06 价款未到账' }).filter({ hasText: 'HT-P-1' }).first().click();
  await expect(page.getByText('到账与成交金额')).toBeVisible();
  await expect(page.getByLabel('到账与成交金额').getByText(/成交金额 \d+\.\d{2} 万元/)).toBeVisible();
  await screenshot(page, 'review-unpaid');
});

test('evidence reads like the rest of the desk: region names, amounts with separators in 万元 or 元, no jargon, 今天 instead of 0 天前', async ({
  page,
  desk,
}) => {
  test.slow(); // an import of fifteen deals and four rules' flags, then three detail pages, on a shared 2-core machine
  const rows = CSV.split('\n').map((line) => line.replace(/,900,$/, ',1500,'));
  rows.push(
    // A nominal price: 1 元.
    `HT-NOM,转让,,${patent(300)},一种名义价格装置,2020-03-01,有效,太原智芯理工学院,12140100000010006F,高校,140100,晋中锐达智能装备有限公司,911407000000107944,企业,小型,140700,光伏,2022-05-03,2022-05-10,0.0001,`,
    // A round trip of another patent: R01 and R02, each leg in evidence with its region.
    `HT-RT-1,转让,,${patent(301)},一种往返装置,2020-03-01,有效,太原智芯理工学院,12140100000010006F,高校,140100,晋中锐达智能装备有限公司,911407000000107944,企业,小型,140700,光伏,2022-02-03,2022-02-10,20,`,
    `HT-RT-2,转让,,${patent(301)},一种往返装置,2020-03-01,有效,晋中锐达智能装备有限公司,911407000000107944,企业,140700,太原智芯理工学院,12140100000010006F,高校,,140100,光伏,2022-06-03,2022-06-10,20,`,
  );
  const file = `${desk.dir}/交易.csv`;
  await import('node:fs').then((fs) => fs.writeFileSync(file, rows.join('\n'), 'utf8'));
  const imported = desk.cli(['import', file, '--json']);
  expect(imported.status, imported.stderr + imported.stdout).toBe(0);

  await login(page, desk);
  await page.getByRole('menuitem', { name: '异常审核' }).click();
  await page.getByRole('row').filter({ hasText: 'R05 价格离群' }).filter({ hasText: 'HT-P-11' }).click();
  await expect(page.getByText('合同 HT-P-11 每件专利 1,500.00 万元')).toBeVisible();
  await expect(page.getByText('（今天）')).toBeVisible();
  await expect(page.getByText(/0 天前/)).toHaveCount(0);
  await expect(page.getByText('MAD', { exact: true })).toHaveCount(0);
  const chart = page.getByLabel('同组单件价格分布');
  await expect(chart.locator('.recharts-cartesian-axis-tick-value').first()).toBeVisible();
  // The price ticks (the count axis has bare numbers): none reads as zero.
  const ticks = (await chart.locator('.recharts-cartesian-axis-tick-value').allTextContents()).filter((t) =>
    /元$/.test(t.trim()),
  );
  expect(ticks.length).toBeGreaterThan(1);
  expect(ticks.filter((t) => /^0(\.0+)? (万元|元)$/.test(t.trim()))).toEqual([]);
  const dealBar = chart.locator('.recharts-bar-rectangle path[fill="#cf1322"]');
  expect((await dealBar.boundingBox())!.height).toBeGreaterThanOrEqual(5);
  await screenshot(page, 'review-evidence-price');

  await page.getByRole('button', { name: '返回审核队列' }).click();
  await page.getByRole('row').filter({ hasText: 'R04' }).click();
  await expect(page.getByText(/成交金额为 1\.00 元，低于/).first()).toBeVisible();
  await expect(page.getByText(/0\.000000/)).toHaveCount(0);

  await page.getByRole('button', { name: '返回审核队列' }).click();
  await page.getByRole('row').filter({ hasText: 'R01 重复转让' }).click();
  await expect(page.getByText('太原市', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/^\d{6}$/)).toHaveCount(0);
  await screenshot(page, 'review-evidence-regions');
});
