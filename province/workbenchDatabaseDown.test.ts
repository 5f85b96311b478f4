import { afterEach, expect, it } from 'vitest';
import { startPostgres } from '../tests/testing/postgres';
import { openWorkbench } from './testing/workbench';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

it("says in Chinese that the province's PostgreSQL database does not answer, and works again once it is back", async () => {
  const cluster = await startPostgres();
  cleanups.push(() => cluster.stop());
  const wb = await openWorkbench({ databaseUrl: cluster.url });
  cleanups.push(wb.close);
  const officer = (method: string, input: unknown) => wb.service.call(method, input, { sessionKey: 'officer' });
  expect(await officer('auth.login', { username: 'sheng', password: 'sheng-pass-123' })).toMatchObject({ ok: true });
  expect(await officer('province.home', { year: 2024 })).toMatchObject({ ok: true });

  await cluster.pause();
  const unreachable = {
    ok: false,
    error: {
      code: 'STORE_UNAVAILABLE',
      message: expect.stringContaining('省级数据库暂时无法访问') as unknown,
    },
  };
  // A signed-in officer's next call, and a new sign-in.
  expect(await officer('province.home', { year: 2024 })).toMatchObject(unreachable);
  expect(
    await wb.service.call('auth.login', { username: 'sheng', password: 'sheng-pass-123' }, { sessionKey: 'other' }),
  ).toMatchObject(unreachable);

  await cluster.resume();
  expect(await officer('province.home', { year: 2024 })).toMatchObject({ ok: true });
});
