/**
 * The migrations that move data (8–13: the indicator facts kept by the database): rows are loaded at the version
 * before each one, the migration runs, and the facts it leaves are checked against what docs/domain.md §7 says of
 * these few hand-made filings (the expected rows below are worked out from them by hand, deal by deal).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/testing/tempStore';
import { migrate } from '../migrate';
import { migrations } from './index';

let cleanup = () => {};
afterEach(() => cleanup());

/** A store file at `version`, with the filings below loaded by plain SQL as a writer of that version would. */
function loadedAt(version: number): Database.Database {
  const t = tempDir();
  const db = new Database(path.join(t.dir, 'desk.db'));
  cleanup = () => {
    db.close();
    t.cleanup();
  };
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    migrations.filter((m) => m.version <= version),
  );
  db.transaction(() => loadFilings(db))();
  return db;
}

const migrateTo = (db: Database.Database, version: number) =>
  migrate(
    db,
    migrations.filter((m) => m.version <= version),
  );

const AT = '2024-01-01T00:00:00.000Z';
const WAN = 1_000_000; // 分 per 万元

/**
 * 太原理工 (U1, university, 太原) sells to 太原小企 (E1, small, 太原), 大同中企 (E2, medium, 大同), 太原大企 (B1, large,
 * 太原) and 北京小企 (X1, small, outside Shanxi); E1 also sells to E2.
 */
