// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskBridgeFor } from '../../../tests/testing/deskBridge';
import { ADMIN_PASSWORD, setUpStore } from '../../../tests/testing/tempStore';
import { renderOnDesk } from '../../testing/dom';
import { ChangePasswordForm } from './ChangePasswordForm';

let store: Awaited<ReturnType<typeof setUpStore>>;
let done = 0;
beforeEach(async () => {
  store = await setUpStore('140100');
  done = 0;
  renderOnDesk(
    <ChangePasswordForm currentLabel="当前密码" onDone={() => void done++} />,
    deskBridgeFor(store.service, store.adminActor),
  );
});
afterEach(() => store.close());

const signsIn = async (password: string) =>
  (await store.service.call('auth.login', { username: 'admin', password }, { sessionKey: 'check' })).ok;

async function fill(current: string, next: string, repeat: string) {
  if (current) await userEvent.type(screen.getByLabelText('当前密码'), current);
  if (next) await userEvent.type(screen.getByLabelText('新密码'), next);
  if (repeat) await userEvent.type(screen.getByLabelText('再次输入新密码'), repeat);
  await userEvent.click(screen.getByRole('button', { name: '修改密码' }));
}

describe('修改密码: the form against a real desk', () => {
  it('an empty form says what is missing at each field, once', async () => {
    await fill('', '', '');
    expect(await screen.findByText('请填写当前密码')).toBeTruthy();
    expect(screen.getAllByText('请再次输入新密码')).toHaveLength(1);
    expect(done).toBe(0);
  });

  it('two different new passwords are refused at the repeat field and change nothing', async () => {
    await fill(ADMIN_PASSWORD, 'new-pass-1234', 'new-pass-9999');
    expect(await screen.findByText('两次输入的新密码不一致')).toBeTruthy();
    expect(await signsIn(ADMIN_PASSWORD)).toBe(true);
  });

  it('a wrong current password is refused by the desk with its Chinese reason, and changes nothing', async () => {
    await fill('not-my-password', 'new-pass-1234', 'new-pass-1234');
    await waitFor(() => expect(document.body.textContent).toMatch(/当前密码.*(不正确|错误)/));
    expect(done).toBe(0);
    expect(await signsIn(ADMIN_PASSWORD)).toBe(true);
  });

  it('the right one changes it: the new password signs in, the old one no longer', async () => {
    await fill(ADMIN_PASSWORD, 'new-pass-1234', 'new-pass-1234');
    await waitFor(() => expect(done).toBe(1));
    expect(await signsIn('new-pass-1234')).toBe(true);
    expect(await signsIn(ADMIN_PASSWORD)).toBe(false);
  });
});
