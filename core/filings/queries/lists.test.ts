import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpStore } from '../../../tests/testing/tempStore';
import { seedStore } from '../../seed/seedStore';
import { listDeals, type DealFilters } from './listDeals';
import { listPledges } from './listPledges';
import { listRegistrations } from './listRegistrations';
import { listSubsidies } from './listSubsidies';
import { listFigures } from './listFigures';
import type { DealRow } from '../../../shared/contract/filings/deals';
import { runPlan, type ReadPlan } from '../../store/readPlan';
import type { Page } from './keyset';

let desk: Awaited<ReturnType<typeof setUpStore>>;
beforeAll(async () => {
  desk = await setUpStore();
  seedStore(desk.service.store.db, desk.adminActor, { deals: 1500, seed: 4 });
});
afterAll(() => desk.close());

const db = () => desk.service.store.db;
const read = <T>(plan: ReadPlan<T>): T => runPlan(db(), plan);

function walk(filters: DealFilters, direction: 'asc' | 'desc', limit = 70): DealRow[] {
  const rows: DealRow[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<DealRow> = read(listDeals(filters, { cursor, limit, direction }));
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

describe('listDeals', () => {
  it('pages through every deal exactly once in recordation order, deals without a recordation date last', () => {
    const rows = walk({ sort: 'recordationDate' }, 'desc');
    expect(rows).toHaveLength(1500);
    expect(new Set(rows.map((r) => r.id)).size).toBe(1500);
    const dated = rows.filter((r) => r.recordationDate !== null);
    expect(rows.slice(dated.length).every((r) => r.recordationDate === null)).toBe(true);
    const dates = dated.map((r) => r.recordationDate as string);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('says on the first page how many deals match in all (共 N 条), filters applied, and not again on later pages', () => {
    const filters: DealFilters = { regionCode: '140100', kind: '许可' };
    const first = read(listDeals(filters, { limit: 10 }));
    expect(first.nextCursor).not.toBeNull();
    expect(first.total).toBe(walk(filters, 'desc', 10).length);
    expect(read(listDeals(filters, { limit: 10, cursor: first.nextCursor })).total).toBeNull();
    expect(read(listDeals({}, { limit: 10 })).total).toBe(1500);
    expect(read(listPledges({}, { limit: 5 })).total).toBe(
      db().prepare('SELECT count(*) FROM pledges WHERE voided_at IS NULL').pluck().get(),
    );
  });

  it('sorts by amount in both directions', () => {
    const asc = walk({ sort: 'amountFen' }, 'asc', 200).map((r) => r.amountFen);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = walk({ sort: 'amountFen' }, 'desc', 200).map((r) => r.amountFen);
    expect(desc).toEqual([...asc].reverse());
  });

  it('filters by region, year, kind, party kind and size', () => {
    const filters: DealFilters = {
      regionCode: '140100',
      year: 2022,
      kind: '许可',
      assignorKind: '高校',
      assigneeSize: '小型',
    };
    const rows = walk(filters, 'desc', 10);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r).toMatchObject({ regionCode: '140100', kind: '许可', assignorKind: '高校', assigneeSize: '小型' });
      expect(r.recordationDate?.slice(0, 4)).toBe('2022');
    }
    expect(read(listDeals(filters, { limit: rows.length + 1 })).nextCursor).toBeNull();
  });

  it('finds deals by a party name fragment (trigram and short), by contract number prefix and by patent number', () => {
    const sample = walk({}, 'desc', 500)[123] as DealRow;
    const fragment = sample.assigneeName.slice(0, 4);
    const byName = walk({ search: fragment }, 'desc', 200);
    expect(byName.map((r) => r.id)).toContain(sample.id);
    expect(byName.every((r) => r.assigneeName.includes(fragment) || r.assignorName.includes(fragment))).toBe(true);
    expect(walk({ search: sample.assigneeName.slice(0, 2) }, 'desc', 500).map((r) => r.id)).toContain(sample.id);
    expect(walk({ search: sample.contractNo }, 'desc').map((r) => r.id)).toEqual([sample.id]);
    const patent = db()
      .prepare('SELECT patent_number FROM deal_patents WHERE deal_id = ?')
      .pluck()
      .get(sample.id) as string;
    expect(walk({ search: patent }, 'desc').map((r) => r.id)).toContain(sample.id);
  });

  it('hides voided deals by default and shows them with the voided filter', () => {
    const first = read(listDeals({}, { limit: 1 })).rows[0] as DealRow;
    db()
      .prepare("UPDATE deals SET voided_at = '2024-01-01T00:00:00Z', void_reason = '测试' WHERE id = ?")
      .run(first.id);
    expect(walk({}, 'desc', 500).map((r) => r.id)).not.toContain(first.id);
    expect(walk({ status: 'voided' }, 'desc').map((r) => r.id)).toEqual([first.id]);
  });
});

describe('the other lists', () => {
  it('list pledges, registrations, figures and subsidies with a year filter', () => {
    for (const page of [
      read(listPledges({ year: 2023 })),
      read(listRegistrations({ year: 2023 })),
      read(listSubsidies({ year: 2023 })),
    ]) {
      expect(page.rows.length).toBeGreaterThan(0);
    }
    const figures = read(listFigures({ year: 2022 }));
    expect(figures.rows.length).toBeGreaterThan(0);
    expect(figures.rows.every((r) => r.year === 2022)).toBe(true);
  });
});
