import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  callAsPage,
  completeSetup,
  cliFor,
  expect,
  login,
  provinceArgs,
  runCli,
  screenshot,
  startProvinceWeb,
  test,
  type Desk,
} from './fixtures';
import { withClient } from '../testing/postgres';

const OFFICER = { username: 'sheng', password: 'sheng-pass-123', displayName: '省级管理员' };
const YEAR = 2023;

type Indicator = { indicator: string } & Record<string, unknown>;

/** 太原's desk (CLI only) with the sample workbook imported, reported to the province as a signed batch file. */
function taiyuanReports(dir: string, databaseUrl: string): void {
  const city = cliFor(path.join(dir, 'taiyuan.db'));
  const ok = (r: ReturnType<Desk['cli']>) => expect(r.status, r.stderr).toBe(0);
  const at = (name: string) => path.join(dir, name);
  ok(city(['init', '--region', '140100', '--admin', 'admin'], { PATENT_DESK_PASSWORD: 'city-pass-1234' }));
  ok(city(['sample', '--out', at('sample.xlsx'), '--deals', '20']));
  ok(city(['import', at('sample.xlsx')]));
  ok(city(['key', '--out', at('taiyuan.pem')]));
  ok(city(['export-batch', '--out', at('taiyuan.pdbatch')]));
  const store = { databaseUrl };
  ok(runCli(provinceArgs(store, 'enroll', '--region', '140100', '--key', at('taiyuan.pem'))));
  ok(runCli(provinceArgs(store, 'ingest', at('taiyuan.pdbatch'))));
}

