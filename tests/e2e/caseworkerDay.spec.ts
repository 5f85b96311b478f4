import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, apiAs, callAsPage, type Desk, expect as quick, login, screenshot, test } from './fixtures';
import { writeSample } from './sampleWorkbook';

/** For the screens' answers on a loaded machine. */
const expect = quick.configure({ timeout: 30_000 });

const CSV = [
  '合同编号,交易类型,许可方式,专利号,专利名称,申请日,专利状态,让与方名称,让与方统一社会信用代码,让与方类型,让与方所在地,受让方名称,受让方统一社会信用代码,受让方类型,受让方规模,受让方所在地,所属产业,合同日期,备案日期,成交金额（万元）,许可期限止',
  'HT-DAY-ALPHA,转让,,202010310978.3,一种煤矸石综合利用方法,2020-04-21,有效,太原理工大学,121400004052002036,高校,140100,山西示例科技有限公司,91140100MA0K123488,企业,小型,140100,节能环保,2023-02-01,2023-02-10,12.5,',
  'HT-DAY-BETA,转让,,202311303481.9,一种光伏组件清洗装置,2023-10-12,有效,太原理工大学,121400004052002036,高校,140100,晋中锐达智能装备有限公司,911407000000107944,企业,小型,140700,节能环保,2023-11-01,2023-11-10,7,',
].join('\n');

function importDeals(desk: Desk): void {
  const file = path.join(desk.dir, '交易.csv');
  fs.writeFileSync(file, CSV, 'utf8');
  const imported = desk.cli(['import', file]);
  expect(imported.status, imported.stderr).toBe(0);
}

/** A suggestion of the record search (antd lists them outside the box's listbox role). */
const hitFor = (page: Page, text: string) => page.locator('.ant-select-item-option').filter({ hasText: text });

async function signIn(page: Page, user: { username: string; password: string }) {
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('the desk shows its icon in the browser tab', async ({ page, desk }) => {
  await page.goto(desk.url);
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const icon = await page.request.get(new URL(href!, desk.url).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/png');
});

test('another user signing in lands on 首页, not on the page the previous user left open', async ({ page, desk }) => {
  const admin = await apiAs(desk, ADMIN);
  const created = await admin.call('users.create', {
    username: 'leader',
    displayName: '李局长',
    role: '领导',
    password: 'set-by-admin-1',
  });
  expect(created.ok, created.error?.message).toBe(true);
  const first = await apiAs(desk, { username: 'leader', password: 'set-by-admin-1' });
  expect(
    (await first.call('users.changePassword', { currentPassword: 'set-by-admin-1', newPassword: 'leader-pass-1' })).ok,
  ).toBe(true);

  await login(page, desk);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '设置', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, { username: 'leader', password: 'leader-pass-1' });
  await expect(page.getByTestId('current-user')).toHaveText('李局长');
  await expect(page.getByRole('heading', { name: '首页', exact: true })).toBeVisible();
  expect(new URL(page.url()).hash).not.toContain('settings');
});

test('/ finds a record of any kind by its number, a patent number or an organisation, and opens it', async ({
  page,
  desk,
}) => {
  importDeals(desk);
  await login(page, desk);
  await page.keyboard.press('/');
  const box = page.getByLabel('查找记录');
  await expect(box).toBeFocused();
  await box.pressSequentially('HT-DAY-BETA');
  const hit = hitFor(page, 'HT-DAY-BETA');
  await expect(hit).toBeVisible();
  await expect(hitFor(page, 'HT-DAY-ALPHA')).toHaveCount(0);
  await screenshot(page, 'record-search');
  await hit.click();
  await expect(page.getByRole('heading', { name: '专利交易详情', exact: true })).toBeVisible();
  await expect(page.getByText('晋中锐达智能装备有限公司').first()).toBeVisible();

  // A patent number and an organisation's USCC find the deal that holds them.
  await box.fill('202010310978');
  await expect(hitFor(page, 'HT-DAY-ALPHA')).toBeVisible();
  await box.fill('911407000000107944');
  await expect(hitFor(page, 'HT-DAY-BETA')).toBeVisible();
  await box.fill('没有这样的单位');
  await expect(page.getByText('没有找到相符的记录')).toBeVisible();
});

test('Alt+N opens a new record (Ctrl+N is the browser’s), and ? lists the shortcuts', async ({ page, desk }) => {
  await login(page, desk);
  await page.getByRole('menuitem', { name: '备案登记' }).click();
  await page.getByRole('tab', { name: '质押融资' }).click();
  await expect(page.getByRole('tab', { name: '质押融资', selected: true })).toBeVisible();
  await expect(page.getByText('质押登记号', { exact: true })).toBeVisible();
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: '新增质押融资', exact: true })).toBeVisible();
  await page.goto(`${desk.url}#/home`);
  await expect(page.getByRole('heading', { name: '首页', exact: true })).toBeVisible();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog').filter({ hasText: '快捷键' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Alt+N');
  await expect(help).not.toContainText('Ctrl+N');
  await screenshot(page, 'shortcut-help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.getByRole('button', { name: '用户菜单' }).click();
  await page.getByRole('menuitem', { name: /快捷键/ }).click();
  await expect(help).toBeVisible();
});

