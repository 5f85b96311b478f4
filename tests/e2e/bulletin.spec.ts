import { test as base, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndicatorReport } from '../../shared/contract/indicators';
import { formatIndicator, formatRate } from '../../shared/indicators/format';
import type { IndicatorId } from '../../shared/indicators/ids';
import { CITY_REGIONS } from '../../shared/domain/regions';
import { ADMIN, apiAs, expect, login, openPrintView, screenshot, type Desk } from './fixtures';
import { provinceWithTwoCities } from './provinceStore';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCREENS = path.resolve(HERE, '.artifacts/screens');
const YEAR = 2023;
/** The province's workbench opens on the first of its sections. */
const LANDING = '首页';

// One province store for the file: setting it up (two city desks, their batches, the intake) takes a while.
const test = base.extend<object, { province: Desk }>({
  province: [
    async ({}, use) => {
      const { desk, stop } = await provinceWithTwoCities([
        { region: '140100', seed: 1 },
        { region: '140200', seed: 2 },
      ]);
      // Targets set by the province for the two cities; 太原's I1 target of 1 makes a completion rate of thousands of percent.
      const { call, api } = await apiAs(desk, ADMIN);
      const target = (regionCode: string, indicator: IndicatorId, value: number) => ({
        regionCode,
        indicator,
        yearFrom: 2021,
        yearTo: 2023,
        target: value,
        requiredGrowth: null,
      });
      const saved = await call('targets.save', {
        targets: [
          target('140100', 'I1', 1),
          target('140100', 'I2', 400),
          target('140100', 'I3', 40),
          target('140100', 'I5', 500_000_000),
          target('140100', 'I5a', 30),
          target('140200', 'I1', 300),
          target('140200', 'I2', 150),
          target('140200', 'I3', 100),
        ],
      });
      expect(saved.ok, saved.error?.message).toBe(true);
      await api.dispose();
      await use(desk);
      stop();
    },
    { scope: 'worker', timeout: 300_000 },
  ],
});

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const reports = new Map<string, IndicatorReport>();
/** `patent-desk indicators --region R --year Y --json` on the province store (asked once per region: the store does not change). */
function reportOf(desk: Desk, region: string): IndicatorReport {
  if (!reports.has(region))
    reports.set(
      region,
      JSON.parse(
        desk.cli(['indicators', '--region', region, '--year', String(YEAR), '--json']).stdout,
      ) as IndicatorReport,
    );
  return reports.get(region)!;
}