function loadFilings(db: Database.Database): void {
  const org = db.prepare(
    `INSERT INTO organizations (id, name, name_norm, uscc, kind, region_code, city_code, size, created_at, updated_at)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, '${AT}', '${AT}')`,
  );
  org.run('U1', '太原理工', '太原理工', '高校', '140100', '140100', null);
  org.run('E1', '太原小企', '太原小企', '企业', '140105', '140100', '小型');
  org.run('E2', '大同中企', '大同中企', '企业', '140200', '140200', '中型');
  org.run('B1', '太原大企', '太原大企', '企业', '140100', '140100', '大型');
  org.run('X1', '北京小企', '北京小企', '企业', '110000', null, '小型');

  const patent = db.prepare(`INSERT INTO patents (number, type, updated_at) VALUES (?, '发明', '${AT}')`);
  for (let i = 1; i <= 9; i++) patent.run(`P${i}`);

  const deal = db.prepare(
    `INSERT INTO deals (id, region_code, contract_no, kind, assignor_id, assignee_id, contract_date, recordation_date,
       amount_fen, patent_count, created_at, updated_at, voided_at)
     VALUES (@id, '140100', @id, '转让', @from, @to, '2020-01-01', @recorded, @fen, @patents, '${AT}', '${AT}', @voided)`,
  );
  const dealPatent = db.prepare('INSERT INTO deal_patents (deal_id, patent_number, position) VALUES (?, ?, ?)');
  const deals = [
    { id: 'D0', from: 'U1', to: 'E1', recorded: '2020-06-01', fen: 1 * WAN, patents: ['P9'] },
    { id: 'D1', from: 'U1', to: 'E1', recorded: '2021-03-01', fen: 10 * WAN, patents: ['P1', 'P2'] },
    { id: 'D2', from: 'E1', to: 'E2', recorded: '2022-05-01', fen: 5 * WAN, patents: ['P3'] },
    { id: 'D3', from: 'U1', to: 'B1', recorded: '2022-06-01', fen: 3 * WAN, patents: ['P4'] },
    { id: 'D4', from: 'U1', to: 'E1', recorded: null, fen: 4 * WAN, patents: ['P5'] }, // not recorded: counts nowhere
    { id: 'D5', from: 'U1', to: 'E2', recorded: '2023-01-10', fen: 6 * WAN, patents: ['P6'], voided: AT }, // voided
    { id: 'D6', from: 'U1', to: 'E1', recorded: '2023-02-02', fen: 8 * WAN, patents: ['P7'] }, // confirmed anomaly
    { id: 'D7', from: 'U1', to: 'E1', recorded: '2023-03-03', fen: 7 * WAN, patents: ['P8'] }, // open flag: counts
    { id: 'D8', from: 'U1', to: 'X1', recorded: '2022-08-08', fen: 2 * WAN, patents: ['P6'] },
  ];
  for (const d of deals) {
    deal.run({ voided: null, ...d, patents: d.patents.length });
    d.patents.forEach((p, i) => dealPatent.run(d.id, p, i));
  }

  const payment = db.prepare(
    `INSERT INTO payments (id, deal_id, paid_date, amount_fen, created_at, updated_at, voided_at)
     VALUES (?, ?, ?, ?, '${AT}', '${AT}', ?)`,
  );
  payment.run('Y1', 'D1', '2021-04-01', 4 * WAN, null);
  payment.run('Y2', 'D1', '2022-01-05', 6 * WAN, null);
  payment.run('Y3', 'D1', '2022-02-02', 1 * WAN, AT); // voided
  payment.run('Y4', 'D3', '2022-07-01', 3 * WAN, null);
  payment.run('Y5', 'D4', '2022-01-01', 1 * WAN, null); // on a deal that does not count

  const flag = db.prepare(
    `INSERT INTO anomaly_flags (id, rule_id, region_code, fingerprint, status, explanation, first_seen_at, last_seen_at, updated_at)
     VALUES (?, 'R04', '140100', ?, ?, '', '${AT}', '${AT}', '${AT}')`,
  );
  const subject = db.prepare(
    "INSERT INTO flag_subjects (flag_id, entity, entity_id, business_no) VALUES (?, 'deal', ?, ?)",
  );
  flag.run('F1', 'f1', '确认异常');
  subject.run('F1', 'D6', 'D6');
  flag.run('F2', 'f2', '待审核');
  subject.run('F2', 'D7', 'D7');

  const registration = db.prepare(
    `INSERT INTO product_registrations (id, region_code, registration_no, enterprise_id, product_name, registration_date,
       created_at, updated_at, voided_at) VALUES (?, '140100', ?, ?, '产品', ?, '${AT}', '${AT}', ?)`,
  );
  const registrationPatent = db.prepare(
    'INSERT INTO registration_patents (registration_id, patent_number) VALUES (?, ?)',
  );
  registration.run('R0', 'R0', 'E1', '2020-09-09', null);
  registrationPatent.run('R0', 'P3');
  registration.run('R1', 'R1', 'E1', '2021-05-05', null);
  registrationPatent.run('R1', 'P1');
  registrationPatent.run('R1', 'P2');
  registration.run('R2', 'R2', 'B1', '2022-05-05', null); // large: not an SME's
  registrationPatent.run('R2', 'P4');
  registration.run('R3', 'R3', 'E2', '2022-06-06', AT); // voided
  registrationPatent.run('R3', 'P5');

  const pledge = db.prepare(
    `INSERT INTO pledges (id, region_code, registration_no, pledgor_id, pledgee_name, amount_fen, registration_date,
       created_at, updated_at) VALUES (?, '140100', ?, ?, '晋商银行', ?, ?, '${AT}', '${AT}')`,
  );
  const pledgePatent = db.prepare('INSERT INTO pledge_patents (pledge_id, patent_number) VALUES (?, ?)');
  pledge.run('L1', 'L1', 'E1', 50 * WAN, '2022-03-03');
  pledgePatent.run('L1', 'P1');
  pledge.run('L2', 'L2', 'X1', 70 * WAN, '2022-04-04'); // pledgor outside Shanxi
  pledgePatent.run('L2', 'P6');

  const figures = db.prepare(
    `INSERT INTO enterprise_figures (id, organization_id, year, revenue_fen, employees, created_at, updated_at)
     VALUES (?, 'E1', ?, ?, ?, '${AT}', '${AT}')`,
  );
  figures.run('G0', 2020, 100 * WAN, 10);
  figures.run('G1', 2021, 120 * WAN, 12);
  figures.run('G2', 2022, 130 * WAN, 13);
  figures.run('G3', 2023, 150 * WAN, null);
}

const rows = (db: Database.Database, sql: string) => db.prepare(sql).all();

