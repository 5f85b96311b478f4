import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { FACT_QUERIES, inRegions } from './facts';

// Fast at a million deals only if every indicator query walks a region's parties and reads their rows from
// indexes alone (DESIGN §7 budgets): no table scan, and every deal, payment, registration and pledge read covered.
let desk: Awaited<ReturnType<typeof setUpStore>>;
beforeAll(async () => (desk = await setUpStore('140100')));
afterAll(() => desk.close());

const params = { from: '2020-01-01', to: '2023-12-31', cumulativeFrom: '2021-01-01', figuresFrom: '2023-01-01' };

describe('the indicator queries', () => {
  for (const [name, sql] of Object.entries(FACT_QUERIES)) {
    it(`${name} reads covering indexes, region first`, () => {
      const text = inRegions(sql, ['140100']);
      const used = Object.fromEntries(Object.entries(params).filter(([key]) => text.includes(`:${key}`)));
      const plan = (desk.service.store.db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(used) as { detail: string }[]).map(
        (r) => r.detail,
      );
      expect(plan.find((step) => /^(SEARCH|SCAN) /.test(step)) ?? '', plan.join('\n')).toMatch(
        /organizations_region_parties/,
      );
      for (const step of plan) {
        expect(step, plan.join('\n')).not.toMatch(/^SCAN (o|d|p|r|deals|payments|pledges|product_registrations)\b/);
        if (/^SEARCH (d|p|r) /.test(step)) expect(step, plan.join('\n')).toMatch(/COVERING INDEX|PRIMARY KEY/);
      }
    });
  }
});
