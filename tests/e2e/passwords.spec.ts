import type { Page } from '@playwright/test';
import { ADMIN, callAsPage, expect as quick, login, screenshot, test } from './fixtures';

/** For the screens' answers on a loaded machine. */
const expect = quick.configure({ timeout: 30_000 });

async function signIn(page: Page, url: string, user: { username: string; password: string }) {
  await page.goto(url);
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function changePassword(page: Page, current: string, next: string) {
  await page.getByLabel('当前密码').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('再次输入新密码').fill(next);
  await page.getByRole('button', { name: '修改密码' }).click();
}

test('an administrator resets a user’s password to a one-time one; the user must change it before using the desk, and changes it again from the user menu', async ({
  page,
  desk,
}) => {
  test.setTimeout(300_000);
  await login(page, desk);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '用户' }).click();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '新建用户' });
  await dialog.getByLabel('用户名').fill('clerk');
  await dialog.getByLabel('姓名').fill('录入员小张');
  await dialog.getByLabel('初始密码').fill('set-by-admin-1');
  await dialog.getByRole('button', { name: '创建' }).click();
  const row = page.getByRole('row').filter({ hasText: '录入员小张' });
  await expect(row).toContainText('待本人修改');

  // 重置密码 with a generated one-time password, shown once.
  await row.getByRole('button', { name: '重置密码' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '重置密码' }).click();
  const shown = page.getByTestId('temporary-password');
  await expect(shown).toHaveText(/^[A-Za-z2-9]{12}$/);
  const temporary = (await shown.textContent())!;
  await screenshot(page, 'settings-reset-password');
  await page.getByRole('button', { name: '我已记下' }).click();
  await page.getByRole('button', { name: '退出登录' }).click();

  // The old password is gone; the one-time one opens only the change-password screen.
  await signIn(page, desk.url, { username: 'clerk', password: 'set-by-admin-1' });
  await expect(page.getByText('用户名或密码不正确')).toBeVisible();
  await signIn(page, desk.url, { username: 'clerk', password: temporary });
  await expect(page.getByRole('heading', { name: '请修改密码' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '备案登记' })).toHaveCount(0);
  await screenshot(page, 'password-change-required');
  await page.goto(`${desk.url}#/filings/deals`);
  await expect(page.getByRole('heading', { name: '请修改密码' })).toBeVisible();
  await changePassword(page, temporary, temporary);
  await expect(page.getByText('新密码不能与管理员设置的密码相同，请另设一个')).toBeVisible();
  await changePassword(page, temporary, 'clerk-own-pass-1');
  await expect(page.getByRole('heading', { name: '备案登记', exact: true })).toBeVisible();

  // Later, from the user menu: the current password is checked.
  await page.getByRole('button', { name: '用户菜单' }).click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  const modal = page.getByRole('dialog').filter({ hasText: '修改密码' });
  await modal.getByLabel('当前密码').fill('not-my-pass-1');
  await modal.getByLabel('新密码', { exact: true }).fill('clerk-own-pass-2');
  await modal.getByLabel('再次输入新密码').fill('clerk-own-pass-3');
  await modal.getByRole('button', { name: '修改密码' }).click();
  await expect(modal.getByText('两次输入的新密码不一致')).toBeVisible();
  await modal.getByLabel('再次输入新密码').fill('clerk-own-pass-2');
  await modal.getByRole('button', { name: '修改密码' }).click();
  await expect(modal.getByText('当前密码不正确')).toBeVisible();
  await screenshot(page, 'password-change-menu');
  await modal.getByLabel('当前密码').fill('clerk-own-pass-1');
  await modal.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('密码已修改')).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  await login(page, desk, { username: 'clerk', password: 'clerk-own-pass-2' });

  // The administrator sees who did what.
  await page.getByRole('button', { name: '退出登录' }).click();
  await login(page, desk, ADMIN);
  const users = (await callAsPage(page, 'users.list', {})).value as { id: string; username: string }[];
  const clerkId = users.find((u) => u.username === 'clerk')!.id;
  const audit = (await callAsPage(page, 'audit.history', { entity: 'user', entityId: clerkId })) as {
    value: { action: string; actorName: string }[];
  };
  expect(audit.value.map((a) => [a.action, a.actorName])).toEqual([
    ['users.create', ADMIN.displayName],
    ['users.resetPassword', ADMIN.displayName],
    ['users.changePassword', '录入员小张'],
    ['users.changePassword', '录入员小张'],
  ]);
});
