import Database from 'better-sqlite3';
import { listDeals, type DealFilters } from '../core/filings/queries/listDeals';
import { runPlan } from '../core/store/readPlan';
import type { BenchContext, BenchFigure } from './figure';

// The deal list of DESIGN §7 at the seeded size: what the list screen asks core for (one page of 100 rows with the
// capped count), against a plain full scan of the deals table in the same run.

function withStore<T>(ctx: BenchContext, fn: (db: Database.Database) => Promise<T>): Promise<T> {
  const db = new Database(ctx.dbPath, { readonly: true });
  return fn(db).finally(() => db.close());
}

async function baselineScan(ctx: BenchContext, db: Database.Database): Promise<number> {
  return ctx.time(() => db.prepare('SELECT count(*) FROM deals').pluck().get());
}

function listFigure(
  name: string,
  filters: (db: Database.Database) => DealFilters,
  direction: 'asc' | 'desc' = 'desc',
): BenchFigure {
  return {
    name,
    unit: 'ms',
    budget: 100,
    run: (ctx) =>
      withStore(ctx, async (db) => {
        const query = filters(db);
        const value = await ctx.time(() => runPlan(db, listDeals(query, { limit: 100, direction })));
        return {
          value,
          baseline: await baselineScan(ctx, db),
          baselineIs: 'SELECT count(*) FROM deals (a full scan of the deal table)',
        };
      }),
  };
}

/** A fragment of a real enterprise name in the store: what a caseworker types into the search box. */
function partyFragment(db: Database.Database): string {
  const name = db
    .prepare("SELECT name FROM organizations WHERE kind = '企业' ORDER BY id LIMIT 1 OFFSET 37")
    .pluck()
    .get() as string | undefined;
  return (name ?? '太原').slice(0, 4);
}

export const listsFigures: readonly BenchFigure[] = [
  listFigure('lists: deals, first page (newest recordation first)', () => ({})),
  listFigure('lists: deals sorted by contract amount (largest first)', () => ({ sort: 'amountFen' })),
  listFigure('lists: deals filtered (太原, 2022, licenses, university assignors)', () => ({
    regionCode: '140100',
    year: 2022,
    kind: '许可',
    assignorKind: '高校',
  })),
  listFigure('lists: deals searched by a party name fragment', (db) => ({ search: partyFragment(db) })),
  {
    name: 'lists: deals, page 50 by keyset (scrolled 5,000 rows down)',
    unit: 'ms',
    budget: 100,
    run: (ctx) =>
      withStore(ctx, async (db) => {
        let cursor: string | null = null;
        for (let i = 0; i < 49; i++) cursor = runPlan(db, listDeals({}, { limit: 100, cursor })).nextCursor;
        const value = await ctx.time(() => runPlan(db, listDeals({}, { limit: 100, cursor })));
        return {
          value,
          baseline: await baselineScan(ctx, db),
          baselineIs: 'SELECT count(*) FROM deals (a full scan of the deal table)',
        };
      }),
  },
];
