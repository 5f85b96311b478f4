import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../service/errors';
import { createDatabase, startPostgres, withClient } from '../../../tests/testing/postgres';
import { openProvinceStore } from '../provinceStore';
import { latestPostgresVersion } from './postgres/migrations';
import { numberPlaceholders, openPostgresProvinceDb } from './postgresProvinceDb';
import type { ProvinceDb, ProvinceTx } from './provinceDb';
import { SYNC_ENTITIES } from '../../../shared/sync/records';
import { organizationMatches } from '../../filings/queries/search';
import { TERM_TABLES } from '../../matching/terms';

/** Every table of the province store the endpoint uses: the PostgreSQL schema must match SQLite's for all of them. */
const TABLES = [
  // Each synced entity's table and its patent links (shared/sync/records.ts), then the province's own.
  ...Object.values(SYNC_ENTITIES).flatMap((m) => (m.patentLink ? [m.table, m.patentLink.table] : [m.table])),
  'province_keys',
  'installation_key_history',
  'province_batches',
  'province_org_aliases',
  'province_feedback',
  'province_record_owners',
  'province_record_versions',
  'province_claims',
  'province_audit_anchors',
  'province_findings',
  'province_notices',
  'province_notice_receipts',
  'audit_log',
  'anomaly_flags',
  'flag_subjects',
  'region_targets',
  'region_baselines',
  'settings',
  'users',
  'installation',
  'flag_decisions',
];

let cluster: Awaited<ReturnType<typeof startPostgres>>;
beforeAll(async () => {
  cluster = await startPostgres();
}, 120_000);
afterAll(() => cluster?.stop());

let databases = 0;
const freshDatabase = () => createDatabase(cluster.url, `case_${++databases}`);

const opened: ProvinceDb[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});
async function open(url: string): Promise<ProvinceDb> {
  const db = await openPostgresProvinceDb(url);
  opened.push(db);
  return db;
}
async function openFresh(): Promise<ProvinceDb> {
  return open(await freshDatabase());
}

const tableNames = (url: string) =>
  withClient(url, async (client) =>
    (
      await client.query<{ name: string }>(
        'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1',
      )
    ).rows.map((row) => row.name),
  );

const NOW = '2026-01-01T00:00:00Z';
const addOrganization = (sql: Pick<ProvinceTx, 'run'>, id: string, name = `单位${id}`) =>
  sql.run('INSERT INTO organizations (id, name, name_norm, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [
    id,
    name,
    name,
    '企业',
    NOW,
    NOW,
  ]);
const organizationIds = async (db: ProvinceDb) =>
  (await db.all<{ id: string }>('SELECT id FROM organizations ORDER BY id')).map((row) => row.id);

