import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { contract, methodNames } from '../shared/contract/index';
import { createService } from '../core/service/createService';
import { startBrowserMode } from '../core/transport/httpServer';
import { contractSamples, WALK_ADMIN, type WalkState } from './support/contractSamples';
import { tempDir } from './support/tempStore';

const t = tempDir();
const service = createService(path.join(t.dir, 'walk.db'), { checkOutputs: true });
let server: Awaited<ReturnType<typeof startBrowserMode>>;
let cookie = '';

async function post(method: string, input: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify({ method, input }),
  });
  for (const c of response.headers.getSetCookie()) {
    const pair = c.split(';')[0]!;
    const name = pair.split('=')[0]!;
    cookie = [...cookie.split('; ').filter((p) => p && !p.startsWith(`${name}=`)), pair].join('; ');
  }
  return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
}

beforeAll(async () => {
  server = await startBrowserMode({ service, rendererDir: t.dir, port: 0 });
  const launch = await fetch(server.launchUrl, { redirect: 'manual' });
  cookie = launch.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
});

afterAll(async () => {
  await server.server.close();
  service.store.close();
  t.cleanup();
});

describe('the service contract over HTTP', () => {
  it('answers every method with an output that matches the contract', async () => {
    const state: WalkState = new Map();
    for (const method of methodNames) {
      const input = (contractSamples[method] as (s: WalkState) => unknown)(state);
      const { body } = await post(method, input);
      expect(body, `${method}: ${body.error?.message}`).toMatchObject({ ok: true });
      expect(() => contract[method].output.parse(body.value), method).not.toThrow();
      state.set(method, body.value);
      if (method === 'auth.logout') expect((await post('auth.login', WALK_ADMIN)).body.ok).toBe(true);
    }
    expect(state.size).toBe(methodNames.length);
  });

  it('refuses a call without the launch token', async () => {
    const response = await fetch(`${server.url}/api/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'system.status', input: {} }),
    });
    expect(response.status).toBe(403);
  });

  it('refuses bad input with a Chinese message naming the field', async () => {
    const { body } = await post('users.create', { username: 'x', displayName: '', role: '录入员', password: 'short' });
    expect(body.ok).toBe(false);
    expect(body.error).toMatchObject({ code: 'VALIDATION' });
    expect(JSON.stringify(body.error)).toMatch(/请填写姓名|密码至少 8 位/);
  });

  it('refuses a method to a role that may not use it', async () => {
    await post('users.create', { username: 'leader', displayName: '领导甲', role: '领导', password: 'leader-pass-1' });
    await post('auth.logout', {});
    expect((await post('auth.login', { username: 'leader', password: 'leader-pass-1' })).body.ok).toBe(true);
    const { body } = await post('users.list', {});
    expect(body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await post('auth.logout', {});
    const anonymous = await post('users.list', {});
    expect(anonymous.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });

  it('answers an unknown method with a Chinese error', async () => {
    const { body } = await post('store.dropEverything', {});
    expect(body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});