/** I1/I2 per (family, region, year): D0, D1, D7 for both in 太原; D2 is 大同's I1; D3 and D8 are I2 only. */
const DEAL_YEARS = [
  { family: 'I1', region: '140100', year: 2020, deals: 1, patents: 1, amount_fen: 1 * WAN },
  { family: 'I1', region: '140100', year: 2021, deals: 1, patents: 2, amount_fen: 10 * WAN },
  { family: 'I1', region: '140100', year: 2023, deals: 1, patents: 1, amount_fen: 7 * WAN },
  { family: 'I1', region: '140200', year: 2022, deals: 1, patents: 1, amount_fen: 5 * WAN },
  { family: 'I2', region: '140100', year: 2020, deals: 1, patents: 1, amount_fen: 1 * WAN },
  { family: 'I2', region: '140100', year: 2021, deals: 1, patents: 2, amount_fen: 10 * WAN },
  { family: 'I2', region: '140100', year: 2022, deals: 2, patents: 2, amount_fen: 5 * WAN },
  { family: 'I2', region: '140100', year: 2023, deals: 1, patents: 1, amount_fen: 7 * WAN },
];
/** The live payments of counted deals, by the payment's year: D1's two for I1 and I2, D3's for I2. */
const PAYMENT_YEARS = [
  { family: 'I1', region: '140100', year: 2021, payments: 1, amount_fen: 4 * WAN },
  { family: 'I1', region: '140100', year: 2022, payments: 1, amount_fen: 6 * WAN },
  { family: 'I2', region: '140100', year: 2021, payments: 1, amount_fen: 4 * WAN },
  { family: 'I2', region: '140100', year: 2022, payments: 2, amount_fen: 9 * WAN },
];
const BENEFITED = [
  { region: '140100', year: 2020, assignee_id: 'E1', deals: 1 },
  { region: '140100', year: 2021, assignee_id: 'E1', deals: 1 },
  { region: '140100', year: 2023, assignee_id: 'E1', deals: 1 },
  { region: '140200', year: 2022, assignee_id: 'E2', deals: 1 },
];

const dealYears = (db: Database.Database) =>
  rows(db, 'SELECT family, region, year, deals, patents, amount_fen FROM indicator_deal_years ORDER BY 1, 2, 3');
const paymentYears = (db: Database.Database) =>
  rows(db, 'SELECT family, region, year, payments, amount_fen FROM indicator_payment_years ORDER BY 1, 2, 3');
const benefited = (db: Database.Database) =>
  rows(db, 'SELECT region, year, assignee_id, deals FROM indicator_enterprise_years ORDER BY 1, 2, 3');

/** Every fact table of migrations 8–10, for checking that a later migration leaves them as they were. */
const FACT_TABLES = [
  'indicator_deals',
  'indicator_payments',
  'indicator_deal_years',
  'indicator_payment_years',
  'indicator_enterprise_years',
  'indicator_registrations',
  'indicator_registration_patents',
  'indicator_pledges',
  'indicator_enterprise_totals',
  'indicator_program_enterprises',
  'indicator_program_patents',
];
const allFacts = (db: Database.Database) =>
  FACT_TABLES.map((t) =>
    rows(db, `SELECT * FROM ${t}`)
      .map((r) => JSON.stringify(r))
      .sort(),
  );
const countedDeals = (db: Database.Database) =>
  rows(db, 'SELECT family, deal_id FROM indicator_deals ORDER BY 1, 2').map((r) =>
    Object.values(r as object).join(' '),
  );

describe('migration 8 (indicator_facts) on a store with filings', () => {
  it('fills the deal and payment facts of the counted deals only', () => {
    const db = loadedAt(7);
    migrateTo(db, 8);
    expect(countedDeals(db)).toEqual(['I1 D0', 'I1 D1', 'I1 D2', 'I1 D7', 'I2 D0', 'I2 D1', 'I2 D3', 'I2 D7', 'I2 D8']);
    expect(dealYears(db)).toEqual(DEAL_YEARS);
    expect(paymentYears(db)).toEqual(PAYMENT_YEARS);
    expect(benefited(db)).toEqual(BENEFITED);
  });
});