describe('the PostgreSQL province schema and its migrations', () => {
  it('creates every table on a new database, records the version, and a second open changes nothing', async () => {
    const url = await freshDatabase();
    const first = await open(url);
    // Beside SQLite's tables: the version mark, 供需对接's text index (SQLite keeps it in FTS5 tables) and the
    // workbench's sessions (kept in the process on SQLite).
    const textIndex = Object.values(TERM_TABLES).flatMap((t) => [t.docs, t.postings]);
    expect(await tableNames(url)).toEqual(
      [...TABLES, ...textIndex, 'workbench_sessions', 'province_schema_version'].sort(),
    );
    expect(await first.describe()).toEqual({
      backend: 'postgres',
      serverVersion: expect.stringMatching(/^\d+\.\d+/),
      schemaVersion: latestPostgresVersion,
    });
    await addOrganization(first, 'o1');
    const oid = () => first.get<{ oid: number }>("SELECT 'organizations'::regclass::oid::bigint AS oid");
    const before = await oid();

    const second = await open(url);
    expect((await second.describe()).schemaVersion).toBe(latestPostgresVersion);
    expect(await organizationIds(second)).toEqual(['o1']);
    expect(await oid()).toEqual(before);
    expect(await second.get('SELECT count(*) AS n FROM province_schema_version')).toEqual({ n: 1 });
  });

  it("migrates for a user who may not create extensions: the records search goes without pg_trgm's indexes", async () => {
    // A data centre's account that owns its schema but may not create extensions in the database (pg_trgm is trusted,
    // so the database's owner or a user with CREATE on it could).
    const url = await freshDatabase();
    const name = new URL(url).pathname.slice(1);
    await withClient(url, async (c) => {
      await c.query("CREATE ROLE limited_owner LOGIN PASSWORD 'limited-pass'");
      await c.query('CREATE SCHEMA AUTHORIZATION limited_owner');
      await c.query(`REVOKE CREATE ON DATABASE ${name} FROM PUBLIC`);
    });
    const asLimited = new URL(url);
    asLimited.username = 'limited_owner';
    asLimited.password = 'limited-pass';
    const db = await open(asLimited.toString());

    expect((await db.describe()).schemaVersion).toBe(latestPostgresVersion);
    expect(await db.all("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")).toEqual([]);
    expect(await db.all("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%\\_search'")).toEqual([]);
    // The search still answers, by reading the rows.
    await db.run(
      `INSERT INTO organizations (id, name, name_norm, kind, version, created_at, updated_at)
       VALUES ('o1', '山西示例科技有限公司', '山西示例科技有限公司', '企业', 1, 'now', 'now')`,
    );
    const match = organizationMatches('示例科技', 'postgres');
    expect(await db.all(match.sql, match.params as string[])).toEqual([{ id: 'o1' }]);
  });

  it('refuses a database of a newer release with STORE_TOO_NEW, and leaves it as it was', async () => {
    const url = await freshDatabase();
    await withClient(url, async (client) => {
      await client.query('CREATE TABLE province_schema_version (version bigint NOT NULL)');
      await client.query('INSERT INTO province_schema_version VALUES ($1)', [latestPostgresVersion + 1]);
    });

    const refusal = await openPostgresProvinceDb(url).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DeskError);
    expect(refusal).toMatchObject({ code: 'STORE_TOO_NEW', message: expect.stringContaining('PostgreSQL 数据库') });
    expect(await tableNames(url)).toEqual(['province_schema_version']);
    const version = await withClient(url, (client) =>
      client.query('SELECT version::int AS v FROM province_schema_version'),
    );
    expect(version.rows).toEqual([{ v: latestPostgresVersion + 1 }]);
  });

  it('lets endpoints that start at once on one new database all open it, migrated once (advisory lock)', async () => {
    const url = await freshDatabase();
    const dbs = await Promise.all([open(url), open(url), open(url)]);
    for (const db of dbs) expect((await db.describe()).schemaVersion).toBe(latestPostgresVersion);
    expect(await dbs[0]!.all('SELECT version FROM province_schema_version')).toEqual([
      { version: latestPostgresVersion },
    ]);
  });

  it('has, table by table, the SQLite province store’s columns in their order, nullability and foreign keys', async () => {
    const db = await openFresh();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'province-pg-columns-'));
    const store = openProvinceStore(path.join(dir, 'province.db'));
    try {
      for (const table of TABLES) {
        const sqliteColumns = store.db.prepare(`PRAGMA table_info(${table})`).all() as {
          name: string;
          notnull: number;
          pk: number;
        }[];
        expect(await db.columns(table), table).toEqual(sqliteColumns.map((c) => c.name));

        // SQLite lets a non-integer PRIMARY KEY hold NULL where PostgreSQL does not; sync records always carry one.
        const required = await db.all<{ name: string }>(
          `SELECT column_name AS name FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = ? AND is_nullable = 'NO' AND is_generated = 'NEVER'
           ORDER BY ordinal_position`,
          [table],
        );
        expect(
          required.map((c) => c.name),
          table,
        ).toEqual(sqliteColumns.filter((c) => c.notnull || c.pk).map((c) => c.name));

        const sqliteKeys = store.db.prepare(`PRAGMA foreign_key_list(${table})`).all() as {
          from: string;
          table: string;
          to: string;
        }[];
        const byColumn = (a: { from: string }, b: { from: string }) => a.from.localeCompare(b.from);
        expect((await db.foreignKeys(table)).sort(byColumn), table).toEqual(
          sqliteKeys.map(({ from, table: target, to }) => ({ from, table: target, to })).sort(byColumn),
        );
      }
    } finally {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(await db.foreignKeys('deals')).toEqual([
      { from: 'assignor_id', table: 'organizations', to: 'id' },
      { from: 'assignee_id', table: 'organizations', to: 'id' },
    ]);
  });
});

