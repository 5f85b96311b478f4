import { ADMIN, apiAs, expect, login, screenshot, test, type ApiSession, type Desk } from './fixtures';

const CLERK = { username: 'clerk', password: 'clerk-pass-1' };
const REVIEWER = { username: 'reviewer', password: 'reviewer-pass-1' };

const HEADER =
  '合同编号,交易类型,许可方式,专利号,专利名称,申请日,专利状态,让与方名称,让与方统一社会信用代码,让与方类型,让与方所在地,受让方名称,受让方统一社会信用代码,受让方类型,受让方规模,受让方所在地,所属产业,合同日期,备案日期,成交金额（万元）,许可期限止';
/** A round trip: 甲 sells a patent to 乙 in January, 乙 sells it back in June. */
const ROUND_TRIP_CSV = [
  HEADER,
  'HT-E2E-OUT,转让,,202010310978.3,一种煤矸石综合利用方法,2020-04-21,有效,山西示例科技有限公司,91140100MA0K123488,企业,太原市,太原回流材料有限公司,91110000600037341L,企业,小型,太原市,节能环保,2023-01-05,2023-01-10,80,',
  'HT-E2E-BACK,转让,,202010310978.3,一种煤矸石综合利用方法,2020-04-21,有效,太原回流材料有限公司,91110000600037341L,企业,太原市,山西示例科技有限公司,91140100MA0K123488,企业,小型,太原市,节能环保,2023-06-01,2023-06-10,80,',
].join('\n');

function i1Of(desk: Desk): number {
  const r = desk.cli(['indicators', '--region', '140100', '--year', '2023', '--json']);
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { indicators: { I1: { year: number } } }).indicators.I1.year;
}

test('an imported round trip is flagged, confirmed by a reviewer with a reason, and leaves the indicators; the clerk who entered it is refused', async ({
  page,
  desk,
}) => {
  const admin = await apiAs(desk, ADMIN);
  for (const [u, name, role] of [
    [CLERK, '录入员小张', '录入员'],
    [REVIEWER, '审核员老李', '审核员'],
  ] as const)
    await createUser(desk, admin, u, name, role);

  // The clerk imports the file; the import checks the new deals at once.
  const clerk = await apiAs(desk, CLERK);
  const started = (await clerk.call('import.start', {
    fileName: '交易.csv',
    base64: Buffer.from(ROUND_TRIP_CSV, 'utf8').toString('base64'),
    dryRun: false,
    validOnly: false,
  })) as { ok: boolean; value: { jobId: string }; error?: { message: string } };
  expect(started.ok, started.error?.message).toBe(true);
  await expect
    .poll(
      async () =>
        ((await clerk.call('import.status', { jobId: started.value.jobId })).value as { state: string }).state,
      { timeout: 30_000 },
    )
    .toBe('已完成');
  const before = i1Of(desk);
  expect(before).toBe(2);

  // The clerk may not decide, whatever the route.
  const refused = await clerk.call('review.queue', { ruleIds: ['R02'] });
  const flagId = (refused.value as { rows: { id: string }[] }).rows[0]!.id;
  expect(await clerk.call('review.decide', { flagId, decision: '排除', reason: '我录的，没问题' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });

  // The reviewer works the queue in the browser.
  await login(page, desk, REVIEWER);
  await page.getByRole('menuitem', { name: '异常审核' }).click();
  await expect(page.getByRole('heading', { name: '异常审核', exact: true })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'R02 回流交易' });
  await expect(row).toContainText('HT-E2E-OUT');
  await expect(row).toContainText('待审核');
  await screenshot(page, 'review-queue');
  await row.click();

  await expect(page.getByRole('heading', { name: 'R02 回流交易', exact: true })).toBeVisible();
  await expect(page.getByText('第 1 笔：合同 HT-E2E-OUT')).toBeVisible();
  await expect(page.getByText('第 2 笔：合同 HT-E2E-BACK')).toBeVisible();
  await expect(page.getByText('录入员小张').first()).toBeVisible();
  await page.getByRole('button', { name: '提交审核结论' }).click();
  await expect(page.getByText('请填写审核理由')).toBeVisible();
  await page.getByRole('radio', { name: '确认异常' }).check();
  await page.getByLabel('审核理由').fill('半年内原价转回，双方无实施记录，属不以实施为目的的倒买倒卖');
  await screenshot(page, 'review-detail');
  await page.getByRole('button', { name: '提交审核结论' }).click();
  await expect(page.getByText('已审核：确认异常')).toBeVisible();
  await expect(page.getByText('半年内原价转回，双方无实施记录').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '重新打开' })).toBeVisible();

  // Both deals of the confirmed round trip leave the indicator.
  expect(i1Of(desk)).toBe(before - 2);

  // The clerk, promoted to reviewer later, still may not decide on deals they entered.
  const promoted = await admin.call('users.update', {
    id: ((await admin.call('users.list', {})).value as { id: string; username: string }[]).find(
      (u) => u.username === CLERK.username,
    )!.id,
    role: '审核员',
  });
  expect(promoted.ok).toBe(true);
  await page.getByRole('button', { name: '退出登录' }).click();
  await login(page, desk, CLERK);
  await page.goto(`${desk.url}#/review/${flagId}`);
  await expect(page.getByText('由您本人录入，不能由您审核')).toBeVisible();
  await expect(page.getByRole('button', { name: '重新打开' })).toHaveCount(0);
  await admin.api.dispose();
  await clerk.api.dispose();
});

