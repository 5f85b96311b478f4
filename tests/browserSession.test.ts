import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createService } from '../core/service/createService';
import { startBrowserMode } from '../core/transport/httpServer';
import { ROOT } from './testing/runCli';
import { ADMIN_PASSWORD, setUpStore } from './testing/tempStore';

// Browser mode's session (issue 11.2): credentials only in headers the page sets, a session key the core chooses at
// login, an idle limit, nothing left after a restart, the token checked before a body is read, Host and Origin checked.

const TOKEN = 'browser-session-test-token-0123';
const ADMIN = { username: 'admin', password: ADMIN_PASSWORD };

let clockMs = Date.parse('2026-03-02T09:00:00Z');
const later = (minutes: number) => (clockMs += minutes * 60_000);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/**
 * A raw HTTP request, so that Host, Origin and a broken body can be sent as an attacker would. Without a body only the
 * headers go out: the answer must come while the server still waits for a body that never comes.
 */
function send(port: number, options: { headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/call',
        headers: { 'content-type': 'application/json', ...options.headers },
      },
      (response) => {
        let text = '';
        response.on('data', (c: Buffer) => (text += c.toString()));
        response.on('end', () => {
          let body: Answer['body'];
          try {
            body = JSON.parse(text) as Answer['body'];
          } catch {
            body = { ok: false, error: { code: 'NOT_JSON', message: text } };
          }
          resolve({ status: response.statusCode!, headers: response.headers, body });
          request.destroy();
        });
      },
    );
    request.on('error', reject);
    if (options.body === undefined) request.flushHeaders();
    else request.end(options.body);
  });
}

/** A desk in browser mode on a real store whose clock the test moves. */
async function browserDesk(existing?: { dbPath: string }) {
  const store = existing ?? (await setUpStore('140100', { now: () => new Date(clockMs) }));
  const service = existing
    ? createService(store.dbPath, { now: () => new Date(clockMs) })
    : (store as Awaited<ReturnType<typeof setUpStore>>).service;
  const web = await startBrowserMode({ service, rendererDir: ROOT, port: 0, token: TOKEN });
  const port = Number(new URL(web.url).port);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await web.server.close();
    service.store.close();
  };
  cleanups.push(close);
  const call = (method: string, input: unknown, headers: Record<string, string> = {}) =>
    send(port, { headers: { 'x-desk-token': TOKEN, ...headers }, body: JSON.stringify({ method, input }) });
  const logIn = async (headers: Record<string, string> = {}) => {
    const answer = await call('auth.login', ADMIN, headers);
    expect(answer.body, answer.body.error?.message).toMatchObject({ ok: true });
    return answer.headers['x-desk-session'] as string;
  };
  return { port, web, call, logIn, close, dbPath: store.dbPath };
}

