import pg from 'pg';
import { DeskError } from '../../service/errors';
import { publishCrossCityFindings } from '../crossCity/crossCity';
import { migratePostgres } from './postgres/migrate';
import {
  readProvinceCumulativeDistinct,
  readProvinceFacts,
  readProvinceIndustryFacts,
  readProvinceCountedDeals,
  readProvinceMonthFacts,
} from './provinceFacts';
import { indexSyncedRowOn } from '../../matching/terms';
import type { ConstraintKind, ForeignKey, ProvinceDb, ProvinceSql, ProvinceTx, SqlValue } from './provinceDb';

/**
 * bigint (every INTEGER of the schema) and numeric (what sum() of a bigint gives) as JS numbers, as SQLite returns them;
 * on this pool's clients only, so other users of `pg` in the process keep its defaults.
 */
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, Number);
types.setTypeParser(pg.types.builtins.NUMERIC, Number);

/** SQLSTATEs of a transaction that met another's rows: run again, it will likely pass. */
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 5;

const CONSTRAINTS: Record<string, ConstraintKind> = {
  '23503': 'foreignKey',
  '23505': 'unique',
  '23514': 'check',
  '23502': 'notNull',
};

const sqlState = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** `?` placeholders as `$1…$n`; a `?` inside a quoted literal is text (a doubled quote toggles twice, so it holds). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  let quoted = false;
  let out = '';
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? `$${++n}` : ch;
  }
  return out;
}

type Query = (text: string, values: SqlValue[]) => Promise<pg.QueryResult>;

function sqlOn(query: Query): ProvinceSql {
  const rows = async <T>(sql: string, params: readonly SqlValue[] = []) =>
    (await query(numberPlaceholders(sql), [...params])).rows as T[];
  return {
    dialect: 'postgres',
    get: async <T>(sql: string, params?: readonly SqlValue[]) => (await rows<T>(sql, params))[0],
    all: rows,
    run: async (sql, params = []) => (await query(numberPlaceholders(sql), [...params])).rowCount ?? 0,
  };
}

const isRetryable = (error: unknown) => RETRYABLE.has(sqlState(error) ?? '');

/** The socket's own failures: the server is down, restarting or out of reach. */
const SOCKET_FAILURES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

/**
 * A lost or refused connection: PostgreSQL's connection exceptions (class 08) and shutdowns (57P01–57P03), the
 * socket's failures, and node-postgres's own words for a connection that ended or never came (they carry no code).
 */
function isUnreachable(error: unknown): boolean {
  const code = sqlState(error) ?? '';
  if (code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code) || SOCKET_FAILURES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

/**
 * One attempt at a transaction on its own connection. A statement that met another transaction marks the attempt to
 * be run again, whatever `fn` did with its error: a caller that rolled a savepoint back and went on, taking the
 * deadlock for the record's own fault, would otherwise commit without that record.
 */
async function attempt<T>(client: pg.PoolClient, fn: (tx: ProvinceTx) => Promise<T>): Promise<T> {
  let metAnother: unknown;
  const query: Query = async (text, values) => {
    try {
      return await client.query(text, values);
    } catch (error) {
      if (isRetryable(error)) metAnother ??= error;
      throw error;
    }
  };
  let depth = 0;
  const tx: ProvinceTx = {
    ...sqlOn(query),
    forUpdate: ' FOR UPDATE',
    // A 64-bit hash of the name: a collision would only make two unrelated writers wait for each other.
    lock: async (name) => {
      await query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [name]);
    },
    async savepoint(inner) {
      const name = `sp_${++depth}`;
      await client.query(`SAVEPOINT ${name}`);
      try {
        const result = await inner();
        await client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        await client.query(`RELEASE SAVEPOINT ${name}`);
        throw error;
      } finally {
        depth--;
      }
    },
  };
  await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
  let result: T;
  try {
    result = await fn(tx);
  } catch (error) {
    throw metAnother ?? error;
  }
  if (metAnother) throw metAnother;
  await client.query('COMMIT');
  return result;
}

/**
 * The pool listens for errors on idle clients only: one checked out whose server goes away would emit an 'error' nobody
 * hears, and that ends the process. With this listener the next query on it fails instead.
 */
const ignoreLostConnection = () => {};

async function transaction<T>(pool: pg.Pool, fn: (tx: ProvinceTx) => Promise<T>): Promise<T> {
  for (let run = 1; ; run++) {
    const client = await pool.connect();
    client.on('error', ignoreLostConnection);
    let broken = false;
    try {
      return await attempt(client, fn);
    } catch (error) {
      // A connection that cannot even roll back is broken: destroyed, not returned to the pool.
      broken = await client.query('ROLLBACK').then(
        () => false,
        () => true,
      );
      if (run >= ATTEMPTS || !isRetryable(error)) throw error;
    } finally {
      client.off('error', ignoreLostConnection);
      client.release(broken);
    }
    // Apart, at random, so that the two that collided do not collide again.
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * run));
  }
}

