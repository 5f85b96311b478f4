import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { envelopeText, readBatch, type BatchRow } from '../core/sync/batches';
import { signingIdentity } from '../core/sync/installationKey';
import { recordManyDeals } from '../core/sync/testing/syncFixtures';
import { postBatch } from '../core/sync/transport';
import { appendOutbox } from '../core/outbox/outbox';
import { createDatabase, withClient } from '../tests/testing/postgres';
import { setUpStore } from '../tests/testing/tempStore';
import { migrationSetUp } from './testing/migrationSetUp';
import { recordDatongsDeal, syncCity, type City } from './testing/sqliteProvinceWithHistory';
import { startProvinceEndpoint } from './testing/testProvince';
import { DeskError } from '../core/service/errors';
import { migrateFromSqlite } from '../core/province/store/migrateFromSqlite';
import { openProvinceDb } from '../core/province/store/openProvinceDb';
import type { ProvinceDb } from '../core/province/store/provinceDb';
import { readProvinceFacts } from '../core/province/store/provinceFacts';
import { INDICATOR_YEARS_SQL, indicatorsQuery } from '../core/province/store/migration/indicatorsCompared';
import { keepFindingAsFlag, keepFindingForReview } from '../core/province/review/findingFlag';
import { sqliteTx } from '../core/province/store/sqliteProvinceDb';
import { readFactsFromScratch, type FactsQuery } from '../core/indicators/facts';
import { computeReport, yearValues } from '../core/indicators/report';
import { saveTargets } from '../core/indicators/targetsStore';
import { createWriter } from '../core/service/context';
import { provinceWriterOf } from '../core/province/store/provinceWriter';
import { provinceIndicatorReport } from '../core/province/store/provinceReport';
import { computeProvinceHome } from '../core/province/home/overview';
import { computeBulletin } from '../core/province/bulletin/bulletin';
import { computeEvaluation } from '../core/indicators/evaluation';
import { computeDashboard } from '../core/indicators/dashboard';
import { listCountedDeals } from '../core/indicators/countedDeals';
import { runCli } from '../tests/testing/runCli';
import { verifyPassword } from '../core/auth/passwords';
import { openWorkbench } from './testing/workbench';
import { TERM_TABLES } from '../core/matching/terms';

// Enough deals that the larger tables (owners, versions) take more than one multi-row INSERT.
const setUp = migrationSetUp(400);

const opened: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of opened.splice(0).reverse()) await close();
});

let databases = 0;
const freshDatabase = () => createDatabase(setUp.cluster.url, `migrate_${++databases}`);
async function open(url: string): Promise<ProvinceDb> {
  const db = await openProvinceDb({ databaseUrl: url });
  opened.push(() => db.close());
  return db;
}
const fileDigest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** The province store's file, copied with nothing open on it, for a test that writes to it directly. */
function copyOfHistory(name: string): string {
  const file = path.join(setUp.folder.dir, name);
  fs.copyFileSync(setUp.history.dbPath, file);
  return file;
}
const migrationError = (file: string, url: string) =>
  migrateFromSqlite(file, url).then(
    () => expect.unreachable('the migration went through'),
    (error: unknown) => error as DeskError,
  );

