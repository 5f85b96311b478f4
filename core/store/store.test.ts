import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/testing/tempStore';
import { migrate } from './migrate';
import { latestSchemaVersion, migrations } from './migrations/index';
import { openStore } from './store';

let cleanup = () => {};
afterEach(() => cleanup());

function freshPath(): string {
  const t = tempDir();
  cleanup = t.cleanup;
  return path.join(t.dir, 'desk.db');
}

describe('the store', () => {
  it('opens with WAL, synchronous FULL, foreign keys and a busy timeout, at the latest schema', () => {
    const store = openStore(freshPath());
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    store.close();
  });

  it('makes every table STRICT', () => {
    const store = openStore(freshPath());
    const tables = store.db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(15);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT/);
    store.close();
  });

  it('refuses a database written by a newer version and leaves its bytes unchanged', () => {
    const file = freshPath();
    const db = new Database(file);
    db.exec('CREATE TABLE t (x INTEGER)');
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openStore(file)).toThrow(/更新版本/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('gives a Chinese message, not a crash, for a file that is not a database', () => {
    const file = freshPath();
    fs.writeFileSync(file, 'this is not sqlite'.repeat(100));
    const before = fs.readFileSync(file);
    expect(() => openStore(file)).toThrow(/已损坏或不是本程序的数据库/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('runs each migration in its own transaction: a failing one leaves the earlier ones and nothing of itself', () => {
    const db = new Database(freshPath());
    const steps = [
      { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { version: 2, name: 'two', sql: 'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, steps)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('a','b')").all()).toEqual([{ name: 'a' }]);
    db.close();
  });
});

describe.each(migrations)('migration $version ($name)', (migration) => {
  it('applies on top of the one before and sets user_version', () => {
    const db = new Database(freshPath());
    migrate(
      db,
      migrations.filter((m) => m.version < migration.version),
    );
    migrate(
      db,
      migrations.filter((m) => m.version <= migration.version),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(migration.version);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
