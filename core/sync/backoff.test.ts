import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, retryDelayMs } from './backoff';

describe('retry backoff', () => {
  it('waits between 5 s and 5 min, whatever the failure count and the jitter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3, max: 10_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (failures, r) => {
          const delay = retryDelayMs(failures, DEFAULT_BACKOFF, () => r);
          expect(delay).toBeGreaterThanOrEqual(5_000);
          expect(delay).toBeLessThanOrEqual(300_000);
        },
      ),
    );
  });

  it('grows with each failure: the least it may wait never shrinks, and reaches half of 5 min', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (failures) => {
        const least = (n: number) => retryDelayMs(n, DEFAULT_BACKOFF, () => 0);
        expect(least(failures + 1)).toBeGreaterThanOrEqual(least(failures));
      }),
    );
    expect(retryDelayMs(1, DEFAULT_BACKOFF, () => 0)).toBe(5_000);
    expect(retryDelayMs(12, DEFAULT_BACKOFF, () => 0)).toBe(150_000);
    expect(retryDelayMs(12, DEFAULT_BACKOFF, () => 0.999_999)).toBe(300_000);
  });

  it('spreads cities out: the same failure count gives different delays for different jitter', () => {
    expect(retryDelayMs(3, DEFAULT_BACKOFF, () => 0.1)).not.toBe(retryDelayMs(3, DEFAULT_BACKOFF, () => 0.9));
  });
});