/** Every table of the PostgreSQL schema but its version mark. */
const copiedTables = (db: ProvinceDb) =>
  db
    .all<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_name <> 'province_schema_version' ORDER BY 1`,
    )
    .then((rows) => rows.map((r) => r.name));
async function rowCounts(db: ProvinceDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await copiedTables(db))
    counts[table] = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
  return counts;
}
const allEmpty = async (url: string) => Object.values(await rowCounts(await open(url))).every((n) => n === 0);
const sortedJson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

/** A cross-city finding (R01) on one deal, as the province keeps it, for a test to flag the deal by hand. */
const repeatTransferFinding = (name: string, deal: { id: string; contractNo: string }) => ({
  fingerprint: `R01|${name}`,
  rule_id: 'R01',
  explanation: '跨地市重复转让',
  evidence: '{}',
  subjects: JSON.stringify([{ entity: 'deal', entityId: deal.id, businessNo: deal.contractNo }]),
  found_at: '2024-06-01T00:00:00.000Z',
});

const NOW = '2026-01-01T00:00:00.000Z';

describe('province migrate-from-sqlite', () => {
  it('copies every table parents first, verified by counts, checksums and region-year totals; the SQLite file is left as it was', async () => {
    const url = await freshDatabase();
    const before = fileDigest(setUp.history.dbPath);

    const report = await migrateFromSqlite(setUp.history.dbPath, url);

    const target = await open(url);
    // Every table but 供需对接's text index, built from the copied pool instead (workbenchParity.test.ts), and the
    // workbench's sessions (everybody signs in again).
    const notCopied: string[] = [
      ...Object.values(TERM_TABLES).flatMap((t) => [t.docs, t.postings]),
      'workbench_sessions',
    ];
    const tables = (await copiedTables(target)).filter((t) => !notCopied.includes(t));
    expect(report.tables.map((t) => t.table).sort()).toEqual(tables);
    const order = report.tables.map((t) => t.table);
    for (const [parent, child] of [
      ['organizations', 'deals'],
      ['deals', 'payments'],
      ['patents', 'deal_patents'],
      ['province_keys', 'province_batches'],
      ['organizations', 'province_org_aliases'],
    ] as const)
      expect(order.indexOf(parent)).toBeLessThan(order.indexOf(child));

    const source = new Database(setUp.history.dbPath, { readonly: true });
    try {
      for (const { table, rows } of report.tables) {
        const columns = (await target.columns(table)).join(', ');
        const sqliteRows = source.prepare(`SELECT ${columns} FROM ${table}`).all();
        expect(rows, table).toBe(sqliteRows.length);
        expect(sortedJson(await target.all(`SELECT ${columns} FROM ${table}`)), table).toEqual(sortedJson(sqliteRows));
      }
    } finally {
      source.close();
    }
    // The history has what a province keeps beside the records: keys, an alias, claims and their flags, the audit log.
    const counts = await rowCounts(target);
    for (const table of [
      'province_keys',
      'province_batches',
      'province_org_aliases',
      'province_claims',
      'province_feedback',
      'province_findings',
      'province_record_owners',
      'audit_log',
      'subsidies',
    ])
      expect(counts[table], table).toBeGreaterThan(0);
    expect(counts.deals).toBe(402);
    // The generated column is PostgreSQL's own, computed from the copied date.
    expect(await target.get("SELECT record_year FROM deals WHERE contract_no = 'DT-2024-01'")).toEqual({
      record_year: 2024,
    });
    // 太原 and 大同 each have deals in a year of their own records: groups from both regions were compared.
    expect(report.regionYearGroups).toBeGreaterThanOrEqual(4);
    expect(fileDigest(setUp.history.dbPath)).toBe(before);
  });

  it("moves the workbench's officers, its installation mark and their decisions on the province's flags", async () => {
    const file = copyOfHistory('with-workbench.db');
    const wb = await openWorkbench(file);
    const reviewer = await wb.call('users.create', {
      username: 'shenhe',
      displayName: '省级审核员',
      role: '审核员',
      password: 'shenhe-pass-456',
    });
    const deal = wb.service.store.db
      .prepare("SELECT id, contract_no AS contractNo FROM deals WHERE contract_no = 'TY-2024-01'")
      .get() as { id: string; contractNo: string };
    const finding = repeatTransferFinding('decided-in-test', deal);
    await keepFindingForReview(sqliteTx(wb.service.store.db), finding, '2024-06-01T00:00:00.000Z');
    const flagId = wb.service.store.db
      .prepare("SELECT id FROM anomaly_flags WHERE fingerprint = 'province:R01|decided-in-test'")
      .pluck()
      .get() as string;
    await wb.as({ id: reviewer.id, name: '省级审核员', role: '审核员' }, 'review.decide', {
      flagId,
      decision: '排除',
      reason: '两次转让为同一笔交易的更正登记',
    });
    wb.close();
    const url = await freshDatabase();

    await migrateFromSqlite(file, url);

    const target = await open(url);
    expect(await target.all('SELECT region_code, private_key_pem FROM installation')).toEqual([
      { region_code: '140000', private_key_pem: null },
    ]);
    const users = await target.all<{ username: string; role: string; password_hash: string }>(
      'SELECT username, role, password_hash FROM users ORDER BY username',
    );
    expect(users.map(({ username, role }) => ({ username, role }))).toEqual([
      { username: 'sheng', role: '管理员' },
      { username: 'shenhe', role: '审核员' },
    ]);
    // The officers sign in with the passwords they had.
    expect(await verifyPassword('sheng-pass-123', users[0]!.password_hash)).toBe(true);
    expect(await verifyPassword('shenhe-pass-456', users[1]!.password_hash)).toBe(true);
    expect(
      await target.all(
        `SELECT d.decision, d.reason, u.username FROM flag_decisions d JOIN users u ON u.id = d.reviewer_id
         WHERE d.flag_id = ?`,
        [flagId],
      ),
    ).toEqual([{ decision: '排除', reason: '两次转让为同一笔交易的更正登记', username: 'shenhe' }]);
    expect(await target.get('SELECT status FROM anomaly_flags WHERE id = ?', [flagId])).toEqual({ status: '排除' });
  });

  it('hands over to the endpoint on PostgreSQL: a batch resent gets its stored answer, sequences, owners, cursors and the audit chain go on', async () => {
    const url = await freshDatabase();
    await migrateFromSqlite(setUp.history.dbPath, url);
    const endpoint = await startProvinceEndpoint(await openProvinceDb({ databaseUrl: url }));
    opened.push(() => endpoint.close());
    const { taiyuan, datong } = setUp.history;
    const lastAudit = (await endpoint.db.get<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
    ))!;
    const lastCursor = (await endpoint.db.get<{ c: number }>('SELECT max(cursor) AS c FROM province_feedback'))!.c;

    // 太原's first batch, resent byte for byte: the province's stored answer, nothing stored twice.
    const first = taiyuan.service.store.db
      .prepare('SELECT * FROM sync_batches ORDER BY seq_from LIMIT 1')
      .get() as BatchRow;
    const identity = await signingIdentity(taiyuan.service.store, taiyuan.adminActor);
    const deals = (await rowCounts(endpoint.db)).deals!;
    expect(
      await postBatch(endpoint.url, first.id, envelopeText(taiyuan.service.store.db, first, identity), 5000),
    ).toEqual({ kind: 'accepted', summary: JSON.parse(first.summary!) as unknown });
    expect((await rowCounts(endpoint.db)).deals).toBe(deals);

    // 太原 goes on from its next sequence number (the key's next_seq came along): accepted, no gap.
    recordManyDeals(taiyuan.service.store, taiyuan.adminActor, '140100', 3, 1000);
    await syncCity(taiyuan, endpoint);
    expect((await rowCounts(endpoint.db)).deals).toBe(deals + 3);
    const latest = (c: City) =>
      readBatch(
        c.service.store.db,
        c.service.store.db
          .prepare('SELECT id FROM sync_batches ORDER BY seq_from DESC LIMIT 1')
          .pluck()
          .get() as string,
      )!;
    expect(JSON.parse(latest(taiyuan).summary!)).toMatchObject({ accepted: 9, rejected: [] });

    // 大同 changes 太原's migrated deal: refused, the owner came along.
    const held = taiyuan.service.store.db
      .prepare('SELECT * FROM deals WHERE id = ?')
      .get(setUp.history.sharedDeal) as Record<string, unknown>;
    const patents = taiyuan.service.store.db
      .prepare('SELECT patent_number FROM deal_patents WHERE deal_id = ? ORDER BY position')
      .pluck()
      .all(setUp.history.sharedDeal);
    datong.service.store.transaction((db) =>
      appendOutbox(
        db,
        {
          entity: 'deal',
          entityId: setUp.history.sharedDeal,
          version: 1000,
          op: 'upsert',
          payload: { ...held, patents, amount_fen: 1, version: 1000 },
        },
        new Date().toISOString(),
      ),
    );
    // …and describes the shared patent differently once more: its claim's flag is published again, under a new cursor.
    recordDatongsDeal(datong, '大同再次登记的名称');
    await syncCity(datong, endpoint);
    expect(JSON.parse(latest(datong).summary!)).toMatchObject({
      rejected: [expect.objectContaining({ entity: 'deal', id: setUp.history.sharedDeal, code: 'NOT_OWNER' })],
    });
    expect(await endpoint.db.get('SELECT amount_fen FROM deals WHERE id = ?', [setUp.history.sharedDeal])).toEqual({
      amount_fen: held.amount_fen,
    });
    expect(await endpoint.db.get("SELECT max(cursor) AS c FROM province_feedback WHERE rule_id = 'CLAIM'")).toEqual({
      c: lastCursor + 1,
    });

    // A new city's key enrolled: the audit chain goes on from the migrated head.
    const yangquan = await setUpStore('140300');
    opened.push(yangquan.close);
    await endpoint.enroll(yangquan.service.store, yangquan.adminActor);
    expect(await endpoint.db.get('SELECT seq, prev_hash FROM audit_log ORDER BY seq DESC LIMIT 1')).toEqual({
      seq: lastAudit.seq + 1,
      prev_hash: lastAudit.hash,
    });
  });

  it('refuses a target that already holds keys, naming each table, and changes nothing', async () => {
    const url = await freshDatabase();
    const target = await open(url);
    const city = await setUpStore('140100');
    opened.push(city.close);
    const endpoint = await startProvinceEndpoint(await openProvinceDb({ databaseUrl: url }));
    opened.push(() => endpoint.close());
    await endpoint.enroll(city.service.store, city.adminActor);
    const before = await rowCounts(target);
    const keys = await target.all('SELECT * FROM province_keys');

    const refusal = await migrationError(setUp.history.dbPath, url);

    expect(refusal).toBeInstanceOf(DeskError);
    expect(refusal.code).toBe('MIGRATION_TARGET_NOT_EMPTY');
    expect(refusal.message).toBe(
      '目标 PostgreSQL 数据库中已有数据：audit_log（1 行）、province_keys（1 行）。迁移只写入空的数据库，本次未作任何改动；请指定一个新建的空数据库。',
    );
    expect(await rowCounts(target)).toEqual(before);
    expect(await target.all('SELECT * FROM province_keys')).toEqual(keys);
  });

  it("refuses a city's store, a file that is no database and a missing file, before it touches either side", async () => {
    const city = await setUpStore('140100');
    city.service.store.close();
    opened.push(city.close);
    const text = path.join(setUp.folder.dir, 'notes.txt');
    fs.writeFileSync(text, '这不是数据库'.repeat(50));
    const url = await freshDatabase();

    for (const [file, code] of [
      [city.dbPath, 'NOT_A_PROVINCE_STORE'],
      [text, 'NOT_A_PROVINCE_STORE'],
      [path.join(setUp.folder.dir, 'missing.db'), 'STORE_MISSING'],
    ] as const) {
      const before = fs.existsSync(file) ? fileDigest(file) : null;
      const refusal = await migrationError(file, url);
      expect(refusal, file).toBeInstanceOf(DeskError);
      expect(refusal.code, file).toBe(code);
      expect(refusal.message, file).toContain(file);
      expect(fs.existsSync(file) ? fileDigest(file) : null, file).toBe(before);
    }
    // The target was never opened: not even the schema was made.
    const tables = await withClient(url, (client) =>
      client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'"),
    );
    expect(tables.rows).toEqual([{ n: 0 }]);
  });

  it('rolls everything back when PostgreSQL refuses a row the SQLite file holds (a CHECK the file let through)', async () => {
    const file = copyOfHistory('bad-amount.db');
    const raw = new Database(file);
    raw.pragma('ignore_check_constraints = ON');
    raw.prepare("UPDATE deals SET amount_fen = -1 WHERE contract_no = 'DT-2024-01'").run();
    raw.close();
    const url = await freshDatabase();

    const refusal = await migrationError(file, url);

    expect(refusal.code).toBe('MIGRATION_ROW_REFUSED');
    expect(refusal.message).toMatch(/^表 deals 中有 PostgreSQL 不接受的数据（.*check constraint.*）。迁移已全部回滚/);
    expect(await allEmpty(url)).toBe(true);
  });

  it('rolls everything back when the verification finds a row changed or lost on the way in, naming the table and both counts', async () => {
    // Triggers on the target stand for a server that changes what it is given: the copy itself goes through.
    const cases = [
      {
        trigger: `IF NEW.number = '202010310978.3' THEN NEW.title := NEW.title || '（改）'; END IF; RETURN NEW;`,
        table: 'patents',
        message:
          /^表 patents 的内容校验和不一致：SQLite (\d+) 行，PostgreSQL \1 行，行数相同而内容不同。迁移已全部回滚/,
      },
      {
        trigger: `IF NEW.voucher_no = 'V7' THEN RETURN NULL; END IF; RETURN NEW;`,
        table: 'payments',
        message: /^表 payments 的行数不一致：SQLite (\d+) 行，PostgreSQL (\d+) 行。迁移已全部回滚/,
      },
    ];
    for (const { trigger, table, message } of cases) {
      const url = await freshDatabase();
      await open(url);
      await withClient(url, async (client) => {
        await client.query(
          `CREATE FUNCTION alter_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${trigger} END $$`,
        );
        await client.query(
          `CREATE TRIGGER alter_row BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION alter_row()`,
        );
      });

      const refusal = await migrationError(setUp.history.dbPath, url);

      expect(refusal.code, table).toBe('MIGRATION_MISMATCH');
      expect(refusal.message, table).toMatch(message);
      const [, sqliteRows, postgresRows] = message.exec(refusal.message)!;
      if (postgresRows) expect(Number(postgresRows)).toBe(Number(sqliteRows) - 1);
      expect(await allEmpty(url), table).toBe(true);
    }
  });

  it("moves the feedback cursor past SQLite's high-water mark, not only past the highest row left", async () => {
    const file = copyOfHistory('feedback-deleted.db');
    const raw = new Database(file);
    const top = raw.prepare('SELECT max(cursor) FROM province_feedback').pluck().get() as number;
    raw.prepare('DELETE FROM province_feedback WHERE cursor = ?').run(top);
    raw.close();
    const url = await freshDatabase();

    await migrateFromSqlite(file, url);

    const target = await open(url);
    expect(await target.get('SELECT max(cursor) AS c FROM province_feedback')).toEqual({ c: top - 1 });
    expect(await target.get("SELECT nextval(pg_get_serial_sequence('province_feedback', 'cursor')) AS next")).toEqual({
      next: top + 1,
    });
  });
  describe('the official indicators (I1–I5a) of every region and year', () => {
    /** The years the history's records cover, and every region's facts over them on the SQLite file. */
    function sqliteFacts(file: string): { query: FactsQuery; facts: ReturnType<typeof readFactsFromScratch> } {
      const db = new Database(file, { readonly: true });
      try {
        const years = db.prepare(INDICATOR_YEARS_SQL).get() as { first: string; last: string };
        const query = indicatorsQuery(Number(years.first), Number(years.last));
        return { query, facts: readFactsFromScratch(db, query) };
      } finally {
        db.close();
      }
    }
    /** A counted I1 deal of 太原 (an SME assignee, recorded, live): its contract number, year and patents. */
    function countedDeal(file: string): { contractNo: string; id: string; year: number; patents: number } {
      const db = new Database(file, { readonly: true });
      try {
        return db
          .prepare(
            `SELECT d.contract_no AS contractNo, d.id, CAST(substr(d.recordation_date, 1, 4) AS INTEGER) AS year,
               d.patent_count AS patents
             FROM deals d JOIN organizations o ON o.id = d.assignee_id
             WHERE o.city_code = '140100' AND coalesce(d.assignee_size, o.size) IN ('微型','小型','中型')
               AND d.recordation_date IS NOT NULL AND d.voided_at IS NULL AND d.patent_count > 0
             ORDER BY d.recordation_date LIMIT 1`,
          )
          .get() as { contractNo: string; id: string; year: number; patents: number };
      } finally {
        db.close();
      }
    }

    it('are computed on PostgreSQL by the same definition and found equal, region by region, year by year', async () => {
      const url = await freshDatabase();
      const { query, facts } = sqliteFacts(setUp.history.dbPath);

      const report = await migrateFromSqlite(setUp.history.dbPath, url);

      expect(report.indicatorRegionYears).toBe(12 * (query.toYear - query.fromYear + 1));
      const onPostgres = await readProvinceFacts(await open(url), query);
      expect(onPostgres).toEqual(facts);
      // Not a comparison of nothing: 太原's deals count, in the year of the earliest.
      const { year } = countedDeal(setUp.history.dbPath);
      expect(yearValues(onPostgres.get('140100')!.years.get(year)!).I1).toBeGreaterThan(0);
    });

    it('keep a deal the province confirmed as abnormal out of its figures, on PostgreSQL as on SQLite', async () => {
      const file = copyOfHistory('confirmed-finding.db');
      const deal = countedDeal(file);
      const before = sqliteFacts(file);
      const raw = new Database(file);
      const finding = repeatTransferFinding('confirmed-in-test', deal);
      raw.exec('BEGIN');
      await keepFindingAsFlag(sqliteTx(raw), finding, '确认异常', '2024-06-02T00:00:00.000Z');
      raw.exec('COMMIT');
      raw.close();
      const after = sqliteFacts(file);
      const i1 = (facts: typeof after.facts) => yearValues(facts.get('140100')!.years.get(deal.year)!).I1;
      expect(i1(after.facts)).toBe(i1(before.facts)! - deal.patents);
      const url = await freshDatabase();

      await migrateFromSqlite(file, url);

      const target = await open(url);
      expect(
        await target.get("SELECT status FROM anomaly_flags WHERE fingerprint = 'province:R01|confirmed-in-test'"),
      ).toEqual({
        status: '确认异常',
      });
      expect(await readProvinceFacts(target, after.query)).toEqual(after.facts);
    });

    it('roll everything back when an indicator comes out different on PostgreSQL, naming it, the region and the year', async () => {
      const deal = countedDeal(setUp.history.dbPath);
      const url = await freshDatabase();
      await open(url);
      // The deal arrives as a large enterprise's: its counts and amounts agree, its indicators do not.
      await withClient(url, async (client) => {
        await client.query(
          `CREATE FUNCTION alter_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
             IF NEW.contract_no = '${deal.contractNo}' THEN NEW.assignee_size := '大型'; END IF; RETURN NEW; END $$`,
        );
        await client.query('CREATE TRIGGER alter_row BEFORE INSERT ON deals FOR EACH ROW EXECUTE FUNCTION alter_row()');
      });

      const refusal = await migrationError(setUp.history.dbPath, url);

      expect(refusal.code).toBe('MIGRATION_MISMATCH');
      const shown =
        /^指标 I1（中小微企业受让、许可、入股专利数）在 太原市 (\d{4}) 年不一致：SQLite (\d+) 项，PostgreSQL (\d+) 项。迁移已全部回滚/.exec(
          refusal.message,
        );
      expect(shown, refusal.message).not.toBeNull();
      const [, year, sqlite, postgres] = shown!.map(Number);
      expect(year).toBe(deal.year);
      expect(sqlite! - postgres!).toBe(deal.patents);
      expect(await allEmpty(url)).toBe(true);
    });
    it('give the same report on PostgreSQL as on the SQLite store, targets and baselines moved over with it', async () => {
      const file = copyOfHistory('with-targets.db');
      const { query } = sqliteFacts(file);
      const raw = new Database(file);
      raw.exec('BEGIN');
      await saveTargets(
        provinceWriterOf(
          createWriter(raw, { id: null, name: '省级管理员', role: '管理员' }, '2024-06-01T00:00:00.000Z'),
        ),
        '省级管理员',
        [
          { regionCode: '140100', indicator: 'I1', yearFrom: 2021, yearTo: 2025, target: 900, requiredGrowth: 0.1 },
          {
            regionCode: '140000',
            indicator: 'I1a',
            yearFrom: 2021,
            yearTo: 2025,
            target: 5_000_000_00,
            requiredGrowth: null,
          },
        ],
        [{ regionCode: '140100', indicator: 'I1', year: 2020, value: 40 }],
      );
      raw.exec('COMMIT');
      const url = await freshDatabase();
      await migrateFromSqlite(file, url);
      const target = await open(url);

      for (const region of ['140000', '140100', '140200'])
        for (let year = Math.max(query.fromYear, 2021); year <= query.toYear; year++) {
          const onPostgres = await provinceIndicatorReport(target, region, year);
          expect(onPostgres, `${region} ${year}`).toEqual(computeReport(raw, region, year));
        }
      raw.close();
      // The command a data centre runs prints the same, the target and its completion included.
      const printed = (args: string[]) => {
        const r = runCli(['indicators', '--region', '太原', '--year', String(query.toYear), '--json', ...args]);
        expect(r.status, r.stderr).toBe(0);
        return JSON.parse(r.stdout) as { indicators: Record<string, { cumulative: number; target: number | null }> };
      };
      const onPostgres = printed(['--database-url', url]);
      expect(onPostgres).toEqual(printed(['--db', file]));
      expect(onPostgres.indicators.I1).toMatchObject({ target: 900 });
      expect(onPostgres.indicators.I1!.cumulative).toBeGreaterThan(0);
    });

    it("give the province's 首页 and 统计图表 on PostgreSQL as on the SQLite store: counts, indicators, trend, industries, months", async () => {
      const { query } = sqliteFacts(setUp.history.dbPath);
      const url = await freshDatabase();
      await migrateFromSqlite(setUp.history.dbPath, url);
      const target = await open(url);
      const source = await openProvinceDb({ file: setUp.history.dbPath });
      opened.push(() => source.close());

      for (let year = Math.max(query.fromYear, 2021); year <= query.toYear; year++) {
        expect(await computeProvinceHome(target, year), String(year)).toEqual(await computeProvinceHome(source, year));
        // 统计图表 of the province and of one city: years, cumulative counts, regions, industries and months.
        for (const region of ['140000', '140100'])
          expect(await computeDashboard(target, region, year), `${region} ${year}`).toEqual(
            await computeDashboard(source, region, year),
          );
      }
      const charts = await computeDashboard(target, '140100', query.toYear);
      expect(charts.monthly.some((m) => m.I1 > 0)).toBe(true);
      expect(charts.cumulativeByYear.at(-1)!.values.I3).toBeGreaterThan(0);
      // Not a comparison of nothing: 太原's records, its deals by industry, its batches and key (findings waiting for
      // review are compared on both backends in syncRoundTrip.test.ts).
      const home = await computeProvinceHome(target, query.toYear);
      const taiyuan = home.regions.find((r) => r.region === '140100')!;
      expect(taiyuan.records.deals).toBeGreaterThan(400);
      expect(home.industries.filter((c) => c.region === '140100' && c.I1 > 0)).not.toEqual([]);
      expect(taiyuan.batches).toBeGreaterThan(0);
      expect(taiyuan.installations).toBe(1);

      // A bar's drill-down lists the same deals, every year: the province's, one city's month, one city's industry.
      const industry = home.industries.find((c) => c.region === '140100' && c.I1 > 0)!.industry;
      const listedIn = { I1: new Set<string>(), I2: new Set<string>() };
      for (let year = query.fromYear; year <= query.toYear; year++)
        for (const family of ['I1', 'I2'] as const)
          for (const drillDown of [
            { region: '140000', year, family, limit: 1000 },
            { region: '140100', year, family, month: `${year}-06`, limit: 1000 },
            { region: '140100', year, family, industry, limit: 1000 },
          ]) {
            const listed = await listCountedDeals(target, drillDown);
            expect(listed, JSON.stringify(drillDown)).toEqual(await listCountedDeals(source, drillDown));
            for (const row of listed.rows) listedIn[family].add(row.id);
          }
      // Not lists of nothing (that each family lists its own deals is checked on random records in factTables.test.ts).
      expect(listedIn.I1.size).toBeGreaterThan(100);
      expect(listedIn.I2.size).toBeGreaterThan(100);
    });

    it('give the same 定期通报 and 成效评价 on PostgreSQL as on the SQLite store, with deals confirmed abnormal and under review', async () => {
      const file = copyOfHistory('with-flags.db');
      const confirmed = countedDeal(file);
      const raw = new Database(file);
      const waiting = raw
        .prepare(
          `SELECT id, contract_no AS contractNo FROM deals WHERE region_code = '140100' AND id <> ?
             AND substr(recordation_date, 1, 4) = ? ORDER BY recordation_date DESC LIMIT 1`,
        )
        .get(confirmed.id, String(confirmed.year)) as { id: string; contractNo: string };
      raw.exec('BEGIN');
      await keepFindingAsFlag(sqliteTx(raw), repeatTransferFinding('confirmed', confirmed), '确认异常', NOW);
      await keepFindingForReview(sqliteTx(raw), repeatTransferFinding('waiting', waiting), NOW);
      raw.exec('COMMIT');
      raw.close();
      const { query } = sqliteFacts(file);
      const url = await freshDatabase();
      await migrateFromSqlite(file, url);
      const target = await open(url);
      const source = await openProvinceDb({ file });
      opened.push(() => source.close());

      const periods = [
        { year: query.toYear, kind: 'quarter' as const, number: 4 },
        { year: query.toYear, kind: 'month' as const, number: 6 },
        { year: confirmed.year, kind: 'quarter' as const, number: 2 },
      ];
      for (const period of periods)
        expect(await computeBulletin(target, period, '2026-12-01'), JSON.stringify(period)).toEqual(
          await computeBulletin(source, period, '2026-12-01'),
        );
      const yearEnd = await computeBulletin(target, periods[0]!, '2026-12-01');
      expect(yearEnd.regions.find((r) => r.region === '140100')).toMatchObject({
        confirmedAnomalies: 1,
        dealsRemoved: 1,
        dealsUnderReview: 1,
      });
      expect(yearEnd.regions.find((r) => r.region === '140100')!.indicators.I1.cumulative).toBeGreaterThan(0);

      // 成效评价: the same sheets, the deals under review and the confirmed anomaly counted on both.
      for (const region of ['140000', '140100', '140200'])
        for (const year of [confirmed.year, query.toYear])
          expect(await computeEvaluation(target, region, year, '2026-12-01'), `${region} ${year}`).toEqual(
            await computeEvaluation(source, region, year, '2026-12-01'),
          );
      // The province's own flag counts on the province's sheet (a flag counts for the region that raised it).
      const sheet = await computeEvaluation(target, '140000', confirmed.year, '2026-12-01');
      expect([sheet.confirmedAnomalies, sheet.dealsUnderReview]).toEqual([1, 1]);
      expect(sheet.rows.find((r) => r.indicator === 'I1')!.year).toBeGreaterThan(0);
    });
  });
});
