import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { newId } from '../store/ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { expectedFactTables, storedFactTables } from './testing/expectedFacts';
import {
  emptyYearFacts,
  readFactsFromScratch,
  readIndustryFactsFromScratch,
  readMonthFactsFromScratch,
  type FactsQuery,
  type IndustryFacts,
  type MonthFacts,
  type RegionFacts,
} from './facts';
import { readFacts, readIndustryFacts, readMonthFacts } from './factTables';
import { withDeferredDealFacts } from './deferredFacts';
import { TWELVE_REGIONS } from './report';
import { countedDealsFromScratch, readCountedDealIds } from './countedDeals';
import { PROGRAM_FIRST_YEAR } from '../../shared/indicators/ids';

// The indicator facts are kept by triggers (migrations 8–10) so that every writer — forms, importer, province
// ingest, voids, flag decisions, a party's changes — keeps them right without knowing; a large writer may defer the
// deals' part to the end of its write (migration 13). Whatever sequence of writes
// happens, the tables must equal a from-scratch recomputation, and the engine must read the same facts as the
// from-scratch queries of facts.ts. Each run writes into a savepoint that is rolled back afterwards.
let desk: Awaited<ReturnType<typeof setUpStore>>;
let db: Database.Database;
beforeAll(async () => {
  desk = await setUpStore('140100');
  db = desk.service.store.db;
});
afterAll(() => desk.close());

const AT = '2024-01-01T00:00:00.000Z';
const SIZES = [null, '微型', '小型', '中型', '大型'] as const;
const STATUSES = ['待审核', '确认异常', '排除', '需补充材料'] as const;
const CITIES = [null, '140100', '140200', '140171', '110100'] as const;
const KINDS = ['高校', '科研院所', '企业', '国有企业'] as const;

