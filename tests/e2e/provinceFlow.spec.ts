import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { ADMIN, apiAs, expect, login, screenshot, serveProvince, startDesk, test } from './fixtures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'bin', 'patent-desk.mjs');

interface Installation {
  name: string;
  dbPath: string;
  url: string;
  child: ChildProcess;
}

const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PATENT_DESK_PASSWORD: ADMIN.password },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

/** A store set up for the region (`patent-desk init`), opened in browser mode. */
async function installation(dir: string, name: string, region: string): Promise<Installation> {
  const dbPath = path.join(dir, `${name}.db`);
  cli(['--db', dbPath, 'init', '--region', region, '--admin', ADMIN.username, '--display-name', ADMIN.displayName]);
  const { child, url } = await startDesk(dbPath);
  return { name, dbPath, url, child };
}

/** `patent-desk province serve` over the province workbench's own store, each city's key enrolled for its region. */
async function provinceEndpoint(
  dir: string,
  province: Installation,
  cities: [Installation, string][],
): Promise<{ url: string; child: ChildProcess }> {
  for (const [city, region] of cities) {
    const pem = path.join(dir, `${city.name}.pem`);
    cli(['--db', city.dbPath, 'key', '--out', pem]);
    cli(['--db', province.dbPath, 'province', 'enroll', '--region', region, '--key', pem]);
  }
  return serveProvince(province.dbPath);
}

/** The same patent transferred in both cities within a year: the province's R01 across two cities. */
const transfer = (contractNo: string, recordationDate: string, assigneeRegion: string) => ({
  kind: '转让',
  contractNo,
  contractDate: recordationDate,
  recordationDate,
  patents: [{ number: '201710117081.7', title: '一种煤矸石综合利用方法', filingDate: '2017-03-01' }],
  assignor: { name: '山西示例大学', uscc: '91110000600037341L', kind: '高校', regionCode: '140100' },
  assignee: { name: `示例受让企业${contractNo}`, kind: '企业', regionCode: assigneeRegion, size: '小型' },
  industry: '其他',
  amountFen: 50_000_000,
});

/** Signs in on the province's workbench (it has no 首页) and opens a section. */
async function openProvince(page: Page, url: string, section: string) {
  await page.goto(url);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('menuitem', { name: section }).click();
  await expect(page.getByRole('heading', { name: section, exact: true })).toBeVisible();
}

async function syncNow(page: Page) {
  await page.getByRole('menuitem', { name: '数据同步' }).click();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByText(/同步完成：所有记录均已被省级接收/).last()).toBeVisible({ timeout: 60_000 });
}

