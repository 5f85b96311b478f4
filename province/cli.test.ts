import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDeal } from '../core/sync/testing/syncFixtures';
import { runCli } from '../tests/testing/runCli';
import { setUpStore } from '../tests/testing/tempStore';

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A web server in its own process (runCli blocks this one) that answers every request with an HTML page. */
async function htmlServer(): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, [
    '-e',
    `require('node:http').createServer((q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end('<html>登录</html>'); }).listen(0, '127.0.0.1', function () { console.log(this.address().port); })`,
  ]);
  const port = await new Promise<number>((resolve) =>
    child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))),
  );
  return { port, stop: () => child.kill() };
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
    const r = runCli([
      '--db',
      city.dbPath,
      'sync',
      '--endpoint',
      `http://127.0.0.1:${await closedPort()}`,
      '--passes',
      '1',
    ]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(
      /同步未完成：无法连接省级接口（连接被拒绝），请检查网络或接口地址，将于 \d\d:\d\d:\d\d 自动重试/,
    );
  });

  it('`sync` names the address to check, in Chinese, when the endpoint answers with a web page', async () => {
    const page = await htmlServer();
    try {
      const r = runCli(['--db', city.dbPath, 'sync', '--endpoint', `http://127.0.0.1:${page.port}`, '--passes', '1']);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain('省级接口返回了无法识别的内容（HTTP 200），请检查“设置 → 常规”中的接口地址是否正确');
      expect(r.stderr).not.toMatch(/Unexpected|JSON/);
    } finally {
      page.stop();
    }
  });

  it('`province enroll` refuses a file that is not a public key, in Chinese', () => {
    const notAKey = path.join(city.dir, 'not-a-key.pem');
    fs.writeFileSync(notAKey, 'hello');
    const r = runCli([
      '--db',
      path.join(city.dir, 'prov.db'),
      'province',
      'enroll',
      '--region',
      '140100',
      '--key',
      notAKey,
    ]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/公钥文件无法识别/);
  });

  it("`province serve` refuses a city's own store, leaving it as it was", () => {
    const r = runCli(['--db', city.dbPath, 'province', 'serve', '--port', '0']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/是地区 140100 的本机数据库，不能用作省级数据库/);
    const db = new Database(city.dbPath, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'deals_contract'").pluck().get()).toBe(1);
    db.close();
  });

  it('`province web` on a PostgreSQL database it cannot reach says so in Chinese, without the password', () => {
    const url = 'postgres://officer:secret@127.0.0.1:1/province';
    for (const r of [
      runCli(['province', 'web', '--api-only', '--database-url', url]),
      runCli(['province', 'web', '--api-only'], { PATENT_DESK_PROVINCE_URL: url }),
    ]) {
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/无法连接省级 PostgreSQL 数据库 127\.0\.0\.1:1\/province.*请检查 --database-url/);
      expect(r.stderr + r.stdout).not.toContain('secret');
    }
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
