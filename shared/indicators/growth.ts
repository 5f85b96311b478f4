/**
 * Growth and completion of DOMAIN §7. Undefined (null, shown "—") whenever the base is 0 or missing: never ∞ or NaN.
 */
import { BASE_YEAR } from './ids';

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** v(Y)/v(Y−1) − 1. */
export function yearOnYear(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous <= 0) return null;
  return finiteOrNull(current / previous - 1);
}

/** 年均增幅 = (v(Y)/v(2020))^(1/(Y−2020)) − 1; null for Y ≤ 2020 or a missing or 0 base. */
export function averageGrowth(current: number | null, base: number | null, year: number): number | null {
  const span = year - BASE_YEAR;
  if (current === null || base === null || base <= 0 || span <= 0 || current < 0) return null;
  return finiteOrNull((current / base) ** (1 / span) - 1);
}

/** cumulative ÷ target; null without a (positive) target. */
export function completionRate(cumulative: number | null, target: number | null): number | null {
  if (cumulative === null || target === null || target <= 0) return null;
  return finiteOrNull(cumulative / target);
}

/** A ratio growth Σ(Y)/Σ(Y−1) − 1 of summed figures (I3a, I3b). */
export function sumGrowth(current: number, previous: number): number | null {
  return yearOnYear(current, previous);
}

/** A growth rate meets its requirement (达标) when it is defined and at least the required rate. */
export function meetsRequirement(rate: number | null, required: number | null): boolean | null {
  if (required === null) return null;
  if (rate === null) return false;
  // Rates come from floating division: allow a hair of rounding so that exactly 40 % reads as 40 %.
  return rate >= required - 1e-9;
}
