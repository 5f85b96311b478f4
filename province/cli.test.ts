import Database from 'better-sqlite3';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDeal } from '../core/sync/testing/syncFixtures';
import { runCli } from '../tests/support/runCli';
import { setUpStore } from '../tests/support/tempStore';

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let city: Awaited<ReturnType<typeof setUpStore>>;
beforeAll(async () => {
  city = await setUpStore('140100');
  recordDeal(city.service.store, city.adminActor, '140100');
  city.service.store.close();
});
afterAll(() => fs.rmSync(city.dir, { recursive: true, force: true }));

describe('patent-desk sync commands', { timeout: 120_000 }, () => {
  it('`sync` exits non-zero with a Chinese reason when the province cannot be reached', async () => {
    const r = runCli(['--db', city.dbPath, 'sync', '--endpoint', `http://127.0.0.1:${await closedPort()}`, '--passes', '1']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/同步未完成：无法连接省级接口（连接被拒绝），请检查网络或接口地址，将于 \d\d:\d\d:\d\d 自动重试/);
  });

  it('`province enroll` refuses a file that is not a public key, in Chinese', () => {
    const notAKey = path.join(city.dir, 'not-a-key.pem');
    fs.writeFileSync(notAKey, 'hello');
    const r = runCli(['--db', path.join(city.dir, 'prov.db'), 'province', 'enroll', '--region', '140100', '--key', notAKey]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/公钥文件无法识别/);
  });

  it('`province serve` refuses a city\'s own store, leaving it as it was', () => {
    const r = runCli(['--db', city.dbPath, 'province', 'serve', '--port', '0']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/是地区 140100 的本机数据库，不能用作省级数据库/);
    const db = new Database(city.dbPath, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'deals_contract'").pluck().get()).toBe(1);
    db.close();
  });

  it('`province ingest` of a file from an unknown key prints the 401 answer the endpoint would give and exits non-zero', () => {
    const file = path.join(city.dir, 'batch.pdbatch');
    expect(runCli(['--db', city.dbPath, 'export-batch', '--out', file]).stdout).toMatch(/已导出报送批次/);
    const r = runCli(['--db', path.join(city.dir, 'prov2.db'), 'province', 'ingest', file]);
    expect(r.status).not.toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'UNKNOWN_KEY' } });
    expect(r.stderr).toMatch(/省级未导入该批次（401）/);
  });
});
