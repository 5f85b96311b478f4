import { describe, expect, it } from 'vitest';
import { parentsFirst } from './parentsFirst';

const fk = (table: string) => ({ from: `${table}_id`, table, to: 'id' });

describe('the order tables are copied in', () => {
  it('puts every table after the tables it points at, ties alphabetically', () => {
    const keys = new Map([
      ['payments', [fk('deals')]],
      ['deals', [fk('organizations'), fk('organizations')]],
      ['subsidies', [fk('deals'), fk('pledges'), fk('organizations')]],
      ['pledges', [fk('organizations')]],
      ['audit_log', []],
    ]);
    expect(parentsFirst(['subsidies', 'payments', 'pledges', 'deals', 'organizations', 'audit_log'], keys)).toEqual([
      'audit_log',
      'organizations',
      'deals',
      'payments',
      'pledges',
      'subsidies',
    ]);
  });

  it('is not held up by a reference to itself or to a table it does not copy', () => {
    expect(parentsFirst(['b', 'a'], new Map([['a', [fk('a'), fk('elsewhere')]]]))).toEqual(['a', 'b']);
  });

  it('refuses a cycle, which no order can copy', () => {
    expect(() =>
      parentsFirst(
        ['a', 'b'],
        new Map([
          ['a', [fk('b')]],
          ['b', [fk('a')]],
        ]),
      ),
    ).toThrow(/cycle/);
  });
});
