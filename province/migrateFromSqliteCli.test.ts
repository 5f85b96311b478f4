import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDatabase, withClient } from '../tests/testing/postgres';
import { runCli } from '../tests/testing/runCli';
import { PROVINCE_URL_ENV } from '../core/province/store/openProvinceDb';
import { migrationSetUp } from './testing/migrationSetUp';

const PASSWORD = 'Geheim-pass-731';

const setUp = migrationSetUp(3);

/** A fresh database's URL with a password in it (the test cluster trusts 127.0.0.1 and ignores it). */
async function urlWithPassword(name: string): Promise<string> {
  const url = new URL(await createDatabase(setUp.cluster.url, name));
  url.password = PASSWORD;
  return url.toString();
}

/** Each table's rows in the SQLite store, as the summary should print them. */
function sqliteCounts(tables: readonly string[]): Record<string, number> {
  const db = new Database(setUp.history.dbPath, { readonly: true });
  try {
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

describe('patent-desk province migrate-from-sqlite', { timeout: 120_000 }, () => {
  it('prints each table with its rows and the verification, and never the password; a second run into the same database is refused', async () => {
    const url = await urlWithPassword('cli_target');

    const r = runCli(['--db', setUp.history.dbPath, 'province', 'migrate-from-sqlite', '--database-url', url], {
      [PROVINCE_URL_ENV]: '',
    });

    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `已将省级数据库 ${setUp.history.dbPath} 迁移到 PostgreSQL 数据库 ${url.replace(PASSWORD, '***')}`,
    );
    expect(lines[1]).toMatch(/^表名 +行数$/);
    const printed = Object.fromEntries(
      lines.slice(2, -2).map((line) => {
        const [table, rows] = line.split(/ +/);
        return [table!, Number(rows)];
      }),
    );
    expect(Object.keys(printed)).toContain('deals');
    expect(Object.keys(printed)).toContain('province_keys');
    expect(printed).toEqual(sqliteCounts(Object.keys(printed)));
    const total = Object.values(printed).reduce((a, b) => a + b, 0);
    expect(lines.at(-2)).toBe(`共 ${Object.keys(printed).length} 张表，${total} 行。`);
    expect(lines.at(-1)).toMatch(
      /^核对通过：两边各表行数一致，各表内容校验和一致；各地区各年度的交易、付款、质押、产品登记、奖补笔数与金额合计一致（共 \d+ 组）；12 个地区各年度的成效评价指标 I1–I5a 一致（共 \d+ 个地区年度）。$/,
    );

    // The same target again, named by the environment variable this time: refused, non-zero, in Chinese.
    const again = runCli(['--db', setUp.history.dbPath, 'province', 'migrate-from-sqlite'], {
      [PROVINCE_URL_ENV]: url,
    });
    expect(again.status).not.toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('目标 PostgreSQL 数据库中已有数据：');
    expect(again.stderr).toContain(`deals（${printed.deals} 行）`);
    for (const output of [r.stdout, again.stderr]) expect(output).not.toContain(PASSWORD);
  });

  it('says what is missing, in Chinese, without a store or a database address', () => {
    const noUrl = runCli(['--db', setUp.history.dbPath, 'province', 'migrate-from-sqlite'], { [PROVINCE_URL_ENV]: '' });
    expect(noUrl.status).not.toBe(0);
    expect(noUrl.stderr).toContain(
      `请用 --database-url（或环境变量 ${PROVINCE_URL_ENV}）指定要迁移到的 PostgreSQL 数据库`,
    );

    const noDb = runCli(['province', 'migrate-from-sqlite', '--database-url', setUp.cluster.url], {
      PATENT_DESK_DB: '',
    });
    expect(noDb.status).not.toBe(0);
    expect(noDb.stderr).toContain('请用 --db 指定要迁移的省级 SQLite 数据库文件');
  });

  it('refuses a file that is not a province store, exits non-zero, and never prints the password', async () => {
    const url = await urlWithPassword('cli_refused');
    const r = runCli(['--db', setUp.history.taiyuan.dbPath, 'province', 'migrate-from-sqlite', '--database-url', url]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${setUp.history.taiyuan.dbPath} 不是省级数据库`);
    expect(r.stderr).not.toContain(PASSWORD);
  });

  it('`indicators --database-url` takes one store only, and names an unreachable database in Chinese without its password', () => {
    const indicators = (...more: string[]) => runCli(['indicators', '--region', '全省', '--year', '2024', ...more]);
    const both = indicators('--db', setUp.history.dbPath, '--database-url', setUp.cluster.url);
    expect(both.status).not.toBe(0);
    expect(both.stderr).toContain(
      '请只指定一个数据库：--db（SQLite 文件）或 --database-url（PostgreSQL），不要同时指定',
    );

    const closed = new URL(setUp.cluster.url);
    closed.password = PASSWORD;
    closed.port = '1';
    const unreachable = indicators('--database-url', closed.toString());
    expect(unreachable.status).not.toBe(0);
    expect(unreachable.stderr).toContain('无法连接省级 PostgreSQL 数据库 127.0.0.1:1/');
    expect(unreachable.stderr).not.toContain(PASSWORD);
  });

  it('`indicators --database-url` refuses a database no province store was made in, and leaves it empty', async () => {
    const url = await createDatabase(setUp.cluster.url, 'cli_no_province');
    const r = runCli(['indicators', '--region', '全省', '--year', '2024', '--database-url', url]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('PostgreSQL 数据库“cli_no_province”中还没有省级数据');
    const tables = await withClient(url, (client) =>
      client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'"),
    );
    expect(tables.rows).toEqual([{ n: 0 }]);
  });
});
