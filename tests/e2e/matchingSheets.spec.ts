import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  callAsPage,
  downloadFromExportMenu,
  expect,
  login,
  openPrintView,
  screenshot,
  test,
  type Desk,
} from './fixtures';
import type { Page } from '@playwright/test';

test.describe.configure({ timeout: 180_000 });

const university = { name: '太原理工大学', kind: '高校', regionCode: '140100' };
const OFFERS = [
  {
    patentNumber: '202311303481.9',
    title: '一种石墨烯改性锂离子电池负极材料的制备方法',
    owner: university,
    industry: '碳基新材料',
    ipcClass: 'C01B 32/184',
    keywords: '石墨烯，负极材料，锂离子电池',
    abstract: '石墨烯包覆的硅碳负极材料，提高锂离子电池的循环寿命。',
    openLicense: true,
    openLicenseFeeFen: 2_000_000,
    openLicenseYears: 3,
  },
  {
    patentNumber: '202010310978.3',
    title: '一种石墨烯导热膜的连续制备工艺',
    owner: university,
    industry: '碳基新材料',
    keywords: '石墨烯，导热膜',
    abstract: '连续制备石墨烯导热膜，用于电池散热。',
    askingTerms: '转让，报价 50 万元',
  },
  {
    patentNumber: '202311352019.8',
    title: '一种煤矿带式输送机托辊的耐磨涂层',
    owner: { name: '中国煤炭科学研究总院太原研究院', kind: '科研院所', regionCode: '140100' },
    industry: '煤机智能制造装备',
    keywords: '托辊，耐磨涂层',
    abstract: '延长托辊寿命。',
  },
];

async function pool(page: Page): Promise<string> {
  for (const record of OFFERS) {
    const saved = await callAsPage(page, 'matching.supply.save', { record });
    expect(saved.ok, saved.error?.message).toBe(true);
  }
  const need = await callAsPage(page, 'matching.needs.save', {
    record: {
      needNo: 'XQ-2024-001',
      enterprise: { name: '长治市潞安新能源科技有限公司', kind: '企业', regionCode: '140400', size: '小型' },
      industry: '碳基新材料',
      needText: '希望提高锂离子电池负极材料的循环寿命，并改善电池散热',
      keywords: '负极材料，石墨烯',
      budgetFen: 50_000_000,
    },
  });
  expect(need.ok, need.error?.message).toBe(true);
  return (need.value as { id: string }).id;
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function savePdf(page: Page, desk: Desk, name: string): Promise<string> {
  const pdf = path.join(desk.dir, name);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}

test('the 推荐清单 of a need prints as one A4 page: the enterprise, the need, the ranked patents with owners, terms and reasons', async ({
  page,
  desk,
}) => {
  await login(page, desk);
  const needId = await pool(page);
  const shown = await callAsPage(page, 'matching.forNeed', { needId, limit: 10 });
  const matches = (shown.value as { matches: { supply: { patentNumber: string } }[] }).matches;
  expect(
    matches
      .map((m) => m.supply.patentNumber)
      .slice(0, 2)
      .sort(),
  ).toEqual(['202010310978.3', '202311303481.9']);

  await openPrintView(page, `#/matching/needs/${needId}/print?limit=10`);
  await screenshot(page, 'matching-recommendation-print');
  const text = pdfText(await savePdf(page, desk, '推荐清单.pdf'));
  const pages = text.split('\f').filter((p) => p.trim() !== '');
  expect(pages).toHaveLength(1);
  expect(text).toContain('专利技术推荐清单');
  expect(text).toContain('企业：长治市潞安新能源科技有限公司（长治市）');
  expect(text).toContain('需求编号：XQ-2024-001');
  expect(text).toContain('预算 50.00 万元');
  expect(text).toContain('太原市知识产权局');
  // Every patent of the page's ranking, in its order, with its owner and terms.
  const positions = matches.map((m) => text.indexOf(m.supply.patentNumber));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(text).toContain('太原理工大学');
  // Narrow columns wrap: the start of each cell is on its row's first line.
  expect(text).toContain('开放许可 2.00 万');
  expect(text).toContain('转让，报价 50 万');
  expect(text).toContain('同属产业：碳基新材');
});

test('the pool exports what its list shows, the search applied, as Excel and as CSV', async ({ page, desk }) => {
  await login(page, desk);
  await pool(page);
  await page.getByRole('menuitem', { name: '供需对接' }).click();
  await expect(page.getByText('共 3 件')).toBeVisible();
  await page.getByLabel('搜索专利供给').fill('石墨烯');
  await page.getByLabel('搜索专利供给').press('Enter');
  await expect(page.getByText('共 2 件')).toBeVisible();
  const listed = (await page.getByRole('tabpanel').locator('tr.ant-table-row td:first-child').allTextContents()).map(
    (t) => t.trim(),
  );
  expect(listed.sort()).toEqual(['202010310978.3', '202311303481.9']);
  await screenshot(page, 'matching-pool-export');

  const xlsx = await downloadFromExportMenu(page, '导出 Excel（.xlsx）');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await xlsx.path());
  const sheet = book.worksheets[0]!;
  const rows = (sheet.getSheetValues().slice(1) as ExcelJS.CellValue[][]).map((r) =>
    r.slice(1).map((v) => (v == null ? '' : String(v))),
  );
  expect(rows[0]).toEqual([
    '专利号',
    '专利名称',
    '权利人',
    '所在地',
    '所属产业',
    'IPC分类号',
    '关键词',
    '转化意向与报价',
    '开放许可',
    '状态',
    '关联交易',
  ]);
  expect(
    rows
      .slice(1)
      .map((r) => r[0])
      .sort(),
  ).toEqual(listed);
  const anode = rows.find((r) => r[0] === '202311303481.9')!;
  expect(anode.slice(1, 5)).toEqual([
    '一种石墨烯改性锂离子电池负极材料的制备方法',
    '太原理工大学',
    '太原市',
    '碳基新材料',
  ]);
  expect(anode[8]).toBe('2.00 万元 · 3 年');
  expect(anode[9]).toBe('在库');

  const csv = await downloadFromExportMenu(page, '导出 CSV（Excel 可直接打开）');
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  const lines = csvText.slice(1).trim().split(/\r?\n/);
  expect(lines).toHaveLength(3);
  expect(
    lines
      .slice(1)
      .map((l) => l.split(',')[0])
      .sort(),
  ).toEqual(listed);
  expect(csvText).not.toContain('202311352019.8');
});
