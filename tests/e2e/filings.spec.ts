import type { Page } from '@playwright/test';
import { ADMIN, callAsPage, expect, login, pickOption, screenshot, test } from './fixtures';

// Each test fills the whole paper form through real widgets; on a shared, busy machine that takes a while.
test.describe.configure({ timeout: 180_000 });
/** For the screens' answers on a loaded machine (the later tests' record loads and saves). */
const patient = expect.configure({ timeout: 30_000 });

async function fillDate(page: Page, label: string, iso: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}

async function fillParty(
  page: Page,
  label: string,
  party: { name: string; uscc?: string; kind: string; region?: string },
) {
  await page.getByLabel(`${label}名称`).fill(party.name);
  if (party.uscc) await page.getByLabel(`${label}统一社会信用代码`).fill(party.uscc);
  await pickOption(page, `${label}类型`, party.kind);
  if (party.region) await pickOption(page, `${label}所在地`, party.region);
}

/** Fills the deal form with a 2-patent ordinary license and 2 payments. */
async function fillLicense(page: Page) {
  await page.getByLabel('合同编号').fill('HT-2023-0815');
  await pickOption(page, '交易类型', '许可');
  await pickOption(page, '许可方式', '普通');
  await fillDate(page, '合同日期', '2023-03-01');
  await fillDate(page, '备案日期', '2023-04-10');
  await pickOption(page, '所属产业', '节能环保');

  await page.getByLabel('第 1 件专利号').fill('ZL202010310978.3');
  await page.getByLabel('第 1 件专利名称').fill('一种煤矸石综合利用方法');
  await fillDate(page, '第 1 件申请日', '2020-04-21');
  await page.getByRole('button', { name: '添加专利' }).click();
  await page.getByLabel('第 2 件专利号').fill('202321303481.4');
  await page.getByLabel('第 2 件专利名称').fill('一种光伏组件清洗装置');
  await fillDate(page, '第 2 件申请日', '2023-05-12');

  await fillParty(page, '让与方', { name: '太原理工大学', uscc: '121400004052002036', kind: '高校', region: '太原市' });
  await fillParty(page, '受让方', {
    name: '山西示例科技有限公司',
    uscc: '91140100MA0K123488',
    kind: '企业',
    region: '太原市',
  });
  await pickOption(page, '受让方规模', '小型');

  await page.getByLabel('成交金额', { exact: true }).fill('50');
  await page.getByRole('button', { name: '添加到账' }).click();
  await fillDate(page, '第 1 笔到账日期', '2023-03-15');
  await page.getByLabel('第 1 笔到账金额').fill('20');
  await page.getByRole('button', { name: '添加到账' }).click();
  await fillDate(page, '第 2 笔到账日期', '2023-06-15');
  await page.getByLabel('第 2 笔到账金额').fill('30');
}

