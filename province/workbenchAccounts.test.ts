import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createProvinceService } from '../core/service/createService';
import { withClient } from '../tests/testing/postgres';
import type { Caller } from '../core/service/dispatcher';
import { PROVINCE_BACKENDS, provinceStores } from './testing/provinceBackends';
import { openWorkbench } from './testing/workbench';

const stores = provinceStores();
const opened: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of opened.splice(0).reverse()) await close();
});

// The officers' accounts and sessions of the province's workbench are kept in its store: on the SQLite file, or on
// the PostgreSQL database a data centre runs (`province web --database-url`). Calls go through sessions, as the
// browser does.
describe.each(PROVINCE_BACKENDS)("the province workbench's accounts on %s", (backend) => {
  async function workbench() {
    let nowMs = Date.parse('2026-06-01T09:00:00.000Z');
    const wb = await openWorkbench(await stores.location(backend), { now: () => new Date(nowMs) });
    opened.push(wb.close);
    const session = (key: string) => (method: string, input: unknown) =>
      wb.service.call(method, input, { sessionKey: key } satisfies Caller);
    return { ...wb, session, passMinutes: (minutes: number) => (nowMs += minutes * 60_000) };
  }

  it('a new officer changes the password the administrator chose before anything else; a reset asks again', async () => {
    const wb = await workbench();
    const created = await wb.call('users.create', {
      username: 'shenhe',
      displayName: '省审核员',
      role: '审核员',
      password: 'set-by-admin-1',
    });
    const officer = wb.session('officer');
    expect(await officer('auth.login', { username: 'shenhe', password: 'set-by-admin-1' })).toMatchObject({
      ok: true,
      value: { mustChangePassword: true },
    });
    expect(await officer('province.home', { year: 2024 })).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_CHANGE_REQUIRED' },
    });
    expect(
      await officer('users.changePassword', { currentPassword: 'set-by-admin-1', newPassword: 'my-own-pass-1' }),
    ).toMatchObject({ ok: true });
    expect(await officer('province.home', { year: 2024 })).toMatchObject({ ok: true });
    expect(await officer('auth.me', {})).toMatchObject({
      ok: true,
      value: { role: '审核员', mustChangePassword: false },
    });

    const { temporaryPassword } = await wb.call('users.resetPassword', { id: created.id });
    const again = wb.session('again');
    expect(await again('auth.login', { username: 'shenhe', password: 'my-own-pass-1' })).toMatchObject({ ok: false });
    expect(await again('auth.login', { username: 'shenhe', password: temporaryPassword })).toMatchObject({
      ok: true,
      value: { mustChangePassword: true },
    });

    // Every step is in the audit log, whose chain holds.
    const actions = (await wb.call('audit.search', { entity: 'user', limit: 50 })).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['users.create', 'users.changePassword', 'users.resetPassword']));
    expect(await wb.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('a session ends after the idle limit set in 常规, and at once when the officer is deactivated', async () => {
    const wb = await workbench();
    const general = await wb.call('settings.getGeneral', {});
    await wb.call('settings.updateGeneral', { ...general, sessionIdleMinutes: 10 });
    const created = await wb.call('users.create', {
      username: 'lingdao',
      displayName: '省领导',
      role: '领导',
      password: 'leader-pass-1',
    });
    await wb.call('users.resetPassword', { id: created.id, newPassword: 'leader-pass-2' });
    const leader = wb.session('leader');
    await leader('auth.login', { username: 'lingdao', password: 'leader-pass-2' });
    await leader('users.changePassword', { currentPassword: 'leader-pass-2', newPassword: 'leader-own-3' });

    wb.passMinutes(9);
    expect(await leader('province.home', { year: 2024 })).toMatchObject({ ok: true });
    wb.passMinutes(11);
    expect(await leader('province.home', { year: 2024 })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '长时间未操作，已自动退出登录，请重新登录' },
    });

    expect(await leader('auth.login', { username: 'lingdao', password: 'leader-own-3' })).toMatchObject({ ok: true });
    expect(await leader('province.home', { year: 2024 })).toMatchObject({ ok: true });
    await wb.call('users.update', { id: created.id, active: false });
    expect(await leader('province.home', { year: 2024 })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await wb.session('later')('auth.login', { username: 'lingdao', password: 'leader-own-3' })).toMatchObject({
      ok: false,
    });
  });
});

describe("the province's workbench behind a load balancer, on PostgreSQL", () => {
  it('keeps an officer signed in on every front end of one database, signs out on all of them, and stores no key', async () => {
    const at = await stores.location('postgres');
    if (!('databaseUrl' in at)) throw new Error('a PostgreSQL location was asked for');
    const first = await openWorkbench(at);
    opened.push(first.close);
    const second = await createProvinceService(at.databaseUrl);
    opened.push(second.close);

    // Signed in through the first front end, as the browser is: the key comes from the server, in a cookie.
    let key = '';
    const login = await first.service.call(
      'auth.login',
      { username: 'sheng', password: 'sheng-pass-123' },
      { sessionKey: 'before-login', onNewSession: (issued) => (key = issued) },
    );
    expect(login.ok).toBe(true);
    // The next request lands on the second front end.
    expect(await second.service.call('province.home', { year: 2024 }, { sessionKey: key })).toMatchObject({ ok: true });
    const stored = await withClient(at.databaseUrl, (c) => c.query('SELECT key_hash FROM workbench_sessions'));
    // The first-run setup's session is there too; neither key itself is.
    expect(stored.rows).toContainEqual({ key_hash: createHash('sha256').update(key).digest('hex') });
    expect(stored.rows.map((r: { key_hash: string }) => r.key_hash)).not.toContain(key);

    // Signing out on one ends the session on all.
    expect(await second.service.call('auth.logout', {}, { sessionKey: key })).toMatchObject({ ok: true });
    expect(await first.service.call('province.home', { year: 2024 }, { sessionKey: key })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});
