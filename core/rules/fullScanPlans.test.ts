import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../shared/rules/ruleIds';
import type { ReadHandle } from '../store/store';
import { scanRules } from './engine';
import { ruleStore } from './testing/ruleStore';

// The full scan meets its budget at a million deals (DESIGN §7: ≤ 10 s) only if no rule walks the deals through an
// index that is not covering: that fetches every deal row at random instead of reading the table in turn, several
// times slower once the store no longer fits in memory.
let s: ReturnType<typeof ruleStore>;
const statements: string[] = [];
beforeAll(() => {
  s = ruleStore();
  const a = s.fx.org({ name: '山西甲科技有限公司' });
  const b = s.fx.org({ name: '山西乙科技有限公司' });
  s.fx.deal({ assignor: a, assignee: b, patents: [s.fx.patent(), s.fx.patent({ status: '失效' })] });
  // The rules prepare through the handle they are given: this one writes down what they prepare.
  const recording: ReadHandle = {
    pragma: s.db.pragma.bind(s.db),
    prepare: ((sql: string) => {
      statements.push(sql);
      return s.db.prepare(sql);
    }) as ReadHandle['prepare'],
  };
  scanRules(recording, { asOf: '2024-06-30' });
});
afterAll(() => s.close());

/** EXPLAIN QUERY PLAN binds no values; each parameter gets one of the right kind so that the statement prepares. */
function planOf(sql: string): string[] {
  const jsonParams = new Set(['dealIds', 'ruleIds', 'found', 'pairs']);
  const named = Object.fromEntries(
    [...sql.matchAll(/@(\w+)/g)].map(([, name]) => [name!, jsonParams.has(name!) ? '[]' : 0]),
  );
  const positional = (sql.match(/\?/g) ?? []).map(() => '[]');
  const explain = s.db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (Object.keys(named).length ? explain.all(named) : explain.all(...positional)) as { detail: string }[];
  return rows.map((r) => r.detail);
}

describe('the full scan', () => {
  it('runs every rule', () => {
    expect(statements.length).toBeGreaterThanOrEqual(RULE_IDS.length);
  });

  it('never scans the deals through an index that fetches their rows at random', () => {
    for (const sql of statements) {
      const plan = planOf(sql);
      for (const step of plan) expect(step, `${sql}\n${plan.join('\n')}`).not.toMatch(/^SCAN (d|deals) USING INDEX/);
    }
  });
});
