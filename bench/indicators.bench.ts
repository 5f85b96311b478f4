import type Database from 'better-sqlite3';
import { computeReport } from '../core/indicators/report';
import { openStore } from '../core/store/store';
import type { BenchContext, BenchFigure } from './figure';

// DESIGN §7: all indicators for one region-year ≤ 50 ms and for the whole province ≤ 500 ms at 1,000,000 deals,
// each beside the plainest look at the same rows in the same run (counting the year's deals, no joins).

function latestYear(db: Database.Database): number {
  const year = db.prepare('SELECT max(record_year) FROM deals WHERE voided_at IS NULL').pluck().get() as number | null;
  return year ?? 2023;
}

function indicatorFigure(name: string, region: string, budget: number): BenchFigure {
  return {
    name,
    unit: 'ms',
    budget,
    async run(ctx: BenchContext) {
      // Through openStore, so that a store seeded before the indicator indexes gets them first (migrations).
      const store = openStore(ctx.dbPath, { mustExist: true });
      const db = store.db;
      try {
        const year = latestYear(db);
        ctx.log(`${name}: ${region}, ${year}`);
        const value = await ctx.time(() => computeReport(db, region, year), 3);
        const baseline = await ctx.time(
          () =>
            db
              .prepare('SELECT count(*), sum(patent_count) FROM deals WHERE recordation_date BETWEEN ? AND ?')
              .get(`${year}-01-01`, `${year}-12-31`),
          3,
        );
        return {
          value,
          baseline,
          baselineIs: "count and patents of the year's deals by recordation date (no parties, no exclusions)",
        };
      } finally {
        store.close();
      }
    },
  };
}

export const indicatorsFigures: readonly BenchFigure[] = [
  indicatorFigure('indicators: one region-year (太原, I1–I5a with cumulative and growth)', '140100', 50),
  indicatorFigure('indicators: whole province (sum of the twelve regions)', '140000', 500),
];