test('a caseworker records a 2-patent license with 2 payments, corrects the amount and voids it', async ({
  page,
  desk,
}) => {
  await login(page, desk);
  await page.getByRole('menuitem', { name: '备案登记' }).click();
  await expect(page.getByRole('tab', { name: '专利交易' })).toBeVisible();
  await page.getByRole('button', { name: '新增专利交易' }).click();
  await fillLicense(page);
  // The check character is explained while typing, and the type is derived from the number.
  await page.getByLabel('第 2 件专利号').fill('202321303481.9');
  await expect(page.getByText('专利号校验位错误，应为 4')).toBeVisible();
  await page.getByLabel('第 2 件专利号').fill('202321303481.4');
  await expect(page.getByTestId('patent-derived').nth(1)).toContainText('实用新型');
  await expect(page.getByTestId('patent-derived').nth(1)).toContainText('届满日 2033-05-11');
  await screenshot(page, 'filings-deal-form');
  await page.getByRole('button', { name: '保存', exact: true }).click();

  await expect(page.getByRole('heading', { name: '专利交易详情', exact: true })).toBeVisible();
  const patents = page.locator('.ant-card').filter({ hasText: '专利（2 件）' });
  await expect(patents.getByRole('row').filter({ hasText: '202010310978.3' })).toContainText('发明');
  await expect(patents.getByRole('row').filter({ hasText: '202010310978.3' })).toContainText('2040-04-20');
  await expect(patents.getByRole('row').filter({ hasText: '202321303481.4' })).toContainText('实用新型');
  await expect(patents.getByRole('row').filter({ hasText: '202321303481.4' })).toContainText('2033-05-11');
  await expect(page.getByText('到账（2 笔）')).toBeVisible();
  await screenshot(page, 'filings-deal-detail');

  // The list shows it.
  await page.getByRole('button', { name: '返回列表' }).click();
  const row = page.getByRole('row').filter({ hasText: 'HT-2023-0815' });
  await expect(row).toContainText('太原理工大学');
  await expect(row).toContainText('50.00 万元');
  await screenshot(page, 'filings-deal-list');

  // Changing the amount makes a second version, with the user's name.
  await row.click();
  await page.getByRole('button', { name: '修改' }).click();
  await expect(page.getByLabel('成交金额', { exact: true })).toHaveValue('50');
  await page.getByLabel('成交金额', { exact: true }).fill('60');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('第 2 版').first()).toBeVisible();
  const history = page.getByTestId('history-entry');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText(ADMIN.displayName);
  await expect(history.nth(1)).toContainText(ADMIN.displayName);
  await expect(history.nth(1)).toContainText('50000000 → 60000000');

  // Voiding asks for a reason; the deal leaves the default list and shows under 已作废.
  await page.getByRole('button', { name: '作废' }).click();
  await page.getByRole('button', { name: '确认作废' }).click();
  await expect(page.getByText('请填写作废原因').last()).toBeVisible();
  await page.getByLabel('作废原因').fill('合同解除，双方协商终止');
  await page.getByRole('button', { name: '确认作废' }).click();
  await expect(page.getByRole('tab', { name: '专利交易' })).toBeVisible();
  await expect(page.getByTestId('list-total')).toHaveText('共 0 条');
  await pickOption(page, '记录状态', '已作废');
  await expect(page.getByRole('row').filter({ hasText: 'HT-2023-0815' })).toContainText('已作废');
  expect(await fetchDealCount(page, 'active')).toBe(0);
});

const refusals: [string, (page: Page) => Promise<void>, string][] = [
  [
    'a license without a mode',
    async (page) => {
      await pickOption(page, '交易类型', '转让');
      await pickOption(page, '交易类型', '许可');
    },
    '许可交易须选择许可方式',
  ],
  [
    'a recordation date before the contract date',
    (page) => fillDate(page, '备案日期', '2023-02-01'),
    '备案（登记）日期不能早于合同日期 2023-03-01',
  ],
  [
    'a payment before the contract date',
    (page) => fillDate(page, '第 1 笔到账日期', '2023-01-05'),
    '到账日期不能早于合同日期 2023-03-01',
  ],
  ['a recordation date in the future', (page) => fillDate(page, '备案日期', '2099-01-01'), '晚于今天'],
  ['a patent listed twice', (page) => page.getByLabel('第 2 件专利号').fill('202010310978.3'), '同一专利不能重复列出'],
];

for (const [name, spoil, message] of refusals) {
  test(`refuses ${name} with its Chinese message at the field and writes nothing`, async ({ page, desk }) => {
    await login(page, desk);
    await page.goto(`${desk.url}#/filings/deals/new`);
    await fillLicense(page);
    await spoil(page);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.locator('.ant-form-item-explain-error').filter({ hasText: message })).toBeVisible();
    await expect(page.getByRole('heading', { name: '新增专利交易', exact: true })).toBeVisible();
    expect(await fetchDealCount(page)).toBe(0);
  });
}