describe('migration 9 (indicator_facts_more) on a store with filings', () => {
  it('fills the registration, pledge and benefited-enterprise figure facts', () => {
    const db = loadedAt(8);
    migrateTo(db, 9);
    expect(
      rows(db, 'SELECT region, registration_date, registration_id FROM indicator_registrations ORDER BY 3'),
    ).toEqual([
      { region: '140100', registration_date: '2020-09-09', registration_id: 'R0' },
      { region: '140100', registration_date: '2021-05-05', registration_id: 'R1' },
    ]);
    expect(rows(db, 'SELECT region, year, patent_number FROM indicator_registration_patents ORDER BY 3')).toEqual([
      { region: '140100', year: 2021, patent_number: 'P1' },
      { region: '140100', year: 2021, patent_number: 'P2' },
      { region: '140100', year: 2020, patent_number: 'P3' },
    ]);
    expect(rows(db, 'SELECT region, registration_date, pledge_id, amount_fen FROM indicator_pledges')).toEqual([
      { region: '140100', registration_date: '2022-03-03', pledge_id: 'L1', amount_fen: 50 * WAN },
    ]);
    // Figures of Y and Y−1 where both are recorded: E1 in 2021 (2020 and 2021), in 2023 revenue only (no 2023 staff).
    expect(
      rows(
        db,
        'SELECT year, assignee_id, revenue_now, revenue_before, employees_now, employees_before FROM indicator_enterprise_years ORDER BY 1',
      ),
    ).toEqual([
      {
        year: 2020,
        assignee_id: 'E1',
        revenue_now: null,
        revenue_before: null,
        employees_now: null,
        employees_before: null,
      },
      {
        year: 2021,
        assignee_id: 'E1',
        revenue_now: 120 * WAN,
        revenue_before: 100 * WAN,
        employees_now: 12,
        employees_before: 10,
      },
      {
        year: 2022,
        assignee_id: 'E2',
        revenue_now: null,
        revenue_before: null,
        employees_now: null,
        employees_before: null,
      },
      {
        year: 2023,
        assignee_id: 'E1',
        revenue_now: 150 * WAN,
        revenue_before: 130 * WAN,
        employees_now: null,
        employees_before: null,
      },
    ]);
    expect(dealYears(db)).toEqual(DEAL_YEARS);
  });
});

describe('migration 10 (indicator_totals) on a store with filings', () => {
  it('sums the benefited enterprises per region-year and keeps each one’s and each patent’s first program year', () => {
    const db = loadedAt(9);
    migrateTo(db, 10);
    expect(rows(db, 'SELECT * FROM indicator_enterprise_totals ORDER BY region, year')).toEqual([
      {
        region: '140100',
        year: 2020,
        enterprises: 1,
        revenue_now: 0,
        revenue_before: 0,
        employees_now: 0,
        employees_before: 0,
      },
      {
        region: '140100',
        year: 2021,
        enterprises: 1,
        revenue_now: 120 * WAN,
        revenue_before: 100 * WAN,
        employees_now: 12,
        employees_before: 10,
      },
      {
        region: '140100',
        year: 2023,
        enterprises: 1,
        revenue_now: 150 * WAN,
        revenue_before: 130 * WAN,
        employees_now: 0,
        employees_before: 0,
      },
      {
        region: '140200',
        year: 2022,
        enterprises: 1,
        revenue_now: 0,
        revenue_before: 0,
        employees_now: 0,
        employees_before: 0,
      },
    ]);
    // The program starts in 2021: E1's 2020 deal and P3's 2020 registration do not make a first year.
    expect(rows(db, 'SELECT * FROM indicator_program_enterprises ORDER BY region')).toEqual([
      { region: '140100', assignee_id: 'E1', first_year: 2021 },
      { region: '140200', assignee_id: 'E2', first_year: 2022 },
    ]);
    expect(rows(db, 'SELECT * FROM indicator_program_patents ORDER BY patent_number')).toEqual([
      { region: '140100', patent_number: 'P1', first_year: 2021 },
      { region: '140100', patent_number: 'P2', first_year: 2021 },
    ]);
  });
});

/** A store with the filings at the version before `version`, migrated: every fact is as it was. */
function migratedKeepingFacts(version: number): Database.Database {
  const db = loadedAt(version - 1);
  const before = allFacts(db);
  migrateTo(db, version);
  expect(allFacts(db)).toEqual(before);
  return db;
}

