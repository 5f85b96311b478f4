import { describe, expect, it } from 'vitest';
import { firstDifference, type RegionYearTotal } from './regionYearTotals';

const group = (what: string, region: string, year: string, n: number, amount: number | null): RegionYearTotal => ({
  what,
  region,
  year,
  n,
  amount_fen: amount,
});

describe('comparing the region-year totals of two stores', () => {
  const sqlite = [group('deals', '140100', '2023', 3, 900), group('payments', '140100', '2023', 2, 500)];

  it('finds none in the same groups, whatever order each store returned them in', () => {
    expect(firstDifference(sqlite, [...sqlite].reverse())).toBeNull();
  });

  it('names the group whose count or amount differs, and a group only one side has', () => {
    const changed = group('payments', '140100', '2023', 2, 499);
    expect(firstDifference(sqlite, [sqlite[0]!, changed])).toEqual({ source: sqlite[1], target: changed });
    expect(firstDifference(sqlite, sqlite.slice(0, 1))).toEqual({ source: sqlite[1], target: undefined });
    const extra = group('subsidies', '140200', '2024', 1, 100);
    expect(firstDifference(sqlite, [...sqlite, extra])).toEqual({ source: undefined, target: extra });
  });

  it('tells an amount of nothing (no values to sum) from an amount of zero', () => {
    const none = [group('product_registrations', '140100', '2024', 1, null)];
    expect(firstDifference(none, [group('product_registrations', '140100', '2024', 1, 0)])).not.toBeNull();
  });
});