test('payments above the contract amount need an explicit confirmation', async ({ page, desk }) => {
  await login(page, desk);
  await page.goto(`${desk.url}#/filings/deals/new`);
  await fillLicense(page);
  await page.getByLabel('成交金额', { exact: true }).fill('40');
  await expect(page.getByLabel('确认到账金额超过成交金额')).toBeVisible();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  // The refusal quotes the checkbox as it reads on screen.
  await expect(
    page
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: '到账金额合计超过成交金额，请核实后勾选“确认到账金额超过成交金额”' }),
  ).toBeVisible();
  expect(await fetchDealCount(page)).toBe(0);
  await page.getByLabel('确认到账金额超过成交金额').check();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: '专利交易详情', exact: true })).toBeVisible();
});

test('an unsaved form survives a restart as a draft', async ({ page, desk }) => {
  await login(page, desk);
  await page.goto(`${desk.url}#/filings/deals/new`);
  await page.getByLabel('合同编号').fill('HT-草稿-001');
  await page.getByLabel('第 1 件专利号').fill('202010310978.3');
  // The draft reaches the store shortly after typing stops.
  await expect
    .poll(() =>
      callDesk(page, 'drafts.load', { key: 'deal' }).then(
        (d) => (d as { data?: { contractNo?: string } } | null)?.data?.contractNo,
      ),
    )
    .toBe('HT-草稿-001');
  await page.reload();
  await expect(page.getByText('未保存的草稿')).toBeVisible();
  await expect(page.getByLabel('合同编号')).toHaveValue('HT-草稿-001');
  await expect(page.getByLabel('第 1 件专利号')).toHaveValue('202010310978.3');
  await screenshot(page, 'filings-draft-restored');
});

/** Calls the contract through the page's own session, as the screens do; undefined when refused. */
async function callDesk(page: Page, method: string, input: unknown): Promise<unknown> {
  const result = await callAsPage(page, method, input);
  return result.ok ? result.value : undefined;
}

/** How many deals the store holds (voided ones too unless asked for active ones). */
async function fetchDealCount(page: Page, status: 'all' | 'active' = 'all'): Promise<number> {
  const page1 = (await callDesk(page, 'deals.list', { status })) as { rows: unknown[] } | undefined;
  return page1?.rows.length ?? -1;
}