/** Cells whose text runs over their border, laid out at the width of A4 between its margins. */
async function overflowingCells(page: Page): Promise<string[]> {
  await page.setViewportSize({ width: 703, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  return page.evaluate(() =>
    [...document.querySelectorAll('.print-root td')]
      .filter((td) => td.scrollWidth > td.clientWidth + 1)
      .map((td) => td.textContent ?? ''),
  );
}

async function savePdf(page: Page, file: string): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  return pdfText(file)
    .split('\f')
    .filter((p) => p.trim() !== '');
}

/** The `nth` line (0: the first) of `text` after `heading` that starts with `name`, split into its cells. */
function rowAfter(text: string, heading: string, name: string, nth = 0): string[] {
  const start = text.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const line = text
    .slice(start)
    .split('\n')
    .filter((l) => l.trim().startsWith(`${name} `))[nth];
  expect(line, `${heading} 中 ${name} 的一行`).toBeDefined();
  return line!.trim().split(/\s+/);
}

const tableName = (code: string, name: string) => (code === '140171' ? '综改区' : name);

test.setTimeout(300_000);

test("the province's 定期通报 is saved as an A4 PDF holding every region's figures as the indicators command reports them", async ({
  page,
  province,
}) => {
  await login(page, province, ADMIN, LANDING);
  await page.getByRole('menuitem', { name: '定期通报' }).click();
  await expect(page.getByRole('heading', { name: '定期通报', exact: true })).toBeVisible();
  await expect(page.locator('#root').getByTestId('bulletin-sheet')).toBeVisible();
  await screenshot(page, 'bulletin');

  await openPrintView(page, `#/bulletin/print?year=${YEAR}&kind=quarter&number=4`);
  expect(await overflowingCells(page)).toEqual([]);
  const pdf = path.join(province.dir, 'bulletin.pdf');
  const pages = await savePdf(page, pdf);
  const text = pages.join('\n');

  expect(text).toContain('山西省专利转化专项计划定期通报');
  expect(text).toContain(`（${YEAR}年第四季度）`);
  expect(text).toContain('序时进度');
  expect(text).toMatch(/落后于序时进度/);
  for (const region of CITY_REGIONS) {
    const { indicators } = reportOf(province, region.code);
    const progress = (id: IndicatorId) => [
      formatIndicator(id, indicators[id].cumulative),
      formatIndicator(id, indicators[id].target),
      formatRate(indicators[id].completion),
    ];
    const name = tableName(region.code, region.name);
    expect(rowAfter(text, '二、各地区主要指标完成情况', name), `${name} I1–I3`).toEqual([
      name,
      ...progress('I1'),
      ...progress('I2'),
      ...progress('I3'),
    ]);
    expect(rowAfter(text, '二、各地区主要指标完成情况', name).length).toBe(10);
    // The second table of part 二: I5, I5a, 综合完成率 and 排名.
    const second = rowAfter(text, '二、各地区主要指标完成情况', name, 1);
    expect(second.slice(0, 7), `${name} I5, I5a`).toEqual([name, ...progress('I5'), ...progress('I5a')]);
    const others = (['I1a', 'I1b', 'I2a', 'I2b', 'I4', 'I4a'] as const).map((id) =>
      formatIndicator(id, indicators[id].cumulative),
    );
    expect(rowAfter(text, '三、各地区其他指标累计值', name), `${name} 其他指标`).toEqual([name, ...others]);
  }
  // 太原's completion of thousands of percent is there, in its cell.
  expect(text).toContain(formatRate(reportOf(province, '140100').indicators.I1.completion));
  const total = reportOf(province, '140000').indicators;
  expect(rowAfter(text, '二、各地区主要指标完成情况', '全省合计')).toEqual([
    '全省合计',
    ...(['I1', 'I2', 'I3'] as const).flatMap((id) => [
      formatIndicator(id, total[id].cumulative),
      formatIndicator(id, total[id].target),
      formatRate(total[id].completion),
    ]),
  ]);

  for (const n of [1, pages.length]) {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      String(n),
      '-l',
      String(n),
      '-singlefile',
      pdf,
      path.join(SCREENS, `bulletin-page${n}`),
    ]);
    expect(fs.existsSync(path.join(SCREENS, `bulletin-page${n}.png`))).toBe(true);
  }
});

test('the province prints the 成效评价表 of all twelve regions into one PDF, a page break between regions', async ({
  page,
  province,
}) => {
  await login(page, province, ADMIN, LANDING);
  await page.getByRole('menuitem', { name: '成效评价' }).click();
  await expect(page.getByRole('heading', { name: '成效评价', exact: true })).toBeVisible();

  await openPrintView(page, `#/evaluation/print?all=1&year=${YEAR}`);
  expect(await overflowingCells(page)).toEqual([]);
  const pdf = path.join(province.dir, 'evaluation-all.pdf');
  const pages = await savePdf(page, pdf);
  expect(pages.length).toBeGreaterThanOrEqual(12);
  for (const region of CITY_REGIONS) {
    const first = pages.findIndex((p) => p.includes(`地区：${region.name}`));
    expect(first, region.name).toBeGreaterThanOrEqual(0);
    // Each region starts on a page of its own.
    expect(pages.filter((p) => p.includes('地区：')).every((p) => (p.match(/地区：/g) ?? []).length === 1)).toBe(true);
    const { indicators } = reportOf(province, region.code);
    expect(pages[first], `${region.name} I1 累计`).toContain(formatIndicator('I1', indicators.I1.cumulative));
  }
  const taiyuan = pages.find((p) => p.includes('地区：太原市'))!;
  expect(taiyuan).toContain(formatRate(reportOf(province, '140100').indicators.I1.completion));
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
    path.join(SCREENS, 'bulletin-evaluation-all-page1'),
  ]);
});
