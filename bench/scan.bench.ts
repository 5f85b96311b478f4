import { todayIso } from '../shared/domain/dates';
import { scanRules } from '../core/rules/engine';
import { checkDealsAfterWrite } from '../core/rules/incremental';
import { persistFlags } from '../core/rules/persistFlags';
import { createWriter } from '../core/service/context';
import { openStore } from '../core/store/store';
import type { BenchFigure } from './figure';

const BENCH_ACTOR = { id: null, name: 'bench', role: '管理员' as const };
const SAMPLE_DEALS = 25;

/** DESIGN §7: the full anomaly scan (all twelve rules, findings stored) ≤ 10 s at 1,000,000 deals. */
const fullScan: BenchFigure = {
  name: 'rules: full anomaly scan R01–R12, flags stored',
  unit: 's',
  budget: 10,
  async run(ctx) {
    const store = openStore(ctx.freshCopy('scan'), { mustExist: true });
    try {
      const asOf = todayIso();
      const scanAndStore = () => {
        const candidates = scanRules(store.db, { asOf });
        store.transaction((db) =>
          persistFlags(createWriter(db, BENCH_ACTOR, new Date().toISOString()), candidates, { source: '本地' }),
        );
      };
      const value = (await ctx.time(scanAndStore, 3)) / 1000;
      const baseline =
        (await ctx.time(
          () =>
            store.db
              .prepare(
                'SELECT count(*), sum(d.amount_fen), count(dp.patent_number) FROM deals d JOIN deal_patents dp ON dp.deal_id = d.id',
              )
              .get(),
          3,
        )) / 1000;
      return { value, baseline, baselineIs: 'one plain SQL pass over every deal and its patents' };
    } finally {
      store.close();
    }
  },
};

/** DESIGN §7: checking one new deal ≤ 20 ms — the check a save runs inside its transaction (rolled back here). */
const perDealCheck: BenchFigure = {
  name: 'rules: check one saved deal (and the deals it relates to)',
  unit: 'ms',
  budget: 20,
  async run(ctx) {
    const store = openStore(ctx.freshCopy('check'), { mustExist: true });
    try {
      const ids = store.db
        .prepare('SELECT id FROM deals ORDER BY id LIMIT ? OFFSET ?')
        .pluck()
        .all(SAMPLE_DEALS, Math.floor(ctx.deals / 3)) as string[];
      // The price groups' statistics come from the last full scan in a running desk; compute them once here too.
      scanRules(store.db, { asOf: todayIso(), ruleIds: ['R05'] });
      const rollback = new Error('rollback');
      let next = 0;
      const checkOne = () => {
        const id = ids[next++ % ids.length]!;
        try {
          store.transaction((db) => {
            checkDealsAfterWrite(createWriter(db, BENCH_ACTOR, new Date().toISOString()), [id]);
            throw rollback;
          });
        } catch (error) {
          if (error !== rollback) throw error;
        }
      };
      const value = await ctx.time(checkOne, SAMPLE_DEALS);
      const readDeal = store.db.prepare(
        'SELECT d.*, dp.patent_number FROM deals d JOIN deal_patents dp ON dp.deal_id = d.id WHERE d.id = ?',
      );
      const baseline = await ctx.time(() => readDeal.all(ids[next++ % ids.length]), SAMPLE_DEALS);
      return { value, baseline, baselineIs: 'reading that deal and its patents' };
    } finally {
      store.close();
    }
  },
};

export const scanFigures: readonly BenchFigure[] = [fullScan, perDealCheck];