test('首页 counts what waits: flags to review and records to send, each opening its list; a list says its total', async ({
  page,
  desk,
}) => {
  test.slow(); // imports the sample workbook
  const imported = desk.cli(['import', writeSample(desk)]);
  expect(imported.status, imported.stderr).toBe(0);
  await login(page, desk);
  const queue = (await callAsPage(page, 'review.queue', { status: '待审核', limit: 1 })).value as { total: number };
  const sync = (await callAsPage(page, 'sync.overview', {})).value as { pendingRecords: number };
  expect(queue.total).toBeGreaterThan(0);
  expect(sync.pendingRecords).toBeGreaterThan(0);
  await expect(page.getByTestId('todo-reviews')).toContainText(queue.total.toLocaleString('en-US'));
  await expect(page.getByTestId('todo-toSync')).toContainText(sync.pendingRecords.toLocaleString('en-US'));
  await expect(page.getByTestId('todo-rejections')).toContainText('0');
  await screenshot(page, 'home-todo');

  await page.getByTestId('todo-reviews').click();
  await expect(page.getByRole('heading', { name: '异常审核', exact: true })).toBeVisible();
  await page.getByRole('menuitem', { name: '首页' }).click();
  await page.getByTestId('todo-toSync').click();
  await expect(page.getByRole('heading', { name: '数据同步', exact: true })).toBeVisible();

  // A list says how many records it holds in all before the user scrolls through them.
  const deals = await countPages(page, 'deals.list');
  expect(deals).toBeGreaterThan(200);
  await page.getByRole('menuitem', { name: '备案登记' }).click();
  await expect(page.getByTestId('list-total')).toContainText(`共 ${deals.toLocaleString('zh-CN')} 条`);
  await screenshot(page, 'list-total');
});

/** How many active records a list holds, counted by paging through it. */
async function countPages(page: Page, method: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const listed = (await callAsPage(page, method, { limit: 500, cursor })).value as {
      rows: unknown[];
      nextCursor: string | null;
    };
    count += listed.rows.length;
    cursor = listed.nextCursor;
  } while (cursor);
  return count;
}

test('a voided record is restored (恢复) as a new version in its history, and sent to the province again', async ({
  page,
  desk,
}) => {
  test.slow(); // an import, then several saves on a shared 2-core machine
  importDeals(desk);
  await login(page, desk);
  const [deal] = (
    (await callAsPage(page, 'deals.list', { search: 'HT-DAY-ALPHA' })).value as { rows: { id: string }[] }
  ).rows;
  await page.goto(`${desk.url}#/filings/deals/${deal!.id}`);
  await page.getByRole('button', { name: '作废' }).click();
  await page.getByLabel('作废原因').fill('误作废');
  await page.getByRole('button', { name: '确认作废' }).click();
  await expect(page.getByRole('tab', { name: '专利交易' })).toBeVisible();
  const pendingBefore = ((await callAsPage(page, 'sync.overview', {})).value as { pendingRecords: number })
    .pendingRecords;

  await page.goto(`${desk.url}#/filings/deals/${deal!.id}`);
  await expect(page.getByText(/^已于 .* 作废：误作废$/)).toBeVisible();
  await page.getByRole('button', { name: '恢复' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText(/^已于 .* 作废：误作废$/)).toBeHidden();
  await expect(page.getByText('恢复（第 3 版），撤销作废：误作废')).toBeVisible();
  await expect(page.getByRole('button', { name: '作废' })).toBeVisible();
  await screenshot(page, 'record-restored');
  const pendingAfter = ((await callAsPage(page, 'sync.overview', {})).value as { pendingRecords: number })
    .pendingRecords;
  expect(pendingAfter).toBe(pendingBefore + 1);
});

test('管理员 and 领导 read the audit log under 设置, filtered and paged, with its chain checked; a 录入员 cannot', async ({
  page,
  desk,
}) => {
  test.slow(); // several accounts and logins on a shared 2-core machine
  const admin = await apiAs(desk, ADMIN);
  for (const [username, displayName, role] of [
    ['leader', '李局长', '领导'],
    ['clerk', '录入员小张', '录入员'],
  ] as const) {
    expect((await admin.call('users.create', { username, displayName, role, password: 'set-by-admin-1' })).ok).toBe(
      true,
    );
    const first = await apiAs(desk, { username, password: 'set-by-admin-1' });
    expect(
      (
        await first.call('users.changePassword', {
          currentPassword: 'set-by-admin-1',
          newPassword: `${username}-pass-1`,
        })
      ).ok,
    ).toBe(true);
    await first.api.dispose();
  }
  const clerk = await apiAs(desk, { username: 'clerk', password: 'clerk-pass-1' });
  const refused = await clerk.call('audit.search', {});
  expect(refused.error?.code).toBe('FORBIDDEN');

  await page.goto(desk.url);
  await signIn(page, { username: 'leader', password: 'leader-pass-1' });
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '审计日志' }).click();
  await expect(page.getByText(/^审计日志完整：共 \d+ 条/)).toBeVisible();
  await page.getByLabel('操作', { exact: true }).click();
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: /^新建用户$/ })
    .click();
  const table = page.locator('.ant-table-tbody');
  await expect(page.getByText('共 3 条')).toBeVisible(); // admin, leader, clerk
  await expect(table).toContainText('leader');
  await expect(table).toContainText('clerk');
  await expect(table.getByRole('row').filter({ hasText: '修改本人密码' })).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: '新建用户' })).toHaveCount(3);
  await screenshot(page, 'settings-audit-log');
  await page.getByRole('button', { name: '退出登录' }).click();

  await signIn(page, { username: 'clerk', password: 'clerk-pass-1' });
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByRole('tab', { name: '常规', exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: '审计日志' })).toHaveCount(0);
});

