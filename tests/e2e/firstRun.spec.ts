import { ADMIN, expect, login, screenshot, test } from './fixtures';

test('a new installation is set up in Chinese, and the new administrator lands on 首页', async ({
  page,
  freshDesk,
}) => {
  await page.goto(freshDesk.url);
  await expect(page.getByText('欢迎使用专利转化工作台')).toBeVisible();
  await screenshot(page, 'setup');

  // Refused input is explained beside the field, in Chinese.
  await page.getByRole('button', { name: '完成设置并进入' }).click();
  await expect(page.getByText('请选择本机所属地区')).toBeVisible();
  await expect(page.getByText('地区代码应为 6 位数字')).toHaveCount(0);
  await expect(page.getByText('密码至少 8 位')).toBeVisible();
  await expect(page.getByText('请再次输入密码')).toBeVisible();

  // The zone is found by the name people use for it.
  await page.getByLabel('本机所属地区').fill('综改');
  await expect(page.locator('.ant-select-dropdown').getByText(/山西转型综合改革示范区（综改区/)).toBeVisible();
  await page.getByLabel('本机所属地区').press('Escape');

  // A click on an option while the drop-down is still opening can miss on a loaded machine: pick until it is taken.
  await expect(async () => {
    await page.getByLabel('本机所属地区').click();
    await page.locator('.ant-select-dropdown').getByText('晋中市（140700）').click({ timeout: 2_000 });
    await expect(page.getByText('请选择本机所属地区')).toHaveCount(0, { timeout: 1_000 });
  }).toPass();
  await page.getByLabel('管理员用户名').fill('admin');
  await page.getByLabel('管理员姓名').fill('李科长');
  await page.getByLabel('密码', { exact: true }).fill('secret-pass-1');
  await page.getByLabel('再次输入密码').fill('secret-pass-2');
  await page.getByRole('button', { name: '完成设置并进入' }).click();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await page.getByLabel('再次输入密码').fill('secret-pass-1');
  await page.getByRole('button', { name: '完成设置并进入' }).click();

  await expect(page.getByRole('heading', { name: '首页', exact: true })).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveText('李科长');
  await expect(page.getByText('晋中市').first()).toBeVisible();
  await screenshot(page, 'home');

  // Log out and back in with the new account.
  await page.getByRole('button', { name: '退出登录' }).click();
  await login(page, freshDesk, { username: 'admin', password: 'secret-pass-1' });
});

test('a wrong password is refused with one Chinese message', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('用户名或密码不正确')).toBeVisible();
  await screenshot(page, 'login-failed');
});

test('every section of the navigation opens with a Chinese title', async ({ page, desk }) => {
  await login(page, desk);
  for (const section of ['备案登记', '异常审核', '数据同步', '统计图表', '成效评价', '设置']) {
    await page.getByRole('menuitem', { name: section }).click();
    await expect(page.getByRole('heading', { name: section, exact: true })).toBeVisible();
  }
  await screenshot(page, 'settings');
});

test('the page refuses to work without the launch token', async ({ page, desk }) => {
  const origin = new URL(desk.url).origin;
  const response = await page.goto(`${origin}/`);
  expect(response?.status()).toBe(403);
  await expect(page.getByText('请使用启动时打印的完整地址')).toBeVisible();
});
