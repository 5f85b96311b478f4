import { describe, expect, it } from 'vitest';
import { tableChecksum } from './tableChecksum';

const COLUMNS = ['id', 'amount_fen', 'voided_at'];
const checksumOf = (rows: Record<string, unknown>[], columns = COLUMNS) => {
  const sum = tableChecksum(columns);
  for (const row of rows) sum.add(row);
  return sum.digest();
};

describe('a table checksum', () => {
  const a = { id: 'a', amount_fen: 100, voided_at: null };
  const b = { id: 'b', amount_fen: 200, voided_at: '2024-01-01' };

  it('does not depend on the order of the rows, nor on the order of keys within a row', () => {
    expect(checksumOf([a, b])).toBe(checksumOf([{ voided_at: '2024-01-01', amount_fen: 200, id: 'b' }, a]));
  });

  it('tells a changed value, a number from its text, a missing row and a row counted twice', () => {
    const base = checksumOf([a, b]);
    expect(checksumOf([a, { ...b, amount_fen: 201 }])).not.toBe(base);
    expect(checksumOf([a, { ...b, amount_fen: '200' }])).not.toBe(base);
    expect(checksumOf([a])).not.toBe(base);
    // A sum, not XOR: two equal rows do not cancel each other out.
    expect(checksumOf([a, b, b, b])).not.toBe(base);
    expect(checksumOf([a, a])).not.toBe(checksumOf([]));
  });

  it('reads only the listed columns, an absent one as null', () => {
    expect(checksumOf([{ ...a, record_year: 2024 }])).toBe(checksumOf([a]));
    expect(checksumOf([{ id: 'a', amount_fen: 100 }])).toBe(checksumOf([a]));
  });
});