const date = fc
  .record({
    y: fc.integer({ min: 2020, max: 2023 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const size = fc.constantFrom(...SIZES);
const pick = fc.nat({ max: 50 });
const amount = fc.integer({ min: 1, max: 5000 });
const figure = fc.option(fc.integer({ min: 0, max: 900 }));

// Deals, payments, flags and figures come more often than the rest, so that later writes have something to change.
const often = <T>(arbitrary: fc.Arbitrary<T>) => ({ arbitrary, weight: 4 });
const write = fc.oneof(
  often(
    fc.record({
      op: fc.constant('deal' as const),
      assignor: pick,
      assignee: pick,
      recorded: fc.option(date),
      amount,
      patents: fc.integer({ min: 1, max: 4 }),
      size,
    }),
  ),
  fc.record({ op: fc.constant('voidDeal' as const), deal: pick }),
  fc.record({
    op: fc.constant('editDeal' as const),
    deal: pick,
    assignee: pick,
    recorded: fc.option(date),
    amount,
    patents: fc.integer({ min: 1, max: 4 }),
    size,
  }),
  fc.record({ op: fc.constant('ingestDeal' as const), deal: pick, recorded: fc.option(date), amount }),
  often(fc.record({ op: fc.constant('payment' as const), deal: pick, paid: date, amount })),
  fc.record({ op: fc.constant('voidPayment' as const), payment: pick }),
  often(fc.record({ op: fc.constant('flag' as const), deal: pick, status: fc.constantFrom(...STATUSES) })),
  fc.record({ op: fc.constant('decide' as const), flag: pick, status: fc.constantFrom(...STATUSES) }),
  fc.record({ op: fc.constant('subject' as const), flag: pick, deal: pick }),
  fc.record({
    op: fc.constant('party' as const),
    org: pick,
    size,
    city: fc.constantFrom(...CITIES),
    kind: fc.constantFrom(...KINDS),
  }),
  often(
    fc.record({
      op: fc.constant('figures' as const),
      org: pick,
      year: fc.integer({ min: 2019, max: 2023 }),
      revenue: figure,
      employees: figure,
    }),
  ),
  fc.record({ op: fc.constant('voidFigures' as const), org: pick, year: fc.integer({ min: 2019, max: 2023 }) }),
  fc.record({
    op: fc.constant('registration' as const),
    org: pick,
    registered: date,
    size,
    patents: fc.subarray([0, 1, 2, 3]),
  }),
  fc.record({ op: fc.constant('editRegistration' as const), registration: pick, registered: date, size }),
  fc.record({ op: fc.constant('voidRegistration' as const), registration: pick }),
  fc.record({ op: fc.constant('pledge' as const), org: pick, registered: date, amount }),
  fc.record({ op: fc.constant('voidPledge' as const), pledge: pick }),
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

/** Ids written so far in this run, picked by index modulo their number. */
function ids(table: string): string[] {
  return db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as string[];
}
const nth = (list: string[], i: number) => (list.length === 0 ? null : list[i % list.length]!);

function apply(w: Write, patents: string[]): void {
  const orgs = ids('organizations');
  const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);
  switch (w.op) {
    case 'deal': {
      const id = newId();
      run(
        `INSERT INTO deals (id, region_code, contract_no, kind, assignor_id, assignee_id, assignee_size, contract_date, recordation_date,
          amount_fen, patent_count, created_at, updated_at) VALUES (?, '140100', ?, '转让', ?, ?, ?, '2019-01-01', ?, ?, ?, ?, ?)`,
        id,
        `HT-${id}`,
        nth(orgs, w.assignor),
        nth(orgs, w.assignee),
        w.size,
        w.recorded,
        w.amount,
        w.patents,
        AT,
        AT,
      );
      return;
    }
    case 'voidDeal':
      run(`UPDATE deals SET voided_at = ?, void_reason = '录入错误' WHERE id = ?`, AT, nth(ids('deals'), w.deal));
      return;
    case 'editDeal':
      run(
        'UPDATE deals SET assignee_id = ?, assignee_size = ?, recordation_date = ?, amount_fen = ?, patent_count = ? WHERE id = ?',
        nth(orgs, w.assignee),
        w.size,
        w.recorded,
        w.amount,
        w.patents,
        nth(ids('deals'), w.deal),
      );
      return;
    case 'ingestDeal': {
      // The province's ingest: a later version of a record arrives as an upsert.
      const id = nth(ids('deals'), w.deal);
      if (!id) return;
      run(
        `INSERT INTO deals (id, region_code, contract_no, kind, assignor_id, assignee_id, contract_date, amount_fen, created_at, updated_at)
          SELECT id, region_code, contract_no, kind, assignor_id, assignee_id, contract_date, amount_fen, created_at, updated_at FROM deals WHERE id = ?
          ON CONFLICT (id) DO UPDATE SET recordation_date = ?, amount_fen = ?, version = version + 1`,
        id,
        w.recorded,
        w.amount,
      );
      return;
    }
    case 'payment': {
      const deal = nth(ids('deals'), w.deal);
      if (deal)
        run(
          'INSERT INTO payments (id, deal_id, paid_date, amount_fen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
          newId(),
          deal,
          w.paid,
          w.amount,
          AT,
          AT,
        );
      return;
    }
    case 'voidPayment':
      run('UPDATE payments SET voided_at = ? WHERE id = ?', AT, nth(ids('payments'), w.payment));
      return;
    case 'flag': {
      const deal = nth(ids('deals'), w.deal);
      if (!deal) return;
      const id = newId();
      run(
        `INSERT INTO anomaly_flags (id, rule_id, region_code, fingerprint, status, explanation, first_seen_at, last_seen_at, updated_at)
          VALUES (?, 'R04', '140100', ?, ?, '测试', ?, ?, ?)`,
        id,
        id,
        w.status,
        AT,
        AT,
        AT,
      );
      run(`INSERT INTO flag_subjects (flag_id, entity, entity_id, business_no) VALUES (?, 'deal', ?, 'HT')`, id, deal);
      return;
    }
    case 'decide':
      run(
        'UPDATE anomaly_flags SET status = ?, updated_at = ? WHERE id = ?',
        w.status,
        AT,
        nth(ids('anomaly_flags'), w.flag),
      );
      return;
    case 'subject': {
      const flag = nth(ids('anomaly_flags'), w.flag);
      const deal = nth(ids('deals'), w.deal);
      if (flag && deal)
        run(
          `INSERT OR IGNORE INTO flag_subjects (flag_id, entity, entity_id, business_no) VALUES (?, 'deal', ?, 'HT')`,
          flag,
          deal,
        );
      return;
    }
    case 'party':
      run(
        'UPDATE organizations SET size = ?, city_code = ?, region_code = ?, kind = ? WHERE id = ?',
        w.size,
        w.city,
        w.city,
        w.kind,
        nth(orgs, w.org),
      );
      return;
    case 'figures': {
      const org = nth(orgs, w.org);
      const live = db
        .prepare('SELECT id FROM enterprise_figures WHERE organization_id = ? AND year = ? AND voided_at IS NULL')
        .pluck()
        .get(org, w.year);
      if (live)
        run('UPDATE enterprise_figures SET revenue_fen = ?, employees = ? WHERE id = ?', w.revenue, w.employees, live);
      else
        run(
          'INSERT INTO enterprise_figures (id, organization_id, year, revenue_fen, employees, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          newId(),
          org,
          w.year,
          w.revenue,
          w.employees,
          AT,
          AT,
        );
      return;
    }
    case 'voidFigures':
      run(
        'UPDATE enterprise_figures SET voided_at = ? WHERE organization_id = ? AND year = ? AND voided_at IS NULL',
        AT,
        nth(orgs, w.org),
        w.year,
      );
      return;
    case 'registration': {
      const id = newId();
      run(
        `INSERT INTO product_registrations (id, region_code, registration_no, enterprise_id, enterprise_size, product_name, registration_date,
          created_at, updated_at) VALUES (?, '140100', ?, ?, ?, '产品', ?, ?, ?)`,
        id,
        `BA-${id}`,
        nth(orgs, w.org),
        w.size,
        w.registered,
        AT,
        AT,
      );
      for (const p of w.patents)
        run('INSERT INTO registration_patents (registration_id, patent_number) VALUES (?, ?)', id, patents[p]);
      return;
    }
    case 'editRegistration':
      run(
        'UPDATE product_registrations SET enterprise_size = ?, registration_date = ? WHERE id = ?',
        w.size,
        w.registered,
        nth(ids('product_registrations'), w.registration),
      );
      return;
    case 'voidRegistration':
      run(
        'UPDATE product_registrations SET voided_at = ? WHERE id = ?',
        AT,
        nth(ids('product_registrations'), w.registration),
      );
      return;
    case 'pledge': {
      const id = newId();
      run(
        `INSERT INTO pledges (id, region_code, registration_no, pledgor_id, pledgee_name, amount_fen, registration_date, created_at, updated_at)
          VALUES (?, '140100', ?, ?, '某银行', ?, ?, ?, ?)`,
        id,
        `ZY-${id}`,
        nth(orgs, w.org),
        w.amount,
        w.registered,
        AT,
        AT,
      );
      return;
    }
    case 'voidPledge':
      run('UPDATE pledges SET voided_at = ? WHERE id = ?', AT, nth(ids('pledges'), w.pledge));
  }
}

/** A few parties of every kind that matters, and patents to name: the start of every run. */
function startingPoint(): string[] {
  const parties: [string, string | null, string | null][] = [
    ['高校', '140100', null],
    ['科研院所', '140200', null],
    ['企业', '140100', '小型'],
    ['企业', '140171', '微型'],
    ['企业', '140100', '大型'],
    ['企业', '110100', '小型'],
    ['企业', null, '中型'],
    ['国有企业', '140200', '中型'],
  ];
  for (const [kind, city, sizeOf] of parties) {
    const id = newId();
    db.prepare(
      `INSERT INTO organizations (id, name, name_norm, kind, region_code, city_code, size, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, `单位${id}`, `单位${id}`, kind, city, city, sizeOf, AT, AT);
  }
  return [0, 1, 2, 3].map((i) => {
    const number = `20211000000${i}.X`;
    db.prepare(`INSERT INTO patents (number, type, title, updated_at) VALUES (?, '发明', '测试专利', ?)`).run(
      number,
      AT,
    );
    return number;
  });
}

function inRollback(body: () => void): void {
  db.exec('SAVEPOINT facts_run');
  try {
    body();
  } finally {
    db.exec('ROLLBACK TO facts_run; RELEASE facts_run');
  }
}

/** Every region and year the way the report reads it: a missing year is a year of zeros. */
function normalized(facts: Map<string, RegionFacts>, query: FactsQuery) {
  return [...facts].map(([region, f]) => ({
    region,
    cumulativeEnterprises: f.cumulativeEnterprises,
    cumulativeRegistrationPatents: f.cumulativeRegistrationPatents,
    years: Array.from(
      { length: query.toYear - query.fromYear + 1 },
      (_, i) => f.years.get(query.fromYear + i) ?? emptyYearFacts(),
    ),
  }));
}

const writes = fc.array(write, { minLength: 1, maxLength: 60, size: 'max' });

describe('the indicator facts kept by the database', () => {
  it('equal a from-scratch recomputation after every write of any sequence of writes, voids, flag decisions and party changes', () => {
    fc.assert(
      fc.property(writes, (sequence) => {
        inRollback(() => {
          const patents = startingPoint();
          for (const w of sequence) {
            apply(w, patents);
            expect(storedFactTables(db), JSON.stringify(w)).toEqual(expectedFactTables(db));
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('equal a from-scratch recomputation at the end of a deferral (a large import), whatever was written inside it', () => {
    fc.assert(
      fc.property(writes, writes, (before, deferred) => {
        inRollback(() => {
          const patents = startingPoint();
          for (const w of before) apply(w, patents);
          withDeferredDealFacts(db, () => {
            for (const w of deferred) apply(w, patents);
          });
          expect(storedFactTables(db)).toEqual(expectedFactTables(db));
          expect(db.prepare('SELECT count(*) FROM indicator_dirty_deals').pluck().get()).toBe(0);
          // After the deferral every write rebuilds at once again.
          for (const w of before) {
            apply(w, patents);
            expect(storedFactTables(db), JSON.stringify(w)).toEqual(expectedFactTables(db));
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('give the engine the same facts as the from-scratch queries, for every region and year', () => {
    fc.assert(
      fc.property(
        writes,
        fc.integer({ min: 2019, max: 2025 }),
        fc.integer({ min: 2019, max: 2025 }),
        (sequence, figuresFrom, cumulativeFrom) => {
          inRollback(() => {
            const patents = startingPoint();
            for (const w of sequence) apply(w, patents);
            // The program period (from 2021) has its own running counts; any other period is counted afresh.
            for (const from of [PROGRAM_FIRST_YEAR, cumulativeFrom]) {
              for (const toYear of [2022, 2025]) {
                const query: FactsQuery = {
                  regions: TWELVE_REGIONS,
                  fromYear: 2018,
                  toYear,
                  cumulativeFrom: from,
                  figuresFrom,
                };
                expect(normalized(readFacts(db, query), query)).toEqual(
                  normalized(readFactsFromScratch(db, query), query),
                );
              }
            }
            // The province's industry map, from the counted deal rows and from scratch.
            const cells = (list: IndustryFacts[]) =>
              list
                .filter((c) => c.patents !== 0 || c.amount !== 0)
                .map((c) => JSON.stringify(c))
                .sort();
            for (const year of [2020, 2021, 2023]) {
              expect(cells(readIndustryFacts(db, year, TWELVE_REGIONS))).toEqual(
                cells(readIndustryFactsFromScratch(db, year, TWELVE_REGIONS)),
              );
              // A chart's drill-down: the counted deals of each family, the province's year and one city's month.
              for (const family of ['I1', 'I2'] as const)
                for (const filter of [
                  { family, regions: TWELVE_REGIONS, from: `${year}-01-01`, to: `${year}-12-31`, limit: 1000 },
                  { family, regions: ['140100'], from: `${year}-03-01`, to: `${year}-03-31`, limit: 3 },
                ]) {
                  const scratch = countedDealsFromScratch('sqlite', filter);
                  expect(readCountedDealIds(db, filter), JSON.stringify(filter)).toEqual({
                    ...(db.prepare(scratch.totals).get(scratch.params) as object),
                    ids: db.prepare(scratch.ids).pluck().all(scratch.params),
                  });
                }
              // 统计图表's months, likewise.
              const months = (list: MonthFacts[]) =>
                list.filter((m) => m.I1 !== 0 || m.I2 !== 0 || m.I5 !== 0 || m.I5a !== 0);
              expect(months(readMonthFacts(db, year, TWELVE_REGIONS))).toEqual(
                months(readMonthFactsFromScratch(db, year, TWELVE_REGIONS)),
              );
            }
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