describe('browser mode credentials', () => {
  it('sets no cookie, and a cookie carrying the token and a session is not accepted', async () => {
    const desk = await browserDesk();
    const launch = await fetch(desk.web.launchUrl, { redirect: 'manual' });
    expect(launch.headers.getSetCookie()).toEqual([]);
    const login = await desk.call('auth.login', ADMIN);
    expect(login.headers['set-cookie']).toBeUndefined();
    const session = login.headers['x-desk-session'] as string;
    expect(session).toMatch(/^[\w-]{40,}$/);
    // What a page on another port could have got: cookies. They open nothing.
    const replay = await send(desk.port, {
      headers: { cookie: `desk_token=${TOKEN}; desk_session=${session}` },
      body: JSON.stringify({ method: 'users.list', input: {} }),
    });
    expect(replay.status).toBe(403);
    expect((await desk.call('users.list', {}, { 'x-desk-session': session })).body).toMatchObject({ ok: true });
  });

  it('gives a new session key at login and never binds the one the client chose', async () => {
    const desk = await browserDesk();
    const planted = 'chosen-by-an-attacker-before-login-0001';
    const issued = await desk.logIn({ 'x-desk-session': planted });
    expect(issued).not.toBe(planted);
    expect((await desk.call('users.list', {}, { 'x-desk-session': planted })).body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect((await desk.call('users.list', {}, { 'x-desk-session': issued })).body).toMatchObject({ ok: true });
    // Signing in again from a signed-in tab replaces its key too; the old one is dead.
    const again = await desk.logIn({ 'x-desk-session': issued });
    expect(again).not.toBe(issued);
    expect((await desk.call('auth.me', {}, { 'x-desk-session': issued })).body).toEqual({ ok: true, value: null });
  });

  it('ends a session after 30 idle minutes, or after the idle limit the administrator set', async () => {
    const desk = await browserDesk();
    let session = await desk.logIn();
    later(29);
    expect((await desk.call('users.list', {}, { 'x-desk-session': session })).body).toMatchObject({ ok: true });
    later(29); // 29 minutes after the last use, not after login
    expect((await desk.call('users.list', {}, { 'x-desk-session': session })).body).toMatchObject({ ok: true });
    later(31);
    expect((await desk.call('users.list', {}, { 'x-desk-session': session })).body).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '长时间未操作，已自动退出登录，请重新登录' },
    });
    expect((await desk.call('users.list', {}, { 'x-desk-session': session })).body).toMatchObject({
      ok: false,
      error: { message: '请先登录' },
    });

    session = await desk.logIn();
    const tooShort = await desk.call(
      'settings.updateGeneral',
      { provinceEndpointUrl: '', sessionIdleMinutes: 3 },
      { 'x-desk-session': session },
    );
    expect(tooShort.body).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '自动退出登录的时间不能少于 5 分钟' },
    });
    const saved = await desk.call(
      'settings.updateGeneral',
      { provinceEndpointUrl: '', sessionIdleMinutes: 60 },
      { 'x-desk-session': session },
    );
    expect(saved.body).toMatchObject({ ok: true, value: { sessionIdleMinutes: 60 } });
    later(45);
    expect((await desk.call('users.list', {}, { 'x-desk-session': session })).body).toMatchObject({ ok: true });
  });

  it('forgets every session when the core restarts', async () => {
    const first = await browserDesk();
    const session = await first.logIn();
    await first.close();
    const second = await browserDesk({ dbPath: first.dbPath });
    expect((await second.call('auth.me', {}, { 'x-desk-session': session })).body).toEqual({ ok: true, value: null });
    expect((await second.call('users.list', {}, { 'x-desk-session': session })).body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});

describe('browser mode refuses before reading a request', () => {
  it('checks the token before the body: a broken or oversized body without it is refused, not parsed', async () => {
    const desk = await browserDesk();
    const broken = await send(desk.port, { body: '{"method": "auth.login", "input": ' });
    expect(broken).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN' } } });
    const huge = await send(desk.port, { headers: { 'content-length': String(500 * 1024 * 1024) } });
    expect(huge).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN' } } });
    // With the token, the same broken body is read and refused as such.
    expect((await send(desk.port, { headers: { 'x-desk-token': TOKEN }, body: '{"method": ' })).status).toBe(400);
  });

  it('refuses another Host (DNS rebinding) and another Origin (a page on another port), even with the token', async () => {
    const desk = await browserDesk();
    const withToken = { 'x-desk-token': TOKEN };
    const body = JSON.stringify({ method: 'system.status', input: {} });
    const rebound = await send(desk.port, { headers: { ...withToken, host: `rebind.example:${desk.port}` }, body });
    expect(rebound.status).toBe(403);
    expect(rebound.body.error?.message).toContain('请求的主机名不是本服务的地址');
    expect(
      (await send(desk.port, { headers: { ...withToken, host: `localhost:${desk.port + 1}` }, body })).status,
    ).toBe(403);
    const otherPort = await send(desk.port, {
      headers: { ...withToken, origin: `http://127.0.0.1:${desk.port + 1}` },
      body,
    });
    expect(otherPort.status).toBe(403);
    expect(otherPort.body.error?.message).toContain('请求来自其他网页');
    const own = await send(desk.port, { headers: { ...withToken, origin: `http://127.0.0.1:${desk.port}` }, body });
    expect(own.body).toMatchObject({ ok: true });
  });
});

describe('patent-desk web --host', () => {
  const CLI = path.join(ROOT, 'bin', 'patent-desk.mjs');

  it('refuses an address other than loopback without --allow-remote, in Chinese', async () => {
    const desk = await setUpStore();
    cleanups.push(() => desk.close());
    const r = spawnSync(
      process.execPath,
      [CLI, '--db', desk.dbPath, 'web', '--api-only', '--host', '0.0.0.0', '--port', '0'],
      { cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('不能在 0.0.0.0 上提供浏览器模式');
    expect(r.stderr).toContain('--allow-remote');
    expect(r.stdout).not.toContain('已启动');
  });

  it('with --allow-remote starts and warns in Chinese', async () => {
    const desk = await setUpStore();
    cleanups.push(() => desk.close());
    const child = spawn(
      process.execPath,
      [CLI, '--db', desk.dbPath, 'web', '--api-only', '--host', '0.0.0.0', '--port', '0', '--allow-remote'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanups.push(() => void child.kill());
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (c: Buffer) => {
        out += c.toString();
        if (out.includes('已启动')) resolve();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`web exited (${code}): ${out}`)));
    });
    expect(out).toContain('警告：浏览器模式正在 0.0.0.0 上提供服务，其他电脑也能访问');
  });
});
