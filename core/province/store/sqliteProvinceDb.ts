import type Database from 'better-sqlite3';
import { deferDealFacts } from '../../indicators/deferredFacts';
import { readFactsFromScratch } from '../../indicators/facts';
import { readCumulativeDistinct, readFacts, readIndustryFacts, readMonthFacts } from '../../indicators/factTables';
import { readCountedDealIds } from '../../indicators/countedDeals';
import { indexSyncedRow } from '../../matching/terms';
import { PROVINCE_VERSION } from '../migrations';
import type { Store } from '../../store/store';
import { publishCrossCityFindings } from '../crossCity/crossCity';
import type { ConstraintKind, ProvinceDb, ProvinceSql, ProvinceTx, SqlValue } from './provinceDb';

const CONSTRAINT_CODES: Record<string, ConstraintKind> = {
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreignKey',
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_NOTNULL: 'notNull',
};

/** Statements prepared once per connection and reused. */
function statementCache(db: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  return (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
}

function directSql(db: Database.Database): ProvinceSql {
  const prepared = statementCache(db);
  return {
    dialect: 'sqlite',
    get: async <T>(text: string, params: readonly SqlValue[] = []) => prepared(text).get(...params) as T | undefined,
    all: async <T>(text: string, params: readonly SqlValue[] = []) => prepared(text).all(...params) as T[],
    run: async (text: string, params: readonly SqlValue[] = []) => prepared(text).run(...params).changes,
  };
}

/**
 * The interface inside a transaction already open on `db`: for a desk write (core/service/context.ts Writer) that
 * does province work on its way (the targets the province's workbench saves go out to the cities in the same commit).
 */
export function sqliteTx(db: Database.Database, sql: ProvinceSql = directSql(db)): ProvinceTx {
  let savepoints = 0;
  return {
    ...sql,
    forUpdate: '',
    lock: () => Promise.resolve(),
    async savepoint(fn) {
      const name = `record_${++savepoints}`;
      db.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn();
        db.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        db.exec(`ROLLBACK TO ${name}`);
        db.exec(`RELEASE ${name}`);
        throw error;
      }
    },
  };
}

/**
 * The province's SQLite file (province/store.ts opens it) behind the asynchronous interface. better-sqlite3 is
 * synchronous and has one connection, so every call takes its turn in one queue: a request never reads another's
 * open transaction, nor writes into it.
 */
export function sqliteProvinceDb(store: Store): ProvinceDb {
  const { db } = store;
  let queue: Promise<unknown> = Promise.resolve();
  function inTurn<T>(work: () => T | Promise<T>): Promise<T> {
    const turn = queue.then(work);
    queue = turn.catch(() => undefined);
    return turn;
  }
  const direct = directSql(db);
  const tx = sqliteTx(db, direct);
  const transaction = <T>(fn: (tx: ProvinceTx) => Promise<T>) => inTurn(() => store.transactionInSteps(() => fn(tx)));

  return {
    dialect: 'sqlite',
    get: (text, params) => inTurn(() => direct.get(text, params)),
    all: (text, params) => inTurn(() => direct.all(text, params)),
    run: (text, params) => inTurn(() => direct.run(text, params)),
    transaction,
    columns: async (table) =>
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name),
    foreignKeys: async (table) =>
      (db.prepare(`PRAGMA foreign_key_list(${table})`).all() as { from: string; table: string; to: string }[]).map(
        ({ from, table: target, to }) => ({ from, table: target, to }),
      ),
    // Any other constraint (a trigger's RAISE) is refused like a check.
    constraintOf: (error) => {
      const code = (error as { code?: unknown }).code;
      return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')
        ? (CONSTRAINT_CODES[code] ?? 'check')
        : null;
    },
    // The file is opened once, at start: a failure later is the call's, not the store's reach.
    unreachable: () => false,
    describe: async () => ({
      backend: 'sqlite',
      serverVersion: db.prepare('SELECT sqlite_version()').pluck().get() as string,
      schemaVersion: PROVINCE_VERSION.read(db),
    }),
    // The store was opened by the caller, who closes it.
    close: () => Promise.resolve(),
    derived: {
      // The tables hold whole years: facts to a month's end (定期通报) are computed from the records.
      readFacts: (query) => inTurn(() => (query.toDate ? readFactsFromScratch(db, query) : readFacts(db, query))),
      industryFacts: (year, regions) => inTurn(() => readIndustryFacts(db, year, regions)),
      monthFacts: (year, regions) => inTurn(() => readMonthFacts(db, year, regions)),
      countedDeals: (filter) => inTurn(() => readCountedDealIds(db, filter)),
      cumulativeDistinct: (regions, from, toYear) => inTurn(() => readCumulativeDistinct(db, regions, from, toYear)),
      // The deals' indicator facts are rebuilt once for the batch, not record by record (migration 13).
      async deferFacts() {
        const rebuild = deferDealFacts(db);
        return async () => rebuild();
      },
      // A pooled patent or a need is indexed for the province's matching across cities.
      indexRow: async (_tx, entity, row) => indexSyncedRow(db, entity, row),
      // With the province's own thresholds (规则设置 on its workbench); a finding across regions is also kept as the
      // province's anomaly flag, which its indicators and bulletins read (crossCity.ts).
      crossCity: (dealIds, at) => transaction((tx) => publishCrossCityFindings(tx, dealIds, at)),
    },
  };
}