describe('queries on PostgreSQL', () => {
  it('numbers `?` placeholders, leaving a `?` inside a string literal alone', async () => {
    expect(numberPlaceholders("SELECT ?, 'a?''?b', ? WHERE x = '?'")).toBe("SELECT $1, 'a?''?b', $2 WHERE x = '?'");

    const db = await openFresh();
    await db.run(
      "INSERT INTO organizations (id, name, name_norm, kind, created_at, updated_at) VALUES (?, '问题？是?', ?, '企业', ?, ?)",
      ['o1', '问题', NOW, NOW],
    );
    expect(await db.get("SELECT id, name FROM organizations WHERE name = '问题？是?' AND id = ?", ['o1'])).toEqual({
      id: 'o1',
      name: '问题？是?',
    });
    expect(await db.get('SELECT id FROM organizations WHERE id = ?', ['nobody'])).toBeUndefined();
  });

  it('returns integers as JS numbers: bigint columns past int4, count(*), sum()', async () => {
    const db = await openFresh();
    await db.run(
      `INSERT INTO province_keys (fingerprint, region_code, public_key_pem, next_seq, enrolled_at) VALUES (?, ?, ?, ?, ?)`,
      ['k1', '140100', 'pem', 5_000_000_000, NOW],
    );
    expect(
      await db.get('SELECT next_seq, count(*) AS n, sum(next_seq) AS total FROM province_keys GROUP BY 1'),
    ).toEqual({ next_seq: 5_000_000_000, n: 1, total: 5_000_000_000 });
    expect(await db.run('UPDATE province_keys SET next_seq = next_seq + 1')).toBe(1);
  });
});