describe('migrations 11–13 (replaced triggers) on a store with filings', () => {
  it('11 keeps every fact, and a party’s size change still moves its deals out of I1 and its registrations out of I4', () => {
    const db = migratedKeepingFacts(11);
    db.prepare("UPDATE organizations SET size = '大型' WHERE id = 'E1'").run();
    expect(countedDeals(db)).toEqual(['I1 D2', 'I2 D0', 'I2 D1', 'I2 D3', 'I2 D7', 'I2 D8']);
    expect(rows(db, 'SELECT registration_id FROM indicator_registrations')).toEqual([]);
  });

  it('12 keeps every fact; an open flag on a deal leaves it counted, a confirmed one takes it out', () => {
    const db = migratedKeepingFacts(12);
    db.prepare(
      `INSERT INTO anomaly_flags (id, rule_id, region_code, fingerprint, explanation, first_seen_at, last_seen_at, updated_at)
       VALUES ('F3', 'R06', '140100', 'f3', '', '${AT}', '${AT}', '${AT}')`,
    ).run();
    db.prepare(
      "INSERT INTO flag_subjects (flag_id, entity, entity_id, business_no) VALUES ('F3', 'deal', 'D2', 'D2')",
    ).run();
    expect(countedDeals(db)).toContain('I1 D2');
    db.prepare("UPDATE anomaly_flags SET status = '确认异常' WHERE id = 'F3'").run();
    expect(countedDeals(db)).not.toContain('I1 D2');
  });

  it('13 keeps every fact; a deferred writer’s deals join the facts when the deferral ends', () => {
    const db = migratedKeepingFacts(13);
    db.prepare('INSERT INTO indicator_deferral (id) VALUES (1)').run();
    db.prepare(
      `INSERT INTO deals (id, region_code, contract_no, kind, assignor_id, assignee_id, contract_date, recordation_date,
         amount_fen, patent_count, created_at, updated_at)
       VALUES ('D9', '140100', 'D9', '转让', 'U1', 'E2', '2023-05-05', '2023-06-06', ${WAN}, 1, '${AT}', '${AT}')`,
    ).run();
    expect(countedDeals(db)).not.toContain('I1 D9');
    db.prepare('DELETE FROM indicator_deferral').run();
    expect(countedDeals(db)).toEqual(expect.arrayContaining(['I1 D9', 'I2 D9']));
    expect(rows(db, 'SELECT * FROM indicator_dirty_deals')).toEqual([]);
  });
});

describe('migration 20 (province_workbench) on a store with targets', () => {
  it('keeps the targets set before it as the region’s own (本地), editable, and takes no other source', () => {
    const db = loadedAt(18);
    db.prepare(
      `INSERT INTO region_targets (region_code, indicator, year_from, year_to, target, required_growth, updated_at, updated_by) VALUES ('140100', 'I1', 2021, 2023, 120, 0.4, '${AT}', 'admin')`,
    ).run();
    migrateTo(db, 20);
    expect(db.prepare('SELECT region_code, indicator, target, source FROM region_targets').all()).toEqual([
      { region_code: '140100', indicator: 'I1', target: 120, source: '本地' },
    ]);
    expect(() => db.prepare("UPDATE region_targets SET source = '其他'").run()).toThrow(/CHECK/);
  });
});

describe('migration 15 (owners at the province)', () => {
  it('gives each record the province held to the region it names, shared patents and enterprises included', () => {
    const db = loadedAt(14);
    db.prepare(
      `INSERT INTO province_keys (fingerprint, region_code, public_key_pem, enrolled_at) VALUES ('k', '140100', 'pem', '${AT}')`,
    ).run();
    db.prepare(
      `INSERT INTO enterprise_figures (id, organization_id, year, created_at, updated_at) VALUES ('F1', 'E2', 2021, '${AT}', '${AT}')`,
    ).run();
    migrateTo(db, 15);
    const owner = db
      .prepare('SELECT region_code FROM province_record_owners WHERE entity = ? AND record_id = ?')
      .pluck();
    expect(owner.get('deal', 'D0')).toBe('140100');
    expect(owner.get('patent', 'P9')).toBe('140100');
    // Located in 太原's county, in 大同, outside Shanxi: the city of the location, or no owner yet.
    expect([owner.get('organization', 'E1'), owner.get('organization', 'E2'), owner.get('organization', 'X1')]).toEqual(
      ['140100', '140200', undefined],
    );
    expect(owner.get('enterprise_figure', 'F1')).toBe('140200');
  });

  it('leaves a city store without owners', () => {
    const db = loadedAt(14);
    migrateTo(db, 15);
    expect(db.prepare('SELECT count(*) FROM province_record_owners').pluck().get()).toBe(0);
  });
});
