import { afterEach, describe, expect, it } from 'vitest';
import { parsePatentNumber } from '../../shared/domain/patentNumber';
import { checkUscc } from '../../shared/domain/uscc';
import { INDUSTRIES } from '../../shared/domain/industries';
import { CITY_REGIONS } from '../../shared/domain/regions';
import { setUpStore } from '../../tests/testing/tempStore';
import { expectedFactTables, storedFactTables } from '../indicators/testing/expectedFacts';
import { seedStore } from './seedStore';

const stores: Awaited<ReturnType<typeof setUpStore>>[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

async function seeded(deals: number, seed: number) {
  const desk = await setUpStore();
  stores.push(desk);
  const summary = seedStore(desk.service.store.db, desk.adminActor, { deals, seed }, new Date('2025-01-01T00:00:00Z'));
  return { desk, db: desk.service.store.db, summary };
}

const dump = (db: Awaited<ReturnType<typeof seeded>>['db']) =>
  [
    'deals',
    'patents',
    'payments',
    'pledges',
    'product_registrations',
    'subsidies',
    'organizations',
    'enterprise_figures',
  ].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());

describe('seedStore', () => {
  it('gives the same store for the same seed and a different one for another seed', async () => {
    const a = await seeded(400, 11);
    const b = await seeded(400, 11);
    const c = await seeded(400, 12);
    expect(dump(a.db)).toEqual(dump(b.db));
    expect(dump(a.db)).not.toEqual(dump(c.db));
  });

  it('writes valid patent numbers and USCCs for every region and industry, no outbox rows and one audit row', async () => {
    const { db, summary } = await seeded(3000, 3);
    expect(summary.deals).toBe(3000);
    expect(summary.payments).toBeGreaterThan(0);
    expect(summary.pledges).toBeGreaterThan(0);
    expect(summary.registrations).toBeGreaterThan(0);
    expect(summary.subsidies).toBeGreaterThan(0);
    expect(summary.enterpriseFigures).toBeGreaterThan(0);
    const numbers = db.prepare('SELECT number, type FROM patents').all() as { number: string; type: string }[];
    for (const p of numbers) {
      const parsed = parsePatentNumber(p.number, { currentYear: 2025 });
      expect(parsed.ok && parsed.normalized).toBe(p.number);
    }
    const usccs = db.prepare('SELECT uscc FROM organizations WHERE uscc IS NOT NULL').pluck().all() as string[];
    for (const uscc of usccs) expect(checkUscc(uscc)).toEqual({ ok: true, normalized: uscc });
    const regions = db.prepare('SELECT DISTINCT region_code FROM deals').pluck().all();
    expect(new Set(regions)).toEqual(new Set(CITY_REGIONS.map((r) => r.code)));
    const industries = db.prepare('SELECT DISTINCT industry FROM deals').pluck().all();
    expect(new Set(industries)).toEqual(new Set(INDUSTRIES));
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'seed'").pluck().get()).toBe(1);
    const overpaid = db
      .prepare(
        'SELECT count(*) FROM deals d WHERE (SELECT sum(amount_fen) FROM payments p WHERE p.deal_id = d.id) > d.amount_fen',
      )
      .pluck()
      .get();
    expect(overpaid).toBe(0);
    // The trigram index was filled by the inserts: a name can be searched.
    const name = db.prepare("SELECT name FROM organizations WHERE kind = '企业' LIMIT 1").pluck().get() as string;
    expect(
      db.prepare('SELECT count(*) FROM organizations_fts WHERE organizations_fts MATCH ?').pluck().get(`"${name}"`),
    ).toBeGreaterThan(0);
  });

  it('leaves indicator facts equal to a from-scratch recomputation, chunk after chunk', async () => {
    const desk = await setUpStore();
    stores.push(desk);
    const db = desk.service.store.db;
    seedStore(db, desk.adminActor, { deals: 1500, seed: 5, chunk: 500 }, new Date('2025-01-01T00:00:00Z'));
    expect(storedFactTables(db)).toEqual(expectedFactTables(db));
  });

  it('refuses a store that already has deals', async () => {
    const { desk } = await seeded(50, 1);
    expect(() => seedStore(desk.service.store.db, desk.adminActor, { deals: 10, seed: 2 })).toThrow('只能写入空库');
  });
});
