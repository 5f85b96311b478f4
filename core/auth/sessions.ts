import { randomBytes } from 'node:crypto';
import { generalSettings } from '../../shared/contract/system';
import type { ProvinceSql } from '../province/store/provinceDb';
import { GENERAL_SETTINGS_KEY, readSettingWithVersion } from '../system/settingsStore';

/** What a session key stands for right now: a user, nobody, or a user whose session just ran out. */
export interface SessionLookup {
  userId: string | null;
  expired: boolean;
}

interface Entry {
  userId: string;
  lastSeenMs: number;
}

/**
 * The signed-in sessions of one running core, in memory only: a restart signs everybody out. A session that has not
 * been used for the idle limit is gone; every call that finds it alive counts as use.
 */
export class SessionTable {
  private readonly entries = new Map<string, Entry>();

  /** A new key chosen here, never by the client, so a key planted before login (session fixation) is worth nothing. */
  issue(userId: string, nowMs: number): string {
    const key = randomBytes(32).toString('base64url');
    this.entries.set(key, { userId, lastSeenMs: nowMs });
    return key;
  }

  /** Binds a key the transport itself chose (the desktop app's per-window key), not one a client sent. */
  bind(key: string, userId: string, nowMs: number): void {
    this.entries.set(key, { userId, lastSeenMs: nowMs });
  }

  lookup(key: string, nowMs: number, idleMs: number): SessionLookup {
    const entry = this.entries.get(key);
    if (!entry) return { userId: null, expired: false };
    if (nowMs - entry.lastSeenMs > idleMs) {
      this.entries.delete(key);
      return { userId: null, expired: true };
    }
    entry.lastSeenMs = nowMs;
    return { userId: entry.userId, expired: false };
  }

  drop(key: string): void {
    this.entries.delete(key);
  }
}

/** The idle limit the administrator set under 设置 → 常规 (30 minutes unless changed). */
export async function idleLimitMs(db: ProvinceSql): Promise<number> {
  return (await readSettingWithVersion(db, GENERAL_SETTINGS_KEY, generalSettings)).value.sessionIdleMinutes * 60_000;
}