test('an administrator changes a threshold in 设置 and a full scan shows its progress', async ({ page, desk }) => {
  await login(page, desk);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '异常规则' }).click();
  const window = page.getByLabel('R08 专利不少于');
  await expect(window).toHaveValue('10');
  await window.fill('12');
  await screenshot(page, 'settings-rules');
  await page.getByRole('button', { name: '保存阈值' }).click();
  await expect(page.getByText('已保存为第 1 版')).toBeVisible();

  await page.getByRole('menuitem', { name: '异常审核' }).click();
  await page.getByRole('button', { name: '全面扫描' }).click();
  await expect(page.getByText(/扫描完成：发现 \d+ 条异常/)).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('已审核的结论保持不变');
});

/** An account the administrator creates; its user replaces the password the administrator chose, as a new account must. */
async function createUser(
  desk: Desk,
  admin: ApiSession,
  user: { username: string; password: string },
  displayName: string,
  role: '录入员' | '审核员',
): Promise<void> {
  const created = await admin.call('users.create', {
    username: user.username,
    displayName,
    role,
    password: 'set-by-admin-1',
  });
  expect(created.ok, created.error?.message).toBe(true);
  const first = await apiAs(desk, { username: user.username, password: 'set-by-admin-1' });
  expect(
    (await first.call('users.changePassword', { currentPassword: 'set-by-admin-1', newPassword: user.password })).ok,
  ).toBe(true);
  await first.api.dispose();
}

/** Imports a CSV through the API as `user` and waits for the import (and its checks) to finish. */
async function importAs(desk: Desk, user: { username: string; password: string }, csv: string): Promise<void> {
  const session = await apiAs(desk, user);
  const started = (await session.call('import.start', {
    fileName: '交易.csv',
    base64: Buffer.from(csv, 'utf8').toString('base64'),
    dryRun: false,
    validOnly: false,
  })) as { ok: boolean; value: { jobId: string }; error?: { message: string } };
  expect(started.ok, started.error?.message).toBe(true);
  await expect
    .poll(
      async () =>
        ((await session.call('import.status', { jobId: started.value.jobId })).value as { state: string }).state,
      { timeout: 30_000 },
    )
    .toBe('已完成');
  await session.api.dispose();
}