test('every filing form and list fits a 1366×768 screen without horizontal scrolling', async ({ page, desk }) => {
  await login(page, desk);
  for (const kind of ['deals', 'pledges', 'registrations', 'figures', 'subsidies']) {
    await page.goto(`${desk.url}#/filings/${kind}/new`);
    await expect(page.getByRole('button', { name: '保存', exact: true })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, `filings-form-${kind}`);
    await page.goto(`${desk.url}#/filings/${kind}`);
    await expect(page.getByRole('tab', { name: '专利交易' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }
});

test('a USCC failing only its organisation-code check is saved with 仍然保存, and the audit shows the confirmed warning', async ({
  page,
  desk,
}) => {
  test.setTimeout(300_000);
  await login(page, desk);
  await page.goto(`${desk.url}#/filings/deals/new`);
  await fillLicense(page);
  await page.getByLabel('受让方统一社会信用代码').fill('12140000405740001G');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await patient(
    page.locator('.ant-form-item-explain-error').filter({ hasText: '组织机构代码（第 9–17 位）校验位不符' }),
  ).toBeVisible();
  patient(await fetchDealCount(page)).toBe(0);
  await screenshot(page, 'filings-uscc-warning');

  await page.getByRole('button', { name: '仍然保存' }).click();
  await patient(page.getByRole('heading', { name: '专利交易详情', exact: true })).toBeVisible();
  await patient(page.getByText('12140000405740001G')).toBeVisible();
  const [deal] = ((await callDesk(page, 'deals.list', {})) as { rows: { id: string }[] }).rows;
  const detail = (await callDesk(page, 'deals.get', { id: deal!.id })) as { assignee: { id: string } };
  const audit = (await callDesk(page, 'audit.history', { entity: 'organization', entityId: detail.assignee.id })) as {
    action: string;
    actorName: string;
    detail: { warning?: string };
  }[];
  const confirmed = audit.find((a) => a.action === 'organization.confirmUsccWarning');
  patient(confirmed?.actorName).toBe(ADMIN.displayName);
  patient(confirmed?.detail.warning).toContain('组织机构代码（第 9–17 位）校验位不符');
});

test('Esc and 取消 ask before throwing a half-filled form away; the draft stays unless discarded', async ({
  page,
  desk,
}) => {
  test.setTimeout(300_000);
  await login(page, desk);
  await page.goto(`${desk.url}#/filings/deals/new`);
  await page.getByLabel('合同编号').fill('HT-半填-001');
  await page.getByLabel('合同编号').press('Escape');
  const question = page.getByRole('dialog').filter({ hasText: '放弃未保存的内容？' });
  await patient(question).toBeVisible();
  await screenshot(page, 'filings-discard-question');
  await question.getByRole('button', { name: '继续编辑' }).click();
  await patient(question).toBeHidden();
  await patient(page.getByLabel('合同编号')).toHaveValue('HT-半填-001');

  // 保留草稿 leaves the form and keeps what was typed, even the last keystrokes.
  await page.getByLabel('合同编号').fill('HT-半填-002');
  await page.getByRole('button', { name: '取消' }).click();
  await question.getByRole('button', { name: '保留草稿' }).click();
  await patient(page.getByRole('tab', { name: '专利交易' })).toBeVisible();
  await page.getByRole('button', { name: '新增专利交易' }).click();
  await patient(page.getByText('未保存的草稿')).toBeVisible();
  await patient(page.getByLabel('合同编号')).toHaveValue('HT-半填-002');

  // 放弃 throws both away.
  await page.getByRole('button', { name: '取消' }).click();
  await question.getByRole('button', { name: '放弃' }).click();
  await patient(page.getByRole('tab', { name: '专利交易' })).toBeVisible();
  await page.getByRole('button', { name: '新增专利交易' }).click();
  await patient(page.getByLabel('合同编号')).toHaveValue('');
  await patient(page.getByText('未保存的草稿')).toHaveCount(0);
  patient(await callDesk(page, 'drafts.load', { key: 'deal' })).toBeNull();
});

test('an amount that is not one blocks saving with one message at its field, optional or not', async ({
  page,
  desk,
}) => {
  test.setTimeout(300_000);
  await login(page, desk);
  await page.goto(`${desk.url}#/filings/figures/new`);
  await page.getByLabel('企业名称').fill('山西示例科技有限公司');
  const revenueItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('营业收入') });
  for (const [typed, reason] of [
    ['一百万', '营业收入：金额不是有效数字：一百万'],
    ['-5', '营业收入：金额不能为负数：-5'],
  ]) {
    await page.getByLabel('营业收入').fill(typed!);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await patient(revenueItem.locator('.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)')).toHaveText(
      reason!,
    );
    await patient(revenueItem.getByText(/金额/)).toHaveCount(1);
    await patient(page.getByRole('heading', { name: '新增企业年度数据', exact: true })).toBeVisible();
  }
  await screenshot(page, 'filings-invalid-amount');
  patient(((await callDesk(page, 'figures.list', {})) as { rows: unknown[] }).rows).toHaveLength(0);

  await page.getByLabel('营业收入').fill('1,200.5');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await patient(page.getByRole('heading', { name: '企业年度数据详情', exact: true })).toBeVisible();
  await patient(page.getByText('1,200.50 万元')).toBeVisible();
});

/** Beijing time of a stored UTC instant, as every screen shows it. */
const beijing = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

test('a payment added in a deal’s 修改 makes a new version whose history shows it, with times in Beijing time', async ({
  page,
  desk,
}) => {
  test.setTimeout(300_000);
  await login(page, desk);
  const created = (await callDesk(page, 'deals.create', {
    kind: '转让',
    contractNo: 'HT-2023-0901',
    contractDate: '2023-03-01',
    patents: [{ number: '202010310978.3', title: '一种煤矸石综合利用方法' }],
    assignor: { name: '太原理工大学', uscc: '121400004052002036', kind: '高校', regionCode: '140100' },
    assignee: { name: '山西示例科技有限公司', uscc: '91140100MA0K123488', kind: '企业', regionCode: '140100' },
    industry: '节能环保',
    amountFen: 50_000_000,
    payments: [{ paidDate: '2023-03-15', amountFen: 20_000_000, voucherNo: '' }],
  })) as { id: string };
  await page.goto(`${desk.url}#/filings/deals/${created.id}`);
  await patient(page.getByText('第 1 版').first()).toBeVisible();

  await page.getByRole('button', { name: '修改' }).click();
  await patient(page.getByLabel('第 1 笔到账金额')).toHaveValue('20');
  await page.getByRole('button', { name: '添加到账' }).click();
  await fillDate(page, '第 2 笔到账日期', '2023-06-15');
  await page.getByLabel('第 2 笔到账金额').fill('30');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await patient(page.getByText('已保存为新版本')).toBeVisible();
  await patient(page.getByText('第 2 版').first()).toBeVisible();
  await patient(page.getByText('到账（2 笔）')).toBeVisible();
  const history = page.getByTestId('history-entry');
  await patient(history).toHaveCount(2);
  await patient(history.nth(1)).toContainText(
    '到账：2023-03-15 20.00 万元 → 2023-03-15 20.00 万元、2023-06-15 30.00 万元',
  );

  // 最后修改 and 修改记录 are stored in UTC and shown in the computer's time (Asia/Shanghai here): 8 hours ahead.
  const [row] = ((await callDesk(page, 'deals.list', {})) as { rows: { id: string }[] }).rows;
  const detail = (await callDesk(page, 'deals.get', { id: row!.id })) as { updatedAt: string };
  patient(detail.updatedAt).toMatch(/Z$/);
  await patient(page.getByText(`最后修改 ${beijing(detail.updatedAt)}`)).toBeVisible();
  await patient(history.nth(1)).toContainText(beijing(detail.updatedAt));
  await screenshot(page, 'filings-deal-payment-history');
});

test('dates typed as 20230301, 2023/04/10 or 2023.03.15 are understood; empty required fields say 请填写 / 请选择 once', async ({
  page,
  desk,
}) => {
  test.setTimeout(300_000);
  await login(page, desk);
  await page.goto(`${desk.url}#/filings/deals/new`);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const dateItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('合同日期', { exact: true }) });
  await patient(dateItem.locator('.ant-form-item-explain-error')).toHaveText('请填写合同日期');
  // No industry is chosen for the user.
  await patient(
    page
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('所属产业') })
      .locator('.ant-form-item-explain-error'),
  ).toHaveText('请选择所属产业');
  await screenshot(page, 'filings-empty-required');

  await fillDate(page, '合同日期', '20230301');
  await fillDate(page, '备案日期', '2023/04/10');
  await page.getByRole('button', { name: '添加到账' }).click();
  await fillDate(page, '第 1 笔到账日期', '2023.03.15');
  await page.getByLabel('第 1 笔到账金额').fill('20');
  await patient(page.getByLabel('合同日期', { exact: true })).toHaveValue('2023-03-01');
  await patient(page.getByLabel('备案日期', { exact: true })).toHaveValue('2023-04-10');
  await patient(page.getByLabel('第 1 笔到账日期', { exact: true })).toHaveValue('2023-03-15');
  await patient(dateItem.locator('.ant-form-item-explain-error')).toHaveCount(0);

  // The over-payment refusal names the checkbox as it reads on screen.
  await page.getByLabel('成交金额', { exact: true }).fill('10');
  await patient(page.locator('.ant-checkbox-wrapper').filter({ hasText: '确认到账金额超过成交金额' })).toHaveText(
    '确认到账金额超过成交金额',
  );
  await screenshot(page, 'filings-dates-typed');
});