test('every section fits a 1280×720 screen: no horizontal scrolling, the app title and page titles whole', async ({
  page,
  desk,
}) => {
  test.slow(); // every section on a shared 2-core machine
  await page.setViewportSize({ width: 1280, height: 720 });
  await login(page, desk);
  const cut = (selector: string) =>
    page.evaluate(
      (s) =>
        [...document.querySelectorAll<HTMLElement>(s)]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.textContent),
      selector,
    );
  for (const section of ['首页', '备案登记', '异常审核', '数据同步', '统计图表', '成效评价', '设置']) {
    await page.getByRole('menuitem', { name: section }).click();
    await expect(page.getByRole('heading', { name: section, exact: true })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      `${section} scrolls sideways`,
    ).toBe(true);
    expect(
      await cut('[data-testid="app-title"], h1, h2, h3, h4, .ant-card-head-title'),
      `${section}: cut titles`,
    ).toEqual([]);
    await screenshot(page, `fit-1280-${section}`);
  }
});

test('a long contract number is read whole at 1280×720: in the deal list, the subsidy list’s 关联, and the record search', async ({
  page,
  desk,
}) => {
  test.slow(); // two imports on a shared 2-core machine
  const LONG = 'HT-2023-SX-000815-补充';
  const deals = path.join(desk.dir, 'deals.csv');
  fs.writeFileSync(deals, [CSV.split('\n')[0], CSV.split('\n')[1]!.replace('HT-DAY-ALPHA', LONG)].join('\n'), 'utf8');
  const subsidies = path.join(desk.dir, 'subsidies.csv');
  fs.writeFileSync(
    subsidies,
    [
      '奖补编号,受奖单位名称,统一社会信用代码,项目名称,金额（万元）,日期,关联合同编号,关联质押登记号',
      `JB-2023-SX-000815,山西示例科技有限公司,91140100MA0K123488,专利转化奖励,5,2023-03-01,${LONG},`,
    ].join('\n'),
    'utf8',
  );
  for (const file of [deals, subsidies]) {
    const imported = desk.cli(['import', file]);
    expect(imported.status, imported.stderr).toBe(0);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await login(page, desk);
  /** Whether a list cell shows its text whole: not cut (its content no wider than the cell). */
  const whole = (cell: ReturnType<Page['getByRole']>) => cell.evaluate((el) => el.scrollWidth <= el.clientWidth);

  await page.getByRole('menuitem', { name: '备案登记' }).click();
  const dealCell = page.getByRole('cell', { name: LONG, exact: true });
  await expect(dealCell).toBeVisible();
  expect(await whole(dealCell), `${LONG} is cut in the deal list`).toBe(true);
  // The list's search finds it by the whole number.
  await page.getByLabel('搜索').fill(LONG);
  await page.getByLabel('搜索').press('Enter');
  await expect(page.getByRole('row').filter({ hasText: 'HT-DAY' })).toHaveCount(0);
  await expect(dealCell).toBeVisible();
  await screenshot(page, 'long-contract-1280-deals');

  await page.getByRole('tab', { name: '奖补' }).click();
  const linkCell = page.getByRole('cell', { name: LONG, exact: true });
  await expect(linkCell).toBeVisible();
  expect(await whole(linkCell), `${LONG} is cut in the subsidy list`).toBe(true);
  await screenshot(page, 'long-contract-1280-subsidies');

  // The deal raised a flag on import (R06): the review queue names it whole too (its cells wrap).
  await page.getByRole('menuitem', { name: '异常审核' }).click();
  const queueCell = page.getByRole('cell', { name: LONG, exact: true });
  await expect(queueCell).toBeVisible();
  expect(await whole(queueCell), `${LONG} is cut in the review queue`).toBe(true);
  await screenshot(page, 'long-contract-1280-review');

  await page.getByLabel('查找记录').pressSequentially(LONG);
  const hit = hitFor(page, LONG);
  await expect(hit).toBeVisible();
  await expect(hit).toHaveAttribute('title', new RegExp(`^${LONG} · 太原理工大学 → 山西示例科技有限公司`));
});