/** host:port/database of a connection URL, for messages: never the user's password. */
function where(url: URL | null): string {
  if (!url) return '（无法识别的连接地址）';
  const host = url.searchParams.get('host') ?? (url.hostname || 'localhost');
  return `${host}:${url.port || '5432'}/${decodeURIComponent(url.pathname.slice(1))}`;
}

function connectError(url: string, error: unknown): DeskError {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  const password = parsed ? decodeURIComponent(parsed.password) : '';
  const reason = error instanceof Error ? error.message : String(error);
  return new DeskError(
    'STORE_UNAVAILABLE',
    `无法连接省级 PostgreSQL 数据库 ${where(parsed)}：${password ? reason.split(password).join('***') : reason}；请检查 --database-url 与数据库服务`,
  );
}

/** A database no province store was ever made in (a mistyped name): refused, not given an empty schema. */
async function refuseUnlessProvince(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ name: string; present: boolean }>(
    "SELECT current_database() AS name, to_regclass('province_schema_version') IS NOT NULL AS present",
  );
  if (rows[0]?.present) return;
  throw new DeskError(
    'STORE_MISSING',
    `PostgreSQL 数据库“${rows[0]?.name ?? ''}”中还没有省级数据（未曾由 province serve 或 province migrate-from-sqlite 建立）。请检查 --database-url 中的库名。`,
  );
}

/** A table's writable columns in order: generated ones (deals.record_year) are left out, as SQLite's table_info does. */
async function columnsOf(sql: ProvinceSql, table: string): Promise<string[]> {
  const rows = await sql.all<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER'
     ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => row.name);
}

/** The province store on a PostgreSQL server: connects, brings the schema up to date, and serves the interface. */
export async function openPostgresProvinceDb(
  url: string,
  options: { max?: number; mustExist?: boolean } = {},
): Promise<ProvinceDb> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    // A server that does not answer (a firewall dropping packets) fails the open instead of hanging it.
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection the server dropped (a restart) is removed by the pool and replaced on next use; without a
  // listener the event would end the process.
  pool.on('error', () => {});
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end();
    throw connectError(url, error);
  }
  try {
    if (options.mustExist) await refuseUnlessProvince(pool);
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const sql = sqlOn((text, values) => pool.query(text, values));
  const columns = new Map<string, Promise<string[]>>();
  let closing: Promise<void> | undefined;
  return {
    ...sql,
    transaction: (fn) => transaction(pool, fn),
    // Read once per table: every batch writes through them, and the schema does not change under a running server
    // (a newer one is refused at start).
    columns: (table) => {
      let known = columns.get(table);
      if (!known) {
        columns.set(table, (known = columnsOf(sql, table)));
        // A read that failed (the server away for a moment) is not kept: the next batch asks again.
        known.catch(() => columns.delete(table));
      }
      return known;
    },
    foreignKeys: (table) =>
      sql.all<ForeignKey>(
        `SELECT src.attname AS "from", target.relname AS "table", dst.attname AS "to"
         FROM pg_constraint c
         JOIN pg_class owner ON owner.oid = c.conrelid
         JOIN pg_namespace ns ON ns.oid = owner.relnamespace
         JOIN pg_class target ON target.oid = c.confrelid
         CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(src_num, dst_num)
         JOIN pg_attribute src ON src.attrelid = c.conrelid AND src.attnum = k.src_num
         JOIN pg_attribute dst ON dst.attrelid = c.confrelid AND dst.attnum = k.dst_num
         WHERE c.contype = 'f' AND ns.nspname = current_schema() AND owner.relname = ?
         ORDER BY src.attnum`,
        [table],
      ),
    constraintOf: (error) => CONSTRAINTS[sqlState(error) ?? ''] ?? null,
    unreachable: isUnreachable,
    describe: async () => {
      const server = await sql.get<{ server_version: string }>('SHOW server_version');
      const mark = await sql.get<{ version: number }>('SELECT version FROM province_schema_version');
      return { backend: 'postgres', serverVersion: server?.server_version ?? '', schemaVersion: mark?.version ?? 0 };
    },
    // Closing twice (a server's shutdown after a failed request closed it) is no error.
    close: () => (closing ??= pool.end()),
    // Derived on PostgreSQL so far: the cross-city findings, with the province's thresholds and kept as its flags under
    // review, as on SQLite (crossCity.ts). The indicators are computed from the records (provinceFacts.ts) when read,
    // so there are no facts to keep; 供需对接's text index is kept as each batch's pool and needs arrive.
    derived: {
      readFacts: (query) => readProvinceFacts(sql, query),
      industryFacts: (year, regions) => readProvinceIndustryFacts(sql, year, regions),
      monthFacts: (year, regions) => readProvinceMonthFacts(sql, year, regions),
      countedDeals: (filter) => readProvinceCountedDeals(sql, filter),
      cumulativeDistinct: (regions, from, toYear) => readProvinceCumulativeDistinct(sql, regions, from, toYear),
      deferFacts: async () => async () => {},
      indexRow: (tx, entity, row) => indexSyncedRowOn(tx, entity, row),
      crossCity: (dealIds, at) => transaction(pool, (tx) => publishCrossCityFindings(tx, dealIds, at)),
    },
  };
}