test('the queue is searched by contract number, sorted, marks the flags the reviewer entered; a decision needs a chosen conclusion and a real reason, then 下一条', async ({
  page,
  desk,
}) => {
  const admin = await apiAs(desk, ADMIN);
  await createUser(desk, admin, CLERK, '录入员小张', '录入员');
  await importAs(desk, CLERK, ROUND_TRIP_CSV);
  // The administrator enters a second round trip himself: under the four-eyes rule it is not his to decide.
  const own = ROUND_TRIP_CSV.replaceAll('HT-E2E-OUT', 'HT-E2E-ADM-OUT')
    .replaceAll('HT-E2E-BACK', 'HT-E2E-ADM-BACK')
    .replaceAll('202010310978.3', '202311303481.9')
    .replaceAll('2020-04-21', '2023-10-12');
  await importAs(desk, ADMIN, own);

  await login(page, desk);
  await page.getByRole('menuitem', { name: '异常审核' }).click();
  const mine = page.getByRole('row').filter({ hasText: 'HT-E2E-ADM-OUT' });
  const theirs = page.getByRole('row').filter({ hasText: 'HT-E2E-OUT' });
  await expect(mine.first()).toContainText('本人录入，不能审核');
  await expect(theirs.first()).toBeVisible();
  await expect(theirs.first()).not.toContainText('本人录入');
  await screenshot(page, 'review-queue-marked');

  // Search by part of a contract number.
  await page.getByLabel('搜索编号').fill('adm-back');
  await page.getByLabel('搜索编号').press('Enter');
  await expect(theirs).toHaveCount(0);
  await expect(mine.first()).toBeVisible();
  await page.getByLabel('搜索编号').fill('');
  await page.getByLabel('搜索编号').press('Enter');
  await expect(theirs.first()).toBeVisible();

  // Sort by 地区 / 规则: the header says so and the rows follow (once the sorted page has come back: the header
  // changes first, the rows when the queue answers).
  const rulesShown = () => page.locator('tbody tr td:nth-child(1)').allTextContents();
  await page.getByRole('columnheader', { name: '规则' }).click();
  await expect(page.getByRole('columnheader', { name: '规则' })).toHaveAttribute('aria-sort', 'ascending');
  await expect
    .poll(async () => {
      const rules = await rulesShown();
      return rules.length > 1 && rules.join('|') === [...rules].sort().join('|');
    })
    .toBe(true);
  const ascending = await rulesShown();
  await page.getByRole('columnheader', { name: '规则' }).click();
  await expect(page.getByRole('columnheader', { name: '规则' })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(rulesShown).toEqual([...ascending].reverse());

  await theirs.filter({ hasText: 'R02' }).click();
  await expect(page.getByRole('heading', { name: 'R02 回流交易', exact: true })).toBeVisible();
  // Nothing is chosen for the reviewer.
  for (const decision of ['确认异常', '排除', '需补充材料'])
    await expect(page.getByRole('radio', { name: decision })).not.toBeChecked();
  await page.getByLabel('审核理由').fill('同意');
  await page.getByRole('button', { name: '提交审核结论' }).click();
  await expect(page.getByText('请选择审核结论')).toBeVisible();
  await expect(page.getByText('审核理由至少 5 个字')).toBeVisible();

  // From the flag to its deal and back.
  const flagUrl = page.url();
  await page.getByRole('link', { name: '交易 HT-E2E-BACK' }).click();
  await expect(page.getByRole('heading', { name: '专利交易详情', exact: true })).toBeVisible();
  await page.getByText('R02 待审核', { exact: true }).locator('..').getByRole('link', { name: '查看审核' }).click();
  await expect(page).toHaveURL(flagUrl);

  await page.getByRole('radio', { name: '排除' }).check();
  await page.getByLabel('审核理由').fill('已核实回购合同，属合法安排');
  await page.getByRole('button', { name: '提交审核结论' }).click();
  await expect(page.getByText('已审核：排除')).toBeVisible();
  await screenshot(page, 'review-decided-next');
  // 下一条 skips the administrator's own flags.
  await page.getByRole('button', { name: '下一条' }).click();
  await expect(page).not.toHaveURL(flagUrl);
  await expect(page.getByRole('heading', { name: /^R0[16] / })).toBeVisible();
  await expect(page.getByText('由您本人录入，不能由您审核')).toHaveCount(0);
  await admin.api.dispose();
});
