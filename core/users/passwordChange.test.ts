import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, setUpStore } from '../../tests/testing/tempStore';

let desk: Awaited<ReturnType<typeof setUpStore>>;
afterEach(() => desk?.close());

/** Calls through a session, as the desktop window and browser mode do. */
const session = (key: string) => (method: string, input: unknown) =>
  desk.service.call(method, input, { sessionKey: key });

/** The audit rows about users other than the administrator made at setup. */
const audit = () =>
  desk.service.store.db
    .prepare(
      "SELECT action, actor_name AS actor, detail FROM audit_log WHERE entity = 'user' AND entity_id != ? ORDER BY seq",
    )
    .all(desk.adminActor.id) as {
    action: string;
    actor: string;
    detail: string;
  }[];

describe('changing and resetting passwords', () => {
  it('a new account must change the password the administrator chose before it may do anything else', async () => {
    desk = await setUpStore();
    await desk.call('users.create', {
      username: 'clerk',
      displayName: '录入员甲',
      role: '录入员',
      password: 'set-by-admin-1',
    });
    const clerk = session('clerk');
    const login = await clerk('auth.login', { username: 'clerk', password: 'set-by-admin-1' });
    expect(login).toMatchObject({ ok: true, value: { mustChangePassword: true } });

    expect(await clerk('deals.list', {})).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect(
      await clerk('users.changePassword', { currentPassword: 'set-by-admin-1', newPassword: 'set-by-admin-1' }),
    ).toMatchObject({
      ok: false,
      error: { field: 'newPassword', message: '新密码不能与管理员设置的密码相同，请另设一个' },
    });
    expect(
      await clerk('users.changePassword', { currentPassword: 'wrong-one-1', newPassword: 'my-own-pass-1' }),
    ).toMatchObject({
      ok: false,
      error: { field: 'currentPassword', message: '当前密码不正确' },
    });
    expect(
      await clerk('users.changePassword', { currentPassword: 'set-by-admin-1', newPassword: 'my-own-pass-1' }),
    ).toMatchObject({ ok: true });
    expect(await clerk('deals.list', {})).toMatchObject({ ok: true });
    expect(await clerk('auth.me', {})).toMatchObject({ ok: true, value: { mustChangePassword: false } });

    // The old password no longer opens the desk; the new one does.
    expect(await session('again')('auth.login', { username: 'clerk', password: 'set-by-admin-1' })).toMatchObject({
      ok: false,
    });
    expect(await session('again')('auth.login', { username: 'clerk', password: 'my-own-pass-1' })).toMatchObject({
      ok: true,
    });
    expect(audit().map((a) => [a.action, a.actor, JSON.parse(a.detail) as unknown])).toEqual([
      ['users.create', '管理员甲', { username: 'clerk', role: '录入员' }],
      ['users.changePassword', '录入员甲', { required: true }],
    ]);
  });

  it('an administrator resets a forgotten password to a one-time password shown once; the user must change it', async () => {
    desk = await setUpStore();
    const created = await desk.call('users.create', {
      username: 'clerk',
      displayName: '录入员甲',
      role: '录入员',
      password: 'set-by-admin-1',
    });
    const { temporaryPassword } = await desk.call('users.resetPassword', { id: created.id });
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(await session('c')('auth.login', { username: 'clerk', password: 'set-by-admin-1' })).toMatchObject({
      ok: false,
    });
    expect(await session('c')('auth.login', { username: 'clerk', password: temporaryPassword })).toMatchObject({
      ok: true,
      value: { mustChangePassword: true },
    });

    // Or one the administrator chooses; the audit never holds a password.
    await desk.call('users.resetPassword', { id: created.id, newPassword: 'chosen-by-admin-2' });
    expect(await session('d')('auth.login', { username: 'clerk', password: 'chosen-by-admin-2' })).toMatchObject({
      ok: true,
      value: { mustChangePassword: true },
    });
    const resets = audit().filter((a) => a.action === 'users.resetPassword');
    expect(resets.map((a) => [a.actor, JSON.parse(a.detail) as unknown])).toEqual([
      ['管理员甲', { username: 'clerk', generated: true }],
      ['管理员甲', { username: 'clerk', generated: false }],
    ]);
    expect(resets.some((a) => a.detail.includes(temporaryPassword) || a.detail.includes('chosen-by-admin-2'))).toBe(
      false,
    );
  });

  it('refuses a reset of one’s own password and a reset by a non-administrator', async () => {
    desk = await setUpStore();
    const created = await desk.call('users.create', {
      username: 'clerk',
      displayName: '录入员甲',
      role: '录入员',
      password: 'set-by-admin-1',
    });
    await expect(desk.call('users.resetPassword', { id: String(desk.adminActor.id) })).rejects.toThrow(
      '不能重置自己的密码',
    );
    const clerk = { id: created.id, name: '录入员甲', role: '录入员' as const };
    await expect(desk.as(clerk, 'users.resetPassword', { id: String(desk.adminActor.id) })).rejects.toThrow('无权');
    // The administrator's own password (chosen at setup) needs no change.
    expect(await session('a')('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({
      ok: true,
      value: { mustChangePassword: false },
    });
  });
});
