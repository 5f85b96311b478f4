import { createHash } from 'node:crypto';

const MODULUS = 1n << 256n;

/**
 * An order-independent checksum of a table's rows, fed one row at a time so that a table of any size is checked in
 * flat memory: the sum, modulo 2^256, of each row's sha256. A sum rather than a hash of the sorted rows, because
 * sorting would hold the whole table; a sum rather than XOR, so that two equal rows do not cancel out. The same code
 * runs on the rows of both stores, which come back as the same JS values (integers as numbers, text as strings).
 */
export function tableChecksum(columns: readonly string[]) {
  let sum = 0n;
  let rows = 0;
  return {
    add(row: Record<string, unknown>): void {
      const digest = createHash('sha256')
        .update(JSON.stringify(columns.map((column) => row[column] ?? null)))
        .digest('hex');
      sum = (sum + BigInt(`0x${digest}`)) % MODULUS;
      rows++;
    },
    get rows(): number {
      return rows;
    },
    digest: (): string => sum.toString(16).padStart(64, '0'),
  };
}
