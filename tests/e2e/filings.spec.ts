import type { Page } from '@playwright/test';
import { ADMIN, expect, login, screenshot, test } from './fixtures';

// Each test fills the whole paper form through real widgets; on a shared, busy machine that takes a while.
test.describe.configure({ timeout: 180_000 });

async function fillDate(page: Page, label: string, iso: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}

async function pickOption(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(option, { exact: true }).click();
}

async function fillParty(page: Page, label: string, party: { name: string; uscc?: string; kind: string; region?: string }) {
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
  await fillParty(page, '受让方', { name: '山西示例科技有限公司', uscc: '91140100MA0K123488', kind: '企业', region: '太原市' });
  await pickOption(page, '受让方规模', '小型');

  await page.getByLabel('成交金额', { exact: true }).fill('50');
  await page.getByRole('button', { name: '添加到账' }).click();
  await fillDate(page, '第 1 笔到账日期', '2023-03-15');
  await page.getByLabel('第 1 笔到账金额').fill('20');
  await page.getByRole('button', { name: '添加到账' }).click();
  await fillDate(page, '第 2 笔到账日期', '2023-06-15');
  await page.getByLabel('第 2 笔到账金额').fill('30');
}

test('a caseworker records a 2-patent license with 2 payments, corrects the amount and voids it', async ({ page, desk }) => {
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
  ['a recordation date before the contract date', (page) => fillDate(page, '备案日期', '2023-02-01'), '备案（登记）日期不能早于合同日期 2023-03-01'],
  ['a payment before the contract date', (page) => fillDate(page, '第 1 笔到账日期', '2023-01-05'), '到账日期不能早于合同日期 2023-03-01'],
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
  await expect(page.locator('.ant-form-item-explain-error').filter({ hasText: '到账金额合计超过成交金额' })).toBeVisible();
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
  await expect.poll(() => callDesk(page, 'drafts.load', { key: 'deal' }).then((d) => (d as { data?: { contractNo?: string } } | null)?.data?.contractNo)).toBe('HT-草稿-001');
  await page.reload();
  await expect(page.getByText('未保存的草稿')).toBeVisible();
  await expect(page.getByLabel('合同编号')).toHaveValue('HT-草稿-001');
  await expect(page.getByLabel('第 1 件专利号')).toHaveValue('202010310978.3');
  await screenshot(page, 'filings-draft-restored');
});

/** Calls the contract through the page's own session, as the screens do. */
async function callDesk(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([method, input]) => {
      const response = await fetch('./api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ method, input }),
      });
      const result = (await response.json()) as { ok: boolean; value?: unknown };
      return result.ok ? result.value : undefined;
    },
    [method, input] as const,
  );
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
