/** Retry policy of DESIGN §4: exponential from 5 s, capped at 5 min, with jitter so that cities do not retry in step. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 5 * 60_000 };

/** Delay before the next attempt after `failures` failed ones (1, 2, …): within [baseMs, maxMs] always. */
export function retryDelayMs(
  failures: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  // "Equal jitter": half the ceiling fixed, half random — never below the base, never above the cap.
  const delay = ceiling / 2 + (ceiling / 2) * random();
  return Math.round(Math.min(policy.maxMs, Math.max(policy.baseMs, delay)));
}
