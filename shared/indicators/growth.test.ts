import { describe, expect, it } from 'vitest';
import { averageGrowth, completionRate, meetsRequirement, yearOnYear } from './growth';

describe('growth of DOMAIN §7', () => {
  it('computes year-on-year growth as v(Y)/v(Y−1) − 1', () => {
    expect(yearOnYear(140, 100)).toBeCloseTo(0.4, 12);
    expect(yearOnYear(50, 100)).toBeCloseTo(-0.5, 12);
  });

  it('computes 年均增幅 as (v(Y)/v(2020))^(1/(Y−2020)) − 1', () => {
    expect(averageGrowth(196, 100, 2022)).toBeCloseTo(0.4, 12);
    expect(averageGrowth(150, 100, 2021)).toBeCloseTo(0.5, 12);
  });

  it('is undefined (null, never ∞ or NaN) when the base is 0 or missing', () => {
    expect(yearOnYear(5, 0)).toBeNull();
    expect(yearOnYear(0, 0)).toBeNull();
    expect(yearOnYear(5, null)).toBeNull();
    expect(averageGrowth(5, 0, 2022)).toBeNull();
    expect(averageGrowth(5, 3, 2020)).toBeNull();
  });

  it('gives completion only against a positive target', () => {
    expect(completionRate(495, 990)).toBe(0.5);
    expect(completionRate(5, null)).toBeNull();
    expect(completionRate(5, 0)).toBeNull();
  });

  it('calls a rate 达标 when it reaches the requirement, 未达标 when it is undefined or below', () => {
    expect(meetsRequirement(averageGrowth(196, 100, 2022), 0.4)).toBe(true);
    expect(meetsRequirement(0.39, 0.4)).toBe(false);
    expect(meetsRequirement(null, 0.4)).toBe(false);
    expect(meetsRequirement(0.5, null)).toBeNull();
  });
});
