import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates';
import { setUpStore, tempDir } from '../../tests/testing/tempStore';
import { verifyAuditChain } from '../audit/auditLog';
import { createService } from '../service/createService';
import { migrate } from '../store/migrate';
import { latestSchemaVersion, migrations } from '../store/migrations/index';
import { backupFolder, runDailyBackup } from './automatic';
import { openStoreWithBackups } from './lifecycle';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function store(startDate = '2026-09-28') {
  let today = startDate;
  const desk = await setUpStore('140100', { now: () => new Date(`${today}T09:00:00`) });
  cleanups.push(desk.close);
  return { ...desk, setToday: (iso: string) => (today = iso), now: () => new Date(`${today}T09:00:00`) };
}

describe('automatic backups', () => {
  it('makes one backup a day and keeps 7 daily + 4 weekly, listed in 设置 as 每日自动', async () => {
    const desk = await store();
    for (let day = 0; day < 60; day++) {
      desk.setToday(addDays('2026-09-28', day));
      await runDailyBackup(desk.service.store, desk.dir, desk.now());
      await runDailyBackup(desk.service.store, desk.dir, desk.now()); // a second check the same day adds nothing
    }
    const { backups } = await desk.call('backup.list', {});
    expect(backups.every((b) => b.kind === '每日自动')).toBe(true);
    expect(backups.map((b) => b.name).sort()).toEqual(
      [
        '2026-10-25',
        '2026-11-01',
        '2026-11-08',
        '2026-11-15',
        '2026-11-20',
        '2026-11-21',
        '2026-11-22',
        '2026-11-23',
        '2026-11-24',
        '2026-11-25',
        '2026-11-26',
      ].map((d) => `太原市-140100-每日-${d}.db`),
    );
  });

  it('a daily backup is a whole, readable store without WAL files', async () => {
    const desk = await store();
    const made = await runDailyBackup(desk.service.store, desk.dir, desk.now());
    const file = path.join(backupFolder(desk.dir), made!.name);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
    copy.close();
    expect(fs.readdirSync(backupFolder(desk.dir)).filter((f) => f.endsWith('-wal') || f.endsWith('.partial'))).toEqual(
      [],
    );
  });

  it('takes a copy of the store as it was before a newer version migrates it', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const dbPath = path.join(dir, 'desk.db');
    const old = new Database(dbPath);
    migrate(old, migrations.slice(0, -1));
    old.prepare("INSERT INTO installation (id, region_code, created_at) VALUES ('inst', '140100', '2026-01-01')").run();
    old.close();

    const upgraded = openStoreWithBackups(dbPath, dir);
    upgraded.close();
    const [before] = fs.readdirSync(backupFolder(dir));
    // The version before the latest migration, not latest − 1: migration numbers may skip one.
    const previousVersion = migrations.at(-2)!.version;
    expect(before).toMatch(
      new RegExp(`^太原市-140100-升级前-v${previousVersion}-v${latestSchemaVersion}-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.db$`),
    );
    const copy = new Database(path.join(backupFolder(dir), before!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(previousVersion);
    expect(copy.prepare('SELECT region_code FROM installation').pluck().get()).toBe('140100');
    copy.close();
  });

  it('an up-to-date store opens without a pre-migration copy', async () => {
    const desk = await store();
    desk.service.store.close();
    openStoreWithBackups(desk.dbPath, desk.dir).close();
    expect(fs.existsSync(backupFolder(desk.dir)) ? fs.readdirSync(backupFolder(desk.dir)) : []).toEqual([]);
  });
});

describe('restore from 设置', () => {
  it('restores the chosen backup at the next start, keeps the replaced store and records who asked', async () => {
    const desk = await store();
    const backup = await desk.call('backup.create', {});
    expect(backup.kind).toBe('手动');
    await desk.call('users.create', {
      username: 'later',
      displayName: '备份后新建',
      role: '录入员',
      password: 'later-pass-1',
    });
    const pending = await desk.call('backup.requestRestore', { name: backup.name });
    expect((await desk.call('backup.list', {})).pendingRestore).toEqual(pending);

    desk.service.store.close();
    const reopened = createService(desk.dbPath);
    try {
      const users = reopened.store.db.prepare('SELECT username FROM users').pluck().all();
      expect(users).toEqual(['admin']);
      const last = reopened.store.db
        .prepare('SELECT action, actor_name AS who, detail FROM audit_log ORDER BY seq DESC LIMIT 1')
        .get() as { action: string; who: string; detail: string };
      expect(last).toMatchObject({ action: 'system.restore', who: '管理员甲' });
      expect(verifyAuditChain(reopened.store.db)).toMatchObject({ ok: true });
      const keptAs = (JSON.parse(last.detail) as { replacedKeptAs: string }).replacedKeptAs;
      const kept = new Database(keptAs, { readonly: true });
      expect(kept.prepare('SELECT username FROM users ORDER BY username').pluck().all()).toEqual(['admin', 'later']);
      kept.close();
      expect(fs.existsSync(path.join(backupFolder(desk.dir), 'restore-pending.json'))).toBe(false);
    } finally {
      reopened.store.close();
    }
  });

  it('refuses a name that is not a listed backup, and a damaged backup, leaving nothing scheduled', async () => {
    const desk = await store();
    await expect(desk.call('backup.requestRestore', { name: '../desk.db' })).rejects.toThrow('找不到备份');
    const backup = await desk.call('backup.create', {});
    const file = path.join(backupFolder(desk.dir), backup.name);
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 4096));
    await expect(desk.call('backup.requestRestore', { name: backup.name })).rejects.toThrow('备份文件已损坏');
    expect((await desk.call('backup.list', {})).pendingRestore).toBeNull();
  });

  it('a scheduled restore can be cancelled', async () => {
    const desk = await store();
    const backup = await desk.call('backup.create', {});
    await desk.call('backup.requestRestore', { name: backup.name });
    await desk.call('backup.cancelRestore', {});
    expect((await desk.call('backup.list', {})).pendingRestore).toBeNull();
  });
});
