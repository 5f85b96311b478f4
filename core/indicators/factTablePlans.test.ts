import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { inRegions } from './facts';
import { COUNTED_DEALS_FROM, FACT_TABLE_QUERIES } from './factTables';
import { TWELVE_REGIONS } from './report';

// DESIGN §7 budgets hold at a million deals only if the engine reads a region's few summary rows, or one range of a
// fact table keyed by (region, date), and never walks the filings themselves.
let desk: Awaited<ReturnType<typeof setUpStore>>;
beforeAll(async () => (desk = await setUpStore('140100')));
afterAll(() => desk.close());

const params = {
  fromYear: 2020,
  toYear: 2023,
  cumulativeFrom: 2021,
  figuresFrom: 2023,
  from: '2020-01-01',
  to: '2023-12-31',
  family: 'I1',
};
const queries = {
  ...FACT_TABLE_QUERIES,
  countedDeals: `SELECT f.deal_id ${COUNTED_DEALS_FROM} AND f.recordation_date BETWEEN :from AND :to ORDER BY f.recordation_date DESC, f.deal_id`,
};

describe('the indicator engine', () => {
  for (const [name, sql] of Object.entries(queries)) {
    it(`${name} searches a fact table by region and never touches the filings`, () => {
      for (const regions of [['140100'], TWELVE_REGIONS]) {
        const text = inRegions(sql, regions);
        const used = Object.fromEntries(Object.entries(params).filter(([key]) => text.includes(`:${key}`)));
        const plan = (
          desk.service.store.db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(used) as { detail: string }[]
        ).map((r) => r.detail);
        const reads = plan.filter((step) => /^(SEARCH|SCAN) /.test(step));
        expect(reads.length, plan.join('\n')).toBeGreaterThan(0);
        for (const step of reads)
          expect(step, plan.join('\n')).toMatch(
            /^SEARCH (indicator_\w+|f) USING (PRIMARY KEY|COVERING INDEX \w+) \((family=\? AND )?region=\?/,
          );
      }
    });
  }
});