describe('transactions on PostgreSQL', () => {
  it('commits all of a transaction, and leaves nothing of one that threw', async () => {
    const db = await openFresh();
    expect(
      await db.transaction(async (tx) => {
        await addOrganization(tx, 'o1');
        await addOrganization(tx, 'o2');
        return 'done';
      }),
    ).toBe('done');

    const failure = db.transaction(async (tx) => {
      await addOrganization(tx, 'o3');
      throw new Error('半途失败');
    });
    await expect(failure).rejects.toThrow('半途失败');
    expect(await organizationIds(db)).toEqual(['o1', 'o2']);
  });

  it('rolls back only a failed savepoint’s writes, nested ones included', async () => {
    const db = await openFresh();
    await db.transaction(async (tx) => {
      await addOrganization(tx, 'o1');
      await expect(
        tx.savepoint(async () => {
          await addOrganization(tx, 'o2');
          await addOrganization(tx, 'o1'); // a duplicate: the savepoint fails
        }),
      ).rejects.toMatchObject({ code: '23505' });
      await tx.savepoint(async () => {
        await addOrganization(tx, 'o3');
        await tx
          .savepoint(async () => {
            await addOrganization(tx, 'o4');
            throw new Error('内层失败');
          })
          .catch(() => {});
        await addOrganization(tx, 'o5');
      });
      await addOrganization(tx, 'o6');
    });
    expect(await organizationIds(db)).toEqual(['o1', 'o3', 'o5', 'o6']);
  });

  it('tells which constraint a failed statement broke', async () => {
    const db = await openFresh();
    await addOrganization(db, 'o1');
    const failureOf = (sql: string, params: (string | number | null)[]) =>
      db.run(sql, params).then(
        () => expect.fail(`${sql} should have failed`),
        (error: unknown) => db.constraintOf(error),
      );
    const deal =
      'INSERT INTO deals (id, region_code, contract_no, kind, assignor_id, assignee_id, contract_date, amount_fen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
    expect(await failureOf(deal, ['d1', '140100', 'C-1', '转让', 'o1', 'missing', '2026-01-01', 100, NOW, NOW])).toBe(
      'foreignKey',
    );
    expect(await failureOf(deal, ['d1', '140100', 'C-1', '许可', 'o1', 'o1', '2026-01-01', 100, NOW, NOW])).toBe(
      'check',
    );
    expect(
      await failureOf(
        'INSERT INTO organizations (id, name, name_norm, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        ['o1', '重复', '重复', '企业', NOW, NOW],
      ),
    ).toBe('unique');
    expect(await failureOf('UPDATE organizations SET name = ? WHERE id = ?', [null, 'o1'])).toBe('notNull');
    expect(db.constraintOf(new Error('其他错误'))).toBeNull();
  });

  it('holds a named lock until the transaction ends: a second taker waits for the commit', async () => {
    const db = await openFresh();
    const events: string[] = [];
    let commit = () => {};
    const held = new Promise<void>((resolve) => (commit = resolve));
    let locked = () => {};
    const firstHoldsIt = new Promise<void>((resolve) => (locked = resolve));
    const first = db.transaction(async (tx) => {
      await tx.lock('audit-chain');
      locked();
      await held;
      events.push('first commits');
    });
    await firstHoldsIt;
    const second = db.transaction(async (tx) => {
      await tx.lock('audit-chain');
      events.push('second holds it');
    });
    const other = db.transaction((tx) => tx.lock('another name').then(() => events.push('another name is free')));
    await other;
    await new Promise((resolve) => setTimeout(resolve, 100));
    commit();
    await Promise.all([first, second]);
    expect(events).toEqual(['another name is free', 'first commits', 'second holds it']);
  });

  /** Resolves for everyone once `count` have arrived, at once for anyone arriving later (a rerun). */
  function barrier(count: number): () => Promise<void> {
    let arrived = 0;
    let release = () => {};
    const all = new Promise<void>((resolve) => (release = resolve));
    return () => {
      if (++arrived === count) release();
      return all;
    };
  }

  /** Two transactions that bump the same two organizations' versions in opposite order: one of them deadlocks. */
  async function deadlock(db: ProvinceDb, second: (tx: ProvinceTx, bump: () => Promise<number>) => Promise<unknown>) {
    await addOrganization(db, 'a');
    await addOrganization(db, 'b');
    const bothHoldOne = barrier(2);
    let runs = 0;
    const bump = (tx: ProvinceTx, id: string) =>
      tx.run('UPDATE organizations SET version = version + 1 WHERE id = ?', [id]);
    const crosswise = (first: string, then: string) =>
      db.transaction(async (tx) => {
        runs++;
        await bump(tx, first);
        await bothHoldOne();
        await second(tx, () => bump(tx, then));
      });
    await Promise.all([crosswise('a', 'b'), crosswise('b', 'a')]);
    expect(runs).toBe(3); // the deadlock's victim was run again
    expect(await db.all('SELECT id, version FROM organizations ORDER BY id')).toEqual([
      { id: 'a', version: 3 },
      { id: 'b', version: 3 },
    ]);
  }

  it('runs again the one of two deadlocked transactions PostgreSQL aborted, so both end committed', async () => {
    await deadlock(await openFresh(), (_tx, bump) => bump());
  });

  it('runs a deadlocked transaction again even when its caller swallowed the error in a savepoint', async () => {
    await deadlock(await openFresh(), (tx, bump) => tx.savepoint(bump).catch(() => 'taken for the record’s own fault'));
  });
});

describe('opening a PostgreSQL province store that cannot be reached', () => {
  it('says so in Chinese with host:port/database, never the password', async () => {
    const refused = await openPostgresProvinceDb('postgres://prov:s3cret-pw@127.0.0.1:1/prov').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DeskError);
    expect(refused).toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringMatching(
        /^无法连接省级 PostgreSQL 数据库 127\.0\.0\.1:1\/prov：.*ECONNREFUSED.*--database-url/,
      ),
    });
    expect((refused as Error).message).not.toContain('s3cret-pw');

    const missing = new URL(cluster.url);
    missing.password = 's3cret-pw';
    missing.pathname = '/nosuchdb';
    const absent = await openPostgresProvinceDb(missing.toString()).catch((e: unknown) => e);
    expect(absent).toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('nosuchdb') });
    expect((absent as Error).message).not.toContain('s3cret-pw');
  });
});
