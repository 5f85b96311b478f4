import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, setUpStore } from '../../tests/testing/tempStore';
import { runCli } from '../../tests/testing/runCli';
import { backupFolder, runDailyBackup } from '../backup/automatic';
import { restoreStore } from '../backup/backup';
import { createService } from '../service/createService';
import { migrate } from '../store/migrate';
import { migrations } from '../store/migrations/index';
import { openStore } from '../store/store';
import { keyFilePath, type KeySealer, fileKeyVault } from './keyVault';
import { signingIdentity } from './installationKey';
import { generateKeyPair, keyFingerprint, readableFingerprint } from './signing';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const POSIX = process.platform !== 'win32';
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

async function city() {
  const c = await setUpStore('140100');
  cleanups.push(c.close);
  return c;
}

describe('secrets at rest', () => {
  it('keeps the store, its -wal/-shm, the key file and every backup 0600, and the folders 0700', async () => {
    const c = await city();
    await c.call('sync.signingKey', {});
    const manual = await c.call('backup.create', {});
    await runDailyBackup(c.service.store, c.dir, new Date('2026-12-05T09:00:00'));
    const cliBackup = path.join(c.dir, 'elsewhere', 'copy.db');
    expect(runCli(['--db', c.dbPath, 'backup', '--out', cliBackup]).status).toBe(0);

    const files = [
      c.dbPath,
      `${c.dbPath}-wal`,
      `${c.dbPath}-shm`,
      keyFilePath(c.dbPath),
      cliBackup,
      ...fs.readdirSync(backupFolder(c.dir)).map((n) => path.join(backupFolder(c.dir), n)),
    ];
    expect(fs.readdirSync(backupFolder(c.dir))).toEqual(
      expect.arrayContaining([manual.name, '太原市-140100-每日-2026-12-05.db']),
    );
    for (const file of files) expect(fs.existsSync(file)).toBe(true);
    if (!POSIX) return;
    for (const file of files) expect([file, modeOf(file).toString(8)]).toEqual([file, '600']);
    expect(modeOf(backupFolder(c.dir)).toString(8)).toBe('700');
  });

  it('makes a new data folder 0700 and tightens the default one left 0755 by an older version', () => {
    const { dir, cleanup } = tempDir('desk-modes-');
    cleanups.push(cleanup);
    const fresh = path.join(dir, 'new', 'folder');
    openStore(path.join(fresh, 'desk.db')).close();
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = path.join(dir, 'config');
    try {
      const old = path.join(dir, 'config', 'patent-desk');
      fs.mkdirSync(old, { recursive: true, mode: 0o755 });
      fs.chmodSync(old, 0o755);
      openStore(path.join(old, 'patent-desk.db')).close();
      if (POSIX) expect([modeOf(fresh), modeOf(old)].map((m) => m.toString(8))).toEqual(['700', '700']);
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    }
  });

  it('moves the private key of a store from before migration 16 into the key file, out of the store and its backups', async () => {
    const { dir, cleanup } = tempDir('desk-v14-');
    cleanups.push(cleanup);
    const dbPath = path.join(dir, 'patent-desk.db');
    const pair = generateKeyPair();
    const old = new Database(dbPath);
    old.pragma('journal_mode = WAL');
    migrate(
      old,
      migrations.filter((m) => m.version < 16),
    );
    old
      .prepare(
        "INSERT INTO installation (id, region_code, created_at, public_key_pem, private_key_pem) VALUES ('inst-1', '140100', '2026-01-01T00:00:00Z', ?, ?)",
      )
      .run(pair.publicKeyPem, pair.privateKeyPem);
    old.close();
    expect(fs.readFileSync(dbPath).includes('PRIVATE KEY')).toBe(true);

    const service = createService(dbPath);
    try {
      expect(service.store.db.prepare('SELECT private_key_pem FROM installation').pluck().get()).toBeNull();
      const keyFile = JSON.parse(fs.readFileSync(path.join(dir, 'patent-desk.key'), 'utf8')) as Record<string, string>;
      expect(keyFile).toEqual({
        installationId: 'inst-1',
        publicKeyPem: pair.publicKeyPem,
        protection: 'plain',
        privateKey: pair.privateKeyPem,
      });
      if (POSIX) expect(modeOf(path.join(dir, 'patent-desk.key')).toString(8)).toBe('600');
      const key = await service.call('sync.signingKey', {}, { actor: { id: null, name: 'test', role: '管理员' } });
      expect(key.ok && (key.value as { fingerprint: string }).fingerprint).toBe(
        readableFingerprint(keyFingerprint(pair.publicKeyPem)),
      );
      service.store.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(fs.readFileSync(dbPath).includes(pair.privateKeyPem.split('\n')[1]!)).toBe(false);
    } finally {
      service.store.close();
    }
    // The copy taken before the migration holds the store as it was, less the private key.
    const versionBefore = migrations.filter((m) => m.version < 16).at(-1)!.version;
    const [before] = fs
      .readdirSync(backupFolder(dir))
      .filter((n) => n.startsWith(`太原市-140100-升级前-v${versionBefore}-`));
    const backup = new Database(path.join(backupFolder(dir), before!), { readonly: true });
    expect(backup.prepare('SELECT public_key_pem, private_key_pem FROM installation').get()).toEqual({
      public_key_pem: pair.publicKeyPem,
      private_key_pem: null,
    });
    backup.close();
  });

  it('a backup restored on another machine refuses to sync and asks for key rotate and re-enrollment', async () => {
    const c = await city();
    await c.call('sync.signingKey', {});
    const backup = path.join(backupFolder(c.dir), (await c.call('backup.create', {})).name);
    expect(fs.readFileSync(backup).includes('PRIVATE KEY')).toBe(false);

    const other = tempDir('desk-other-machine-');
    cleanups.push(other.cleanup);
    const restored = path.join(other.dir, 'patent-desk.db');
    restoreStore(backup, restored);
    const sync = runCli(['--db', restored, 'sync', '--endpoint', 'http://127.0.0.1:9/', '--passes', '1']);
    expect(sync.status).toBe(1);
    expect(sync.stderr).toContain('本机找不到此数据库的签名私钥');
    expect(sync.stderr).toContain('patent-desk key rotate');
    expect(sync.stderr).toContain('province enroll --replace');
    expect(fs.existsSync(keyFilePath(restored))).toBe(false);

    // Nor is the key file of another installation used, nor one whose key pair does not fit.
    const stranger = await city();
    await stranger.call('sync.signingKey', {});
    fs.copyFileSync(keyFilePath(stranger.dbPath), keyFilePath(restored));
    const service = createService(restored);
    try {
      const refused = await service.call('sync.exportBatch', {}, { actor: c.adminActor });
      expect(refused).toMatchObject({ ok: false, error: { code: 'KEY_MISMATCH' } });
      const mine = JSON.parse(fs.readFileSync(keyFilePath(c.dbPath), 'utf8')) as Record<string, string>;
      const foreign = generateKeyPair().privateKeyPem;
      fs.writeFileSync(keyFilePath(restored), JSON.stringify({ ...mine, privateKey: foreign }));
      expect(await service.call('sync.exportBatch', {}, { actor: c.adminActor })).toMatchObject({
        ok: false,
        error: { code: 'KEY_MISMATCH' },
      });
    } finally {
      service.store.close();
    }
  });

  it('keeps the private key sealed in the file when a sealer is given, and the plain vault refuses a sealed file', async () => {
    const c = await city();
    // Stands in for Electron's safeStorage, which cannot run here: the file must not hold the key as it is.
    const reversing: KeySealer = {
      method: 'test-sealer',
      seal: (pem) => Promise.resolve(Buffer.from(pem).reverse().toString('base64')),
      open: (sealed) => Promise.resolve(Buffer.from(sealed, 'base64').reverse().toString()),
    };
    const file = keyFilePath(c.dbPath);
    const plain = await signingIdentity(c.service.store, c.adminActor);
    const sealed = await signingIdentity(c.service.store, c.adminActor, fileKeyVault(file, reversing));
    expect(sealed.privateKeyPem).toBe(plain.privateKeyPem);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('PRIVATE KEY');
    await expect(signingIdentity(c.service.store, c.adminActor)).rejects.toMatchObject({ code: 'KEY_SEALED' });
  });
});
