/** After this many failures in a row each further attempt must wait, longer each time. */
export const SLOW_AFTER = 5;
/** After this many failures in a row logins are refused for LOCK_MS. */
export const LOCK_AFTER = 20;
export const LOCK_MS = 15 * 60_000;
/** The waits double from 1 s and stop growing at 1 min. */
const MAX_DELAY_MS = 60_000;
/** Failures older than this are forgotten, so a typo now and then never adds up to a lock. */
const FORGET_AFTER_MS = 15 * 60_000;

export type ThrottleScope = 'user' | 'client';

interface Failures {
  count: number;
  lastMs: number;
  lockedUntilMs: number | null;
}

/** Why an attempt is refused before its password is even looked at. */
export type Refusal =
  { scope: ThrottleScope; kind: 'wait'; untilMs: number } | { scope: ThrottleScope; kind: 'locked'; untilMs: number };

/** A change worth an audit row: a name or a client locked out, or its lock run out. */
export interface LockEvent {
  action: 'auth.lock' | 'auth.unlock';
  scope: ThrottleScope;
  key: string;
  untilMs: number;
}

export function delayAfter(count: number): number {
  return count < SLOW_AFTER ? 0 : Math.min(1000 * 2 ** (count - SLOW_AFTER), MAX_DELAY_MS);
}

/**
 * Failed logins counted per user name (whether or not the user exists, so the answers do not tell) and per client
 * (a browser's address, a desktop window), so guessing one password for many names is slowed down as well.
 * In memory: a restart forgets them, as it forgets the sessions.
 */
export class LoginThrottle {
  private readonly tables: Record<ThrottleScope, Map<string, Failures>> = { user: new Map(), client: new Map() };

  /** Lock events that ran out, and the refusal if the attempt may not go ahead now. */
  check(keys: Record<ThrottleScope, string>, nowMs: number): { events: LockEvent[]; refusal: Refusal | null } {
    const events: LockEvent[] = [];
    let refusal: Refusal | null = null;
    for (const scope of ['user', 'client'] as const) {
      const key = keys[scope];
      const f = this.tables[scope].get(key);
      if (!f) continue;
      if (f.lockedUntilMs !== null && nowMs >= f.lockedUntilMs) {
        events.push({ action: 'auth.unlock', scope, key, untilMs: f.lockedUntilMs });
        this.tables[scope].delete(key);
      } else if (f.lockedUntilMs !== null) {
        refusal ??= { scope, kind: 'locked', untilMs: f.lockedUntilMs };
      } else if (nowMs - f.lastMs > FORGET_AFTER_MS) {
        this.tables[scope].delete(key);
      } else if (nowMs < f.lastMs + delayAfter(f.count)) {
        refusal ??= { scope, kind: 'wait', untilMs: f.lastMs + delayAfter(f.count) };
      }
    }
    return { events, refusal };
  }

  /** Counts a wrong password; returns the locks it starts. */
  fail(keys: Record<ThrottleScope, string>, nowMs: number): LockEvent[] {
    const events: LockEvent[] = [];
    for (const scope of ['user', 'client'] as const) {
      const f = this.tables[scope].get(keys[scope]) ?? { count: 0, lastMs: nowMs, lockedUntilMs: null };
      f.count += 1;
      f.lastMs = nowMs;
      if (f.count >= LOCK_AFTER) {
        f.lockedUntilMs = nowMs + LOCK_MS;
        events.push({ action: 'auth.lock', scope, key: keys[scope], untilMs: f.lockedUntilMs });
      }
      this.tables[scope].set(keys[scope], f);
    }
    return events;
  }

  succeed(keys: Record<ThrottleScope, string>): void {
    this.tables.user.delete(keys.user);
    this.tables.client.delete(keys.client);
  }
}