test("the province's workbench on PostgreSQL: set up in the browser, 太原's figures as the CLI prints them, records and 供需对接 read from it, the audit log verified, backups left to the data centre", async ({
  page,
  postgres,
}) => {
  test.setTimeout(300_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'province-pg-e2e-'));
  const databaseUrl = await postgres.newDatabase('workbench_e2e');
  taiyuanReports(dir, databaseUrl);
  const { child, url } = await startProvinceWeb({ databaseUrl });
  try {
    // First run on the server database: the province's administrator is made in the browser.
    await page.goto(url);
    await expect(page.getByText('第一次使用省级工作台')).toBeVisible();
    await completeSetup(page, OFFICER);

    // 太原's figures on the home are what `indicators --json` prints from the same database.
    await page.goto(`${url}#/home?year=${YEAR}`);
    await expect(page.getByText(`${YEAR} 年指标完成情况`)).toBeVisible({ timeout: 60_000 });
    const printed = runCli([
      'indicators',
      '--region',
      '140100',
      '--year',
      String(YEAR),
      '--json',
      '--database-url',
      databaseUrl,
    ]);
    expect(printed.status, printed.stderr).toBe(0);
    const cli = (JSON.parse(printed.stdout) as { indicators: Record<string, Record<string, unknown>> }).indicators;
    const home = await callAsPage(page, 'province.home', { year: YEAR });
    const taiyuan = (home.value as { regions: { region: string; indicators: Indicator[] }[] }).regions.find(
      (r) => r.region === '140100',
    )!;
    for (const { indicator, year, cumulative, target, completion, yoy, avgGrowth } of taiyuan.indicators)
      expect({ year, cumulative, target, completion, yoy, avgGrowth }, indicator).toEqual(cli[indicator]);
    expect(cli.I1!.year).toBeGreaterThan(0);
    const i1 = page
      .getByTestId('indicator-table')
      .getByRole('row')
      .filter({ hasText: '太原市' })
      .getByRole('button', { name: /本年/ });
    await expect(i1).toHaveText(String(cli.I1!.year));
    await screenshot(page, 'province-pg-home');

    // The figure opens the deals counted in it, read from the server database.
    await i1.click();
    const drawer = page.locator('.ant-drawer');
    await expect(drawer.getByText(`太原市 ${YEAR} 年计入 I1 的交易`)).toBeVisible();
    await expect(drawer.getByText(new RegExp(`涉及专利 ${String(cli.I1!.year)} 项`))).toBeVisible();
    await screenshot(page, 'province-pg-drill-deals');
    await drawer.getByRole('button', { name: /Close|关闭/ }).click();

    // A count of records opens that region's records, read from the server database page by page, and a record's
    // detail with its parties and patents; the search box finds a deal by the start of its contract number.
    const reporting = page.getByTestId('reporting-table').getByRole('row').filter({ hasText: '太原市' });
    const taiyuanDeals = (home.value as { regions: { region: string; records: { deals: number } }[] }).regions.find(
      (r) => r.region === '140100',
    )!.records.deals;
    expect(taiyuanDeals).toBeGreaterThan(0);
    await reporting.getByRole('button', { name: '太原市交易' }).click();
    await expect(page.getByRole('heading', { name: '地市报送记录' })).toBeVisible();
    await expect(page.getByTestId('list-total')).toHaveText(`共 ${taiyuanDeals} 条`);
    await screenshot(page, 'province-pg-records');
    const newest = await withClient(databaseUrl, (c) =>
      c.query<{ contract_no: string }>(
        "SELECT contract_no FROM deals WHERE region_code = '140100' AND voided_at IS NULL ORDER BY recordation_date DESC NULLS LAST, id DESC LIMIT 1",
      ),
    );
    const contractNo = newest.rows[0]!.contract_no;
    await page.getByPlaceholder(/^编号、单位名称/).fill(contractNo);
    await expect(page.getByTestId('list-total')).toHaveText(/共 [1-9]\d* 条/);
    await page.locator('.virtual-row').filter({ hasText: contractNo }).first().click();
    await expect(page.getByRole('heading', { name: '专利交易详情' })).toBeVisible();
    await expect(page.getByText(contractNo).first()).toBeVisible();
    await expect(page.getByRole('button', { name: '修改' })).toHaveCount(0);
    // What the province does not hold is said, not shown as empty: the files and the city's log of changes.
    await expect(page.getByText('附件保存在报送该记录的地市工作台，不随数据报送到省级')).toBeVisible();
    await expect(page.getByText('逐次修改的经过记录在报送该记录的地市工作台上')).toBeVisible();
    await screenshot(page, 'province-pg-record-detail');
    await page.getByRole('menuitem', { name: '首页' }).click();
    await expect(page.getByTestId('reporting-table')).toBeVisible({ timeout: 60_000 });

    // 设置: the audit log (the key enrolled, the setup, the administrator made) verifies on the server database …
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('tab', { name: '审计日志' }).click();
    await expect(page.getByText('审计日志完整：共 3 条')).toBeVisible();
    await screenshot(page, 'province-pg-audit');
    // … and a row changed behind the workbench's back (by anyone with the database's password) is found.
    const changed = await withClient(databaseUrl, (c) =>
      c.query(`UPDATE audit_log SET detail = '{"regionCode":"140200"}' WHERE action = 'province.keyEnrolled'`),
    );
    expect(changed.rowCount).toBe(1);
    await page.reload();
    await page.getByRole('tab', { name: '审计日志' }).click();
    await expect(page.getByText('审计日志校验未通过')).toBeVisible();
    await screenshot(page, 'province-pg-audit-tampered');
    // Backups are the data centre's.
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await expect(page.getByText('省级数据保存在数据中心的 PostgreSQL 数据库中，不在本机')).toBeVisible();
    await expect(page.getByRole('button', { name: '立即备份' })).toHaveCount(0);
    await screenshot(page, 'province-pg-backups');

    // 供需对接 on the server database: the funnel of 太原's pool, and a need's patents ranked with their reasons.
    await page.getByRole('menuitem', { name: '供需对接' }).click();
    const year = Number(new Date().toISOString().slice(0, 4));
    const funnel = (await callAsPage(page, 'province.poolFunnel', { year })).value as {
      regions: { region: string; supplies: number }[];
    };
    const pooled = funnel.regions.find((r) => r.region === '140100')!.supplies;
    expect(pooled).toBeGreaterThan(0);
    const funnelTable = page.locator('.ant-card').filter({ hasText: '各地区供需对接漏斗' });
    await expect(funnelTable.getByRole('row').filter({ hasText: '太原市' }).getByRole('cell').nth(1)).toHaveText(
      String(pooled),
    );
    await screenshot(page, 'province-pg-matching');
    await page.getByRole('tab', { name: '技术需求（跨地市匹配）' }).click();
    await page.getByRole('row').getByRole('button', { name: '匹配专利' }).first().click();
    const candidates = page.locator('.ant-card').filter({ hasText: '候选专利' });
    await expect(candidates.getByTestId('reasons').first()).toContainText('文本相似度');
    await screenshot(page, 'province-pg-need-matches');

    // The account is kept in the database: out, and back in.
    await page.getByRole('button', { name: '退出登录' }).click();
    await login(page, { url }, OFFICER);
  } finally {
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
