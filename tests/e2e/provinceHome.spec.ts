import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  apiAs,
  callAsPage,
  completeSetup,
  cliFor,
  expect,
  login,
  pickOption,
  screenshot,
  serveProvince,
  startDesk,
  test,
  type Desk,
} from './fixtures';

const OFFICER = { username: 'sheng', password: 'sheng-pass-123', displayName: '省级管理员' };
const CITY_ADMIN = { PATENT_DESK_PASSWORD: 'city-pass-1234' };
const YEAR = 2023;

type Indicators = Record<string, Record<string, number | null>>;
type HomeRegion = {
  region: string;
  records: { deals: number };
  indicators: ({ indicator: string } & Record<string, unknown>)[];
};

/**
 * A city desk (CLI only) with the small sample workbook imported, its key enrolled at the province. Both cities
 * import the same workbook: each holds its own copy (its own ids), which the province's R10 finds entered twice.
 */
function cityReporting(dir: string, region: string, sample: string, provinceDb: string): Desk['cli'] {
  const db = path.join(dir, `${region}.db`);
  const cli = cliFor(db);
  expect(cli(['init', '--region', region, '--admin', 'admin'], CITY_ADMIN).status).toBe(0);
  const imported = cli(['import', sample]);
  expect(imported.status, imported.stderr).toBe(0);
  const pem = path.join(dir, `${region}.pem`);
  expect(cli(['key', '--out', pem]).status).toBe(0);
  const enrolled = cli(['--db', provinceDb, 'province', 'enroll', '--region', region, '--key', pem]);
  expect(enrolled.status, enrolled.stderr).toBe(0);
  return cli;
}

