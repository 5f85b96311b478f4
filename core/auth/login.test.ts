import { afterEach, describe, expect, it, vi } from 'vitest';
import * as passwords from './passwords';
import { ADMIN_PASSWORD, setUpStore } from '../../tests/testing/tempStore';

// Guessing passwords: slowed down after 5 failures per user name and per client, locked for 15 minutes after 20,
// the lock and its end in the audit log; an unknown name is answered exactly like a wrong password.

let clockMs = Date.parse('2026-03-02T09:00:00Z');
const now = () => new Date(clockMs);
const later = (ms: number) => (clockMs += ms);
const stores: { close(): void }[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  vi.restoreAllMocks();
});

async function desk() {
  const d = await setUpStore('140100', { now });
  stores.push(d);
  const login = (username: string, password: string, client = 'browser-1') =>
    d.service.call(
      'auth.login',
      { username, password },
      { sessionKey: `tab-${Math.random()}`, client, onNewSession: () => {} },
    );
  const auditRows = () =>
    d.service.store.db
      .prepare(
        "SELECT action, entity_id AS entityId, actor_name AS actorName FROM audit_log WHERE entity = 'login' ORDER BY seq",
      )
      .all();
  return { ...d, login, auditRows };
}

describe('login after failed attempts', () => {
  it('5 failures make the next attempt wait, even with the right password; the wait grows', async () => {
    const d = await desk();
    for (let i = 0; i < 5; i++)
      expect(await d.login('admin', 'wrong-guess')).toMatchObject({ ok: false, error: { code: 'LOGIN_FAILED' } });
    const throttled = await d.login('admin', ADMIN_PASSWORD);
    expect(throttled).toMatchObject({
      ok: false,
      error: { code: 'LOGIN_THROTTLED', message: '该用户名登录失败次数过多，请 1 秒后再试' },
    });
    later(1000);
    expect(await d.login('admin', 'wrong-guess')).toMatchObject({ ok: false, error: { code: 'LOGIN_FAILED' } });
    expect(await d.login('admin', ADMIN_PASSWORD)).toMatchObject({
      ok: false,
      error: { message: '该用户名登录失败次数过多，请 2 秒后再试' },
    });
    later(2000);
    expect(await d.login('admin', ADMIN_PASSWORD)).toMatchObject({ ok: true });
  });

  it('20 failures lock the name for 15 minutes; the lock and the unlock are in the audit log', async () => {
    const d = await desk();
    for (let i = 0; i < 20; i++) {
      expect((await d.login('admin', `guess-${i}`, `client-${i}`)).ok).toBe(false);
      later(60_000);
    }
    expect(await d.login('admin', ADMIN_PASSWORD, 'another-browser')).toMatchObject({
      ok: false,
      error: {
        code: 'LOGIN_LOCKED',
        message: expect.stringContaining('该用户名连续登录失败 20 次，已暂停登录 15 分钟'),
      },
    });
    expect(d.auditRows()).toEqual([{ action: 'auth.lock', entityId: 'user:admin', actorName: '登录保护' }]);
    later(15 * 60_000);
    expect(await d.login('admin', ADMIN_PASSWORD, 'another-browser')).toMatchObject({ ok: true });
    expect(d.auditRows()).toEqual([
      { action: 'auth.lock', entityId: 'user:admin', actorName: '登录保护' },
      { action: 'auth.unlock', entityId: 'user:admin', actorName: '登录保护' },
    ]);
  });

  it('one client guessing many names is slowed down and locked too', async () => {
    const d = await desk();
    for (let i = 0; i < 5; i++) expect((await d.login(`name-${i}`, 'guess', 'sprayer')).ok).toBe(false);
    expect(await d.login('admin', ADMIN_PASSWORD, 'sprayer')).toMatchObject({
      ok: false,
      error: { code: 'LOGIN_THROTTLED', message: '本机登录失败次数过多，请 1 秒后再试' },
    });
    expect(await d.login('admin', ADMIN_PASSWORD, 'the-real-user')).toMatchObject({ ok: true });
    for (let i = 5; i < 20; i++) {
      later(60_000);
      expect((await d.login(`name-${i}`, 'guess', 'sprayer')).ok).toBe(false);
    }
    expect(await d.login('admin', ADMIN_PASSWORD, 'sprayer')).toMatchObject({
      ok: false,
      error: { code: 'LOGIN_LOCKED' },
    });
    expect(d.auditRows()).toContainEqual({ action: 'auth.lock', entityId: 'client:sprayer', actorName: '登录保护' });
  });

  it('an unknown name gets the same answer after the same password check as a wrong password', async () => {
    const d = await desk();
    const verify = vi.spyOn(passwords, 'verifyPassword');
    const unknown = await d.login('nobody-here', 'some-password', 'a');
    // Checked against a hash of the same scrypt parameters as a real one.
    const realHash = (
      d.service.store.db.prepare("SELECT password_hash AS h FROM users WHERE username = 'admin'").get() as { h: string }
    ).h;
    expect(verify).toHaveBeenCalledTimes(1);
    const [password, checkedAgainst] = verify.mock.calls[0]!;
    expect(password).toBe('some-password');
    expect(checkedAgainst.split('$').slice(0, 4)).toEqual(realHash.split('$').slice(0, 4));
    const wrong = await d.login('admin', 'some-password', 'b');
    expect(verify).toHaveBeenCalledTimes(2);
    expect(unknown).toEqual(wrong);
    expect(unknown).toEqual({ ok: false, error: { code: 'LOGIN_FAILED', message: '用户名或密码不正确' } });
    // And unknown names count toward the same slow-down, so that waiting does not tell them apart either.
    for (let i = 0; i < 4; i++) await d.login('nobody-here', 'some-password', 'a');
    expect(await d.login('nobody-here', 'x', 'c')).toMatchObject({
      ok: false,
      error: { code: 'LOGIN_THROTTLED', message: '该用户名登录失败次数过多，请 1 秒后再试' },
    });
  });
});
