import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder } from '../../core/backup/automatic';
import { createService } from '../../core/service/createService';
import { runCli } from '../testing/runCli';
import { tempDir } from '../testing/tempStore';
import { closedStore, fingerprint, openFailure } from './testing/stores';

// A corrupt or truncated store file: a clear Chinese message that says to restore from a backup and names one,
// and the damaged file is left exactly as it was (never "repaired" into an empty store, never overwritten).

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function folder(): string {
  const { dir, cleanup } = tempDir('desk-damaged-');
  cleanups.push(cleanup);
  return dir;
}

describe('a damaged store file', () => {
  it('corrupt (garbage over its schema page): refused with a message naming the newest backup, file untouched', async () => {
    const dir = folder();
    const dbPath = await closedStore(dir);
    fs.mkdirSync(backupFolder(dir), { recursive: true });
    fs.copyFileSync(dbPath, path.join(backupFolder(dir), 'daily-2026-11-26.db'));
    const bytes = fs.readFileSync(dbPath);
    bytes.fill(0xa5, 100, 4096); // page 1 after the header: the schema table
    fs.writeFileSync(dbPath, bytes);
    const before = fingerprint(dbPath);

    const failure = openFailure(dbPath);
    expect(failure.code).toBe('STORE_CORRUPT');
    expect(failure.message).toContain('数据库文件已损坏');
    expect(failure.message).toContain('没有改动它');
    expect(failure.message).toContain('daily-2026-11-26.db');
    expect(failure.message).toContain(`patent-desk --db "${dbPath}" restore`);
    expect(fingerprint(dbPath)).toBe(before);
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
  });

  it('truncated (a copy cut short): refused, not opened as if it were whole', async () => {
    const dir = folder();
    const dbPath = await closedStore(dir, 20);
    const size = fs.statSync(dbPath).size;
    fs.truncateSync(dbPath, Math.floor(size / 2 / 4096) * 4096);
    const before = fingerprint(dbPath);

    const failure = openFailure(dbPath);
    expect(failure.code).toBe('STORE_CORRUPT');
    expect(failure.message).toMatch(/已损坏或不是本程序的数据库（可能不完整）/);
    expect(failure.message).toContain('备份文件夹');
    expect(fingerprint(dbPath)).toBe(before);
  });

  it('emptied to 0 bytes: refused, never silently turned into a new empty store', async () => {
    const dir = folder();
    const dbPath = await closedStore(dir);
    fs.truncateSync(dbPath, 0);

    expect(openFailure(dbPath).code).toBe('STORE_CORRUPT');
    expect(fs.statSync(dbPath).size).toBe(0);
  });

  it('the restore the message advises brings the store back and keeps the damaged file beside it', async () => {
    const dir = folder();
    const dbPath = await closedStore(dir);
    const backup = path.join(backupFolder(dir), 'daily-2026-11-26.db');
    fs.mkdirSync(backupFolder(dir), { recursive: true });
    fs.copyFileSync(dbPath, backup);
    fs.truncateSync(dbPath, 4096);
    const damaged = fingerprint(dbPath);
    expect(openFailure(dbPath).message).toContain(`patent-desk --db "${dbPath}" restore "${backup}"`);

    const restored = runCli(['--db', dbPath, 'restore', backup]);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    const service = createService(dbPath);
    try {
      expect(service.store.db.prepare('SELECT count(*) FROM deals').pluck().get()).toBe(5);
    } finally {
      service.store.close();
    }
    const kept = fs.readdirSync(dir).find((f) => f.startsWith('desk.db.before-restore-'));
    expect(fingerprint(path.join(dir, kept!))).toBe(damaged);
  });

  it('says so when there is no backup to restore from', async () => {
    const dir = folder();
    const dbPath = await closedStore(dir);
    fs.writeFileSync(dbPath, Buffer.concat([fs.readFileSync(dbPath).subarray(0, 100), Buffer.alloc(4000, 0xff)]));
    expect(openFailure(dbPath).message).toContain('中没有备份，请联系管理员');
  });
});