test("the province's workbench: two cities' figures side by side equal `indicators --json`, drill-down is read-only, installations enroll and revoke, a 领导 cannot enroll", async ({
  page,
}) => {
  // Two cities import and sync through the real CLI, then the province opens its workbench, on a shared 2-core machine.
  test.setTimeout(480_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'province-e2e-'));
  const provinceDb = path.join(dir, 'prov.db');
  const province = cliFor(provinceDb);
  const sample = path.join(dir, 'sample.xlsx');
  expect(province(['sample', '--out', sample, '--deals', '20']).status).toBe(0);
  const cities = {
    '140100': cityReporting(dir, '140100', sample, provinceDb),
    '140200': cityReporting(dir, '140200', sample, provinceDb),
  };

  const endpoint = await serveProvince(provinceDb);
  try {
    for (const cli of Object.values(cities)) {
      const synced = cli(['sync', '--endpoint', endpoint.url]);
      expect(synced.status, synced.stderr).toBe(0);
    }
  } finally {
    endpoint.child.kill();
  }

  const { child, url } = await startDesk(provinceDb, ['province', 'web']);
  const workbench: Desk = { url, dbPath: provinceDb, dir, cli: province };
  try {
    // First run: the province's workbench is set up for the province, nothing else.
    await page.goto(url);
    await expect(page.getByText('第一次使用省级工作台')).toBeVisible();
    await expect(page.getByLabel('本机所属地区')).toBeDisabled();
    await expect(
      page.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: '山西省' }),
    ).toBeVisible();
    await screenshot(page, 'province-setup');
    await completeSetup(page, OFFICER);

    // Only the province's sections: no 备案登记, 异常审核 or 数据同步 of a city.
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem')).toHaveText([
      '首页',
      '供需对接',
      '跨地市审核',
      '目标下达',
      '通知',
      '统计图表',
      '成效评价',
      '定期通报',
      '安装登记',
      '设置',
    ]);

    // A target for 太原市 (setting targets is another screen's work: here through the contract).
    const target = {
      regionCode: '140100',
      indicator: 'I1',
      yearFrom: 2021,
      yearTo: 2025,
      target: 20,
      requiredGrowth: 0.4,
    };
    expect((await callAsPage(page, 'targets.save', { targets: [target], baselines: [] })).ok).toBe(true);
    await page.goto(`${url}#/home?year=${YEAR}`);
    await expect(page.getByText(`${YEAR} 年指标完成情况`)).toBeVisible({ timeout: 60_000 });
    const home = await callAsPage(page, 'province.home', { year: YEAR });
    expect(home.ok).toBe(true);
    const regions = (home.value as { regions: HomeRegion[] }).regions;
    for (const code of ['140100', '140200']) {
      const printed = province(['indicators', '--region', code, '--year', String(YEAR), '--json']);
      expect(printed.status, printed.stderr).toBe(0);
      const cli = (JSON.parse(printed.stdout) as { indicators: Indicators }).indicators;
      const shown = regions.find((r) => r.region === code)!;
      expect(shown.records.deals).toBeGreaterThan(0);
      for (const row of shown.indicators) {
        const { indicator, year, cumulative, target, completion, yoy, avgGrowth } = row;
        expect({ year, cumulative, target, completion, yoy, avgGrowth }, `${code} ${indicator}`).toEqual(
          cli[indicator],
        );
      }
      // What the table shows for I1 is those figures.
      const tableRow = page
        .getByTestId('indicator-table')
        .getByRole('row')
        .filter({ hasText: code === '140100' ? '太原市' : '大同市' });
      await expect(tableRow.getByRole('button', { name: /本年/ })).toHaveText(String(cli.I1!.year));
      await expect(tableRow.getByRole('button', { name: /累计/ })).toHaveText(
        String(cli.I1!.cumulative).replace(/\B(?=(\d{3})+$)/g, ','),
      );
    }
    const taiyuanRow = page.getByTestId('reporting-table').getByRole('row').filter({ hasText: '太原市' });
    const taiyuanDeals = regions.find((r) => r.region === '140100')!.records.deals;
    await expect(taiyuanRow.getByRole('button', { name: '太原市交易' })).toHaveText(String(taiyuanDeals));
    const taiyuanI1 = regions.find((r) => r.region === '140100')!.indicators.find((r) => r.indicator === 'I1')!;
    expect(taiyuanI1.target).toBe(20);
    await expect(page.getByTestId('heat-table').getByLabel('太原市 I1 完成率')).toHaveText(
      `${((taiyuanI1.completion as number) * 100).toFixed(0)}%`,
    );
    await expect(page.getByTestId('chart-trend').locator('svg.recharts-surface').first()).toBeVisible();
    await expect(page.getByTestId('chart-ranking').locator('svg.recharts-surface').first()).toBeVisible();
    await expect(page.getByTestId('chart-industry-map').locator('svg.recharts-surface').first()).toBeVisible();
    await screenshot(page, 'province-home');

    // A figure opens the deals counted in it …
    const i1 = page
      .getByTestId('indicator-table')
      .getByRole('row')
      .filter({ hasText: '大同市' })
      .getByRole('button', { name: /本年/ });
    const datongI1 = await i1.textContent();
    await i1.click();
    const drawer = page.locator('.ant-drawer');
    await expect(drawer.getByText('大同市 2023 年计入 I1 的交易')).toBeVisible();
    await expect(drawer.getByText(new RegExp(`涉及专利 ${datongI1} 项`))).toBeVisible();
    await screenshot(page, 'province-drill-deals');
    await drawer.getByRole('button', { name: /Close|关闭/ }).click();

    // … and a count of records opens that region's records, read-only.
    await taiyuanRow.getByRole('button', { name: '太原市交易' }).click();
    await expect(page.getByRole('heading', { name: '地市报送记录' })).toBeVisible();
    await expect(page.getByTestId('list-total')).toHaveText(`共 ${taiyuanDeals} 条`);
    await expect(page.getByRole('button', { name: /新增|从 Excel 导入/ })).toHaveCount(0);
    await screenshot(page, 'province-records');
    await page.locator('.virtual-row').first().click();
    await expect(page.getByRole('heading', { name: '专利交易详情' })).toBeVisible();
    await expect(page.getByRole('button', { name: '修改' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '作废' })).toHaveCount(0);
    await screenshot(page, 'province-record-detail');

    // 安装登记: both cities' installations, then a new one enrolled by pasting its key, and revoked.
    await page.getByRole('menuitem', { name: '安装登记' }).click();
    await expect(page.getByRole('heading', { name: '安装登记' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '太原市' }).getByText('在用')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '大同市' }).getByText('在用')).toBeVisible();
    await page.getByRole('button', { name: '登记安装' }).click();
    await pickOption(page, '所属地区', '阳泉市（140300）');
    await page.getByLabel('签名公钥').fill('这不是公钥');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect(page.getByText(/公钥文件无法识别/)).toBeVisible();
    const pem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await page.getByLabel('签名公钥').fill(pem);
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect(page.getByText(/公钥指纹：.+请与地市电话核对指纹/)).toBeVisible();
    await page.getByRole('button', { name: /知道了|OK|确定/ }).click();
    const yangquan = page.getByRole('row').filter({ hasText: '阳泉市' });
    await expect(yangquan.getByText('在用')).toBeVisible();
    await screenshot(page, 'province-installations');
    await yangquan.getByRole('button', { name: '吊销' }).click();
    await page.getByLabel('吊销原因').fill('电脑报废');
    await page.locator('.ant-modal').getByRole('button', { name: '吊销' }).click();
    await expect(yangquan.getByText('已吊销')).toBeVisible();
    await screenshot(page, 'province-installations-revoked');

    // Users: the province offers no 录入员.
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('tab', { name: '用户' }).click();
    await expect(page.getByRole('tab', { name: '签名密钥' })).toHaveCount(0);
    await page.getByRole('button', { name: '新建用户' }).click();
    await page.getByLabel('角色').click();
    const roles = page.locator('.ant-select-item-option');
    await expect(roles.filter({ hasText: '审核员' })).toBeVisible();
    await expect(roles.filter({ hasText: '领导' })).toBeVisible();
    await expect(roles.filter({ hasText: '录入员' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await screenshot(page, 'province-users');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await expect(page.locator('.ant-modal')).toBeHidden();
    expect(
      (
        await callAsPage(page, 'users.create', {
          username: 'leader',
          displayName: '领导甲',
          role: '领导',
          password: 'leader-temp-1',
        })
      ).ok,
    ).toBe(true);

    // A 领导 reads the home but cannot enroll.
    const leader = await apiAs(workbench, { username: 'leader', password: 'leader-temp-1' });
    expect(
      (await leader.call('users.changePassword', { currentPassword: 'leader-temp-1', newPassword: 'leader-own-1' })).ok,
    ).toBe(true);
    expect(await leader.call('installations.enroll', { regionCode: '140300', publicKeyPem: pem })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await leader.api.dispose();
    await page.getByRole('button', { name: '退出登录' }).click();
    await login(page, workbench, { username: 'leader', password: 'leader-own-1' });
    await page.getByRole('menuitem', { name: '安装登记' }).click();
    await expect(page.getByText('只有管理员可以查看和管理安装登记')).toBeVisible();
    await expect(page.getByRole('button', { name: '登记安装' })).toHaveCount(0);
    await screenshot(page, 'province-installations-leader');
  } finally {
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
