import { createHash, randomBytes } from 'node:crypto';
import { generalSettings } from '../../shared/contract/system';
import type { ProvinceSql } from '../province/store/provinceDb';
import { GENERAL_SETTINGS_KEY, readSettingWithVersion } from '../system/settingsStore';

/** What a session key stands for right now: a user, nobody, or a user whose session just ran out. */
export interface SessionLookup {
  userId: string | null;
  expired: boolean;
}

/**
 * The signed-in sessions. A session that has not been used for the idle limit is gone; every call that finds it alive
 * counts as use. Keys are chosen here, never by the client, so a key planted before login (session fixation) is worth
 * nothing.
 */
export interface Sessions {
  /** A new key for the user. */
  issue(userId: string, nowMs: number): Promise<string>;
  /** Binds a key the transport itself chose (the desktop app's per-window key), not one a client sent. */
  bind(key: string, userId: string, nowMs: number): Promise<void>;
  lookup(key: string, nowMs: number, idleMs: number): Promise<SessionLookup>;
  drop(key: string): Promise<void>;
}

const newKey = () => randomBytes(32).toString('base64url');

interface Entry {
  userId: string;
  lastSeenMs: number;
}

/** The sessions of one running core, in memory only: a restart signs everybody out (a desk, a province file). */
export class SessionTable implements Sessions {
  private readonly entries = new Map<string, Entry>();

  async issue(userId: string, nowMs: number): Promise<string> {
    const key = newKey();
    this.entries.set(key, { userId, lastSeenMs: nowMs });
    return key;
  }

  async bind(key: string, userId: string, nowMs: number): Promise<void> {
    this.entries.set(key, { userId, lastSeenMs: nowMs });
  }

  async lookup(key: string, nowMs: number, idleMs: number): Promise<SessionLookup> {
    const entry = this.entries.get(key);
    if (!entry) return { userId: null, expired: false };
    if (nowMs - entry.lastSeenMs > idleMs) {
      this.entries.delete(key);
      return { userId: null, expired: true };
    }
    entry.lastSeenMs = nowMs;
    return { userId: entry.userId, expired: false };
  }

  async drop(key: string): Promise<void> {
    this.entries.delete(key);
  }
}

/** Sessions nobody used for a day are removed when a new one begins (the idle limit is hours at most). */
const FORGOTTEN_AFTER_MS = 24 * 60 * 60_000;

/**
 * The sessions of the province's workbench on its PostgreSQL database (province migration 10), shared by every
 * `province web` process on that database: an officer sent to another front end by a load balancer stays signed in,
 * and signing out or being deactivated ends the session on all of them. Only a hash of each key is stored, so reading
 * the table does not give anyone a session.
 */
export class DatabaseSessions implements Sessions {
  constructor(private readonly db: ProvinceSql) {}

  async issue(userId: string, nowMs: number): Promise<string> {
    await this.db.run('DELETE FROM workbench_sessions WHERE last_seen_ms < ?', [nowMs - FORGOTTEN_AFTER_MS]);
    const key = newKey();
    await this.bind(key, userId, nowMs);
    return key;
  }

  async bind(key: string, userId: string, nowMs: number): Promise<void> {
    await this.db.run(
      `INSERT INTO workbench_sessions (key_hash, user_id, last_seen_ms) VALUES (?, ?, ?)
       ON CONFLICT (key_hash) DO UPDATE SET user_id = excluded.user_id, last_seen_ms = excluded.last_seen_ms`,
      [hashOf(key), userId, nowMs],
    );
  }

  async lookup(key: string, nowMs: number, idleMs: number): Promise<SessionLookup> {
    const alive = await this.db.get<{ user_id: string }>(
      'UPDATE workbench_sessions SET last_seen_ms = ? WHERE key_hash = ? AND last_seen_ms >= ? RETURNING user_id',
      [nowMs, hashOf(key), nowMs - idleMs],
    );
    if (alive) return { userId: alive.user_id, expired: false };
    const ended = await this.db.run('DELETE FROM workbench_sessions WHERE key_hash = ?', [hashOf(key)]);
    return { userId: null, expired: ended > 0 };
  }

  async drop(key: string): Promise<void> {
    await this.db.run('DELETE FROM workbench_sessions WHERE key_hash = ?', [hashOf(key)]);
  }
}

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/** The idle limit the administrator set under 设置 → 常规 (30 minutes unless changed). */
export async function idleLimitMs(db: ProvinceSql): Promise<number> {
  return (await readSettingWithVersion(db, GENERAL_SETTINGS_KEY, generalSettings)).value.sessionIdleMinutes * 60_000;
}
