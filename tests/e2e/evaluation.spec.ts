import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndicatorReport } from '../../shared/contract/indicators';
import { formatIndicator } from '../../shared/indicators/format';
import { INDICATOR_IDS } from '../../shared/indicators/ids';
import { CITY_REGIONS } from '../../shared/domain/regions';
import { expect, login, openPrintView, screenshot, test } from './fixtures';
import { writeSample } from './sampleWorkbook';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCREENS = path.resolve(HERE, '.artifacts/screens');

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('the evaluation sheet of a region is saved as an A4 PDF that shows the region, year, every indicator and the score', async ({
  page,
  desk,
}) => {
  const imported = desk.cli(['import', writeSample(desk), '--json']);
  expect(imported.status, imported.stderr).toBe(0);
  const report = JSON.parse(
    desk.cli(['indicators', '--region', '140100', '--year', '2022', '--json']).stdout,
  ) as IndicatorReport;

  await login(page, desk);
  await page.evaluate(() => (location.hash = '#/evaluation?region=140100&year=2022'));
  await expect(page.getByRole('heading', { name: '成效评价', exact: true })).toBeVisible();
  await expect(page.locator('#root').getByTestId('sheet-140100')).toBeVisible();
  await screenshot(page, 'evaluation');

  await openPrintView(page, '#/evaluation/print?region=140100&year=2022');
  const total = (await page.getByTestId('print-root').getByTestId('sheet-total').textContent())!.trim();

  const pdf = path.join(desk.dir, 'sheet.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const text = pdfText(pdf);
  expect(text).toContain('专利转化专项计划成效评价表');
  expect(text).toContain('太原市');
  expect(text).toContain('2022 年');
  for (const id of INDICATOR_IDS) {
    expect(text, `${id} 本年值`).toContain(formatIndicator(id, report.indicators[id].year));
    expect(text, `${id} 的名称`).toContain(id);
  }
  expect(text).toContain(total);
  expect(text).toMatch(/填报人/);
  expect(text).toMatch(/审核人/);
  expect(text).toMatch(/负责人/);
  expect(text).toContain('单位盖章');
  expect(text).toMatch(/评分方案：第 0 版/);

  // Page 1 as a picture, for a person to look at.
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    path.join(SCREENS, 'evaluation-sheet-page1'),
  ]);
  expect(fs.existsSync(path.join(SCREENS, 'evaluation-sheet-page1.png'))).toBe(true);
});

test('all twelve regions print into one PDF, one sheet after another', async ({ page, desk }) => {
  expect(desk.cli(['import', writeSample(desk)]).status).toBe(0);
  await login(page, desk);
  await openPrintView(page, '#/evaluation/print?all=1&year=2023');
  const pdf = path.join(desk.dir, 'all.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const pages = pdfText(pdf)
    .split('\f')
    .filter((p) => p.trim() !== '');
  expect(pages.length).toBeGreaterThanOrEqual(12);
  for (const region of CITY_REGIONS) {
    expect(
      pages.some((p) => p.includes(`地区：${region.name}`)),
      region.name,
    ).toBe(true);
  }
});