test('the province decides a cross-city flag, sends a target and a notice; each city receives them after 立即同步', async ({
  browser,
}) => {
  // Three stores set up through the CLI, three browser-mode processes and a province endpoint, on a shared 2-core machine.
  test.setTimeout(480_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'province-flow-'));
  const started: ChildProcess[] = [];
  try {
    const taiyuan = await installation(dir, 'taiyuan', '140100');
    const datong = await installation(dir, 'datong', '140200');
    const province = await installation(dir, 'province', '140000');
    started.push(taiyuan.child, datong.child, province.child);
    const endpoint = await provinceEndpoint(dir, province, [
      [taiyuan, '140100'],
      [datong, '140200'],
    ]);
    started.push(endpoint.child);

    // Two cities record the same patent's transfer and sync.
    for (const [city, deal] of [
      [taiyuan, transfer('TY-2024-01', '2024-01-20', '140100')],
      [datong, transfer('DT-2024-07', '2024-03-05', '140200')],
    ] as const) {
      const { api, call } = await apiAs(
        { url: city.url, dbPath: city.dbPath, dir, cli: () => ({ status: 0, stdout: '', stderr: '' }) },
        ADMIN,
      );
      expect((await call('deals.create', deal)).error?.message).toBeUndefined();
      expect((await call('settings.updateGeneral', { provinceEndpointUrl: endpoint.url })).ok).toBe(true);
      expect((await call('sync.run', {})).ok).toBe(true);
      await api.dispose();
    }

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // 跨地市审核: the finding with both cities' deals, decided with a reason.
    await openProvince(page, province.url, '跨地市审核');
    const row = page.getByRole('row', { name: /R01/ });
    await expect(row).toContainText('太原市');
    await expect(row).toContainText('大同市');
    await screenshot(page, 'province-cross-review-queue');
    await row.click();
    await expect(page.getByText('第 1 笔：合同 TY-2024-01')).toBeVisible();
    await expect(page.getByText('第 2 笔：合同 DT-2024-07')).toBeVisible();
    await page.getByRole('radio', { name: '确认异常' }).check();
    await page.getByLabel('审核理由').fill('同一专利两个月内在两市先后转让，已与两市核实');
    await page.getByRole('button', { name: '提交审核结论' }).click();
    await expect(page.getByText(/已审核：确认异常/)).toBeVisible();
    await screenshot(page, 'province-cross-review-decided');

    // 目标下达: 太原's I1 target.
    await page.getByRole('menuitem', { name: '目标下达' }).click();
    await page.getByLabel('目标地区').click();
    await page.getByTitle('太原市', { exact: true }).click();
    await page.getByLabel('I1 目标值').fill('150');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText(/已保存 1 项目标/)).toBeVisible();
    await expect(page.getByRole('row', { name: /太原市 1/ })).not.toContainText('尚未下达');
    await screenshot(page, 'province-targets');

    // 通知 to every city.
    await page.getByRole('menuitem', { name: '通知' }).click();
    await page.getByLabel('通知标题').fill('上半年报送提醒');
    await page.getByLabel('通知内容').fill('请各地市于 6 月 30 日前完成上半年质押融资数据报送。');
    await page.getByRole('button', { name: '发送通知' }).click();
    await expect(page.getByText(/通知已发出/)).toBeVisible();
    await expect(page.getByText('太原市 未获取')).toBeVisible();
    await screenshot(page, 'province-notices-sent');

    for (const [city, own, other] of [
      [taiyuan, 'TY-2024-01', 'DT-2024-07'],
      [datong, 'DT-2024-07', 'TY-2024-01'],
    ] as const) {
      const cityPage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await login(cityPage, { url: city.url });
      await syncNow(cityPage);

      await cityPage.getByRole('menuitem', { name: '首页' }).click();
      await expect(cityPage.getByText('省级通知（1 条未读）')).toBeVisible();
      await expect(cityPage.getByText('请各地市于 6 月 30 日前完成上半年质押融资数据报送。')).toBeVisible();
      await screenshot(cityPage, `city-${city.name}-home-notice`);

      await cityPage.getByRole('menuitem', { name: '异常审核' }).click();
      await cityPage.getByRole('row', { name: new RegExp(`R01 .*${own}`) }).click();
      await expect(cityPage.getByText('省级审核结论：确认异常', { exact: false })).toBeVisible();
      await expect(
        cityPage.getByText('理由：同一专利两个月内在两市先后转让，已与两市核实', { exact: false }),
      ).toBeVisible();
      await expect(cityPage.getByText(other)).toHaveCount(0);
      await screenshot(cityPage, `city-${city.name}-province-decision`);

      await cityPage.getByRole('menuitem', { name: '设置' }).click();
      await cityPage.getByRole('tab', { name: '目标' }).click();
      if (city === taiyuan) {
        await expect(cityPage.getByText('省级下达', { exact: true })).toBeVisible();
        await expect(cityPage.getByLabel('I1 目标值')).toHaveValue('150');
        await expect(cityPage.getByLabel('I1 目标值')).toBeDisabled();
        await screenshot(cityPage, 'city-taiyuan-targets');
        // 已读 takes the notice off 首页; the receipt reaches the province with the next sync.
        await cityPage.getByRole('menuitem', { name: '首页' }).click();
        await cityPage.getByRole('button', { name: '将“上半年报送提醒”标为已读' }).click();
        await expect(cityPage.getByText('省级通知（1 条未读）')).toHaveCount(0);
        await syncNow(cityPage);
      } else {
        await expect(cityPage.getByText('省级下达', { exact: true })).toHaveCount(0);
      }
      await cityPage.close();
    }

    await page.getByRole('menuitem', { name: '跨地市审核' }).click();
    await page.getByRole('menuitem', { name: '通知' }).click();
    await expect(page.getByText('太原市 已读')).toBeVisible();
    await expect(page.getByText('大同市 已获取')).toBeVisible();
    await screenshot(page, 'province-notices-receipts');
  } finally {
    for (const child of started.reverse()) child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
