import type pg from 'pg';
import { DeskError } from '../../../service/errors';
import { latestPostgresVersion, postgresMigrations } from './migrations';

/**
 * Any fixed number will do, as long as nothing else on the server takes it: it serialises the migrations of province
 * endpoints starting at once against one database.
 */
const MIGRATION_LOCK = 0x70726f76; // 'prov'

const ignoreLostConnection = () => {};

/** The version in the one-row `province_schema_version`; 0 for a database the province has not used yet. */
async function readVersion(db: pg.Pool | pg.PoolClient): Promise<number> {
  const table = await db.query<{ present: boolean }>(
    "SELECT to_regclass('province_schema_version') IS NOT NULL AS present",
  );
  if (!table.rows[0]?.present) return 0;
  // int4 comes back as a number whatever type parsers the pool has.
  const mark = await db.query<{ version: number }>('SELECT version::int AS version FROM province_schema_version');
  return mark.rows[0]?.version ?? 0;
}

async function refuseIfNewer(db: pg.Pool | pg.PoolClient, version: number): Promise<void> {
  if (version <= latestPostgresVersion) return;
  const { rows } = await db.query<{ name: string }>('SELECT current_database() AS name');
  throw new DeskError(
    'STORE_TOO_NEW',
    `省级 PostgreSQL 数据库“${rows[0]?.name ?? ''}”由更新版本的专利转化工作台创建（结构版本 ${version}，本程序支持到 ${latestPostgresVersion}）。为保护数据，本程序不会打开或修改它，请升级本程序后再打开。`,
  );
}

/**
 * Brings the province schema up to date: refuses a database from a newer release before touching it, then applies each
 * pending migration in its own transaction together with its version bump. Under the advisory lock the version is read
 * again, so a second endpoint that started at the same time finds the work done and skips it.
 */
export async function migratePostgres(pool: pg.Pool): Promise<{ from: number; to: number }> {
  const from = await readVersion(pool);
  await refuseIfNewer(pool, from);
  for (const migration of postgresMigrations) {
    if (migration.version <= from) continue;
    const client = await pool.connect();
    // Checked out, a client's lost connection is an 'error' event that would end the process; the query fails anyway.
    client.on('error', ignoreLostConnection);
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const current = await readVersion(client);
      await refuseIfNewer(client, current);
      if (current < migration.version) {
        await client.query(migration.sql);
        await client.query('CREATE TABLE IF NOT EXISTS province_schema_version (version bigint NOT NULL)');
        await client.query('DELETE FROM province_schema_version');
        await client.query('INSERT INTO province_schema_version (version) VALUES ($1)', [migration.version]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.off('error', ignoreLostConnection);
      client.release();
    }
  }
  return { from, to: Math.max(from, latestPostgresVersion) };
}
