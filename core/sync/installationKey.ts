import type Database from 'better-sqlite3';
import type { Actor } from '../service/context';
import { createWriter } from '../service/context';
import { DeskError } from '../service/errors';
import type { Store } from '../store/store';
import { fileKeyVault, keyFilePath, REENROLL, type KeyVault, type StoredKey } from './keyVault';
import { generateKeyPair, isKeyPair, keyFingerprint, type KeyPair } from './signing';

export interface SigningIdentity extends KeyPair {
  installationId: string;
  regionCode: string;
  fingerprint: string;
}

interface InstallationRow {
  id: string;
  region_code: string;
  public_key_pem: string | null;
}

function readRow(db: Pick<Database.Database, 'prepare'>): InstallationRow {
  const row = db.prepare('SELECT id, region_code, public_key_pem FROM installation LIMIT 1').get() as
    InstallationRow | undefined;
  if (!row) throw new DeskError('NOT_SET_UP', '本机尚未完成初始设置，请先运行 patent-desk init 或在首次启动时设置地区');
  return row;
}

/** The key file beside the store, kept as it is: what the CLI and tests use (the desktop app passes its own vault). */
export function defaultKeyVault(store: Store): KeyVault {
  return fileKeyVault(keyFilePath(store.path));
}

// Making or replacing the key writes the key file, then the store; two of them at once in one process (the background
// sync and a click) would each write a different key. They take turns per store.
const turns = new Map<string, Promise<unknown>>();
function oneAtATime<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  const run = (turns.get(store.path) ?? Promise.resolve()).then(fn, fn);
  turns.set(
    store.path,
    run.catch(() => {}),
  );
  return run;
}

function identityOf(row: InstallationRow, key: StoredKey): SigningIdentity {
  return {
    installationId: row.id,
    regionCode: row.region_code,
    publicKeyPem: key.publicKeyPem,
    privateKeyPem: key.privateKeyPem,
    fingerprint: keyFingerprint(key.publicKeyPem),
  };
}

/**
 * The installation's Ed25519 key pair. It is made lazily, the first time anything needs it (the 签名密钥 tab,
 * `patent-desk key`, the first batch), so that stores set up before sync existed get one too; making it is audited.
 * The private key is written to the vault first, then the public key to the store: a crash between leaves a key file
 * of this installation that the next call takes up. Once the store names a public key, only the matching key file is
 * used; a missing or foreign one (a backup restored on another machine) is refused with the way to re-enroll.
 */
export function signingIdentity(
  store: Store,
  actor: Actor,
  vault: KeyVault = defaultKeyVault(store),
): Promise<SigningIdentity> {
  return oneAtATime(store, async () => {
    let row = readRow(store.db);
    if (!row.public_key_pem) {
      const found = await vault.load();
      const usable = found && found.installationId === row.id && isKeyPair(found.publicKeyPem, found.privateKeyPem);
      const key = usable ? found : { installationId: row.id, ...generateKeyPair() };
      if (!usable) await vault.save(key);
      store.transaction((db) => {
        db.prepare('UPDATE installation SET public_key_pem = ? WHERE id = ?').run(key.publicKeyPem, row.id);
        createWriter(db, actor, new Date().toISOString()).record({
          action: 'sync.keyCreated',
          entity: 'installation',
          entityId: row.id,
          detail: { fingerprint: keyFingerprint(key.publicKeyPem) },
        });
      });
      row = readRow(store.db);
    }
    const key = await vault.load();
    if (!key) {
      throw new DeskError(
        'KEY_MISSING',
        `本机找不到此数据库的签名私钥（应在 ${vault.location}）。数据库若是从备份恢复或从另一台电脑复制来的，这是正常的：备份中有意不含私钥。${REENROLL}`,
      );
    }
    if (
      key.installationId !== row.id ||
      key.publicKeyPem !== row.public_key_pem ||
      !isKeyPair(key.publicKeyPem, key.privateKeyPem)
    ) {
      throw new DeskError(
        'KEY_MISMATCH',
        `签名密钥文件 ${vault.location} 与此数据库登记的密钥不符（属于另一台电脑或另一个数据库，或数据库是从备份恢复的）。${REENROLL}`,
      );
    }
    return identityOf(row, key);
  });
}

/**
 * `patent-desk key rotate`: a new key pair for this installation. The old public key is kept in
 * installation_key_history (batches signed with it stay explainable), the change is audited with both fingerprints,
 * and the province must enroll the new key with `province enroll --replace` before the next sync.
 */
export function rotateSigningKey(
  store: Store,
  actor: Actor,
  vault: KeyVault = defaultKeyVault(store),
): Promise<SigningIdentity & { previousFingerprint: string | null }> {
  return oneAtATime(store, async () => {
    const row = readRow(store.db);
    const key = { installationId: row.id, ...generateKeyPair() };
    await vault.save(key);
    const previousFingerprint = row.public_key_pem ? keyFingerprint(row.public_key_pem) : null;
    const at = new Date().toISOString();
    store.transaction((db) => {
      if (row.public_key_pem) {
        db.prepare(
          'INSERT OR IGNORE INTO installation_key_history (fingerprint, public_key_pem, retired_at) VALUES (?, ?, ?)',
        ).run(previousFingerprint, row.public_key_pem, at);
      }
      db.prepare('UPDATE installation SET public_key_pem = ? WHERE id = ?').run(key.publicKeyPem, row.id);
      createWriter(db, actor, at).record({
        action: 'sync.keyRotated',
        entity: 'installation',
        entityId: row.id,
        detail: { fingerprint: keyFingerprint(key.publicKeyPem), previousFingerprint },
      });
    });
    return { ...identityOf({ ...row, public_key_pem: key.publicKeyPem }, key), previousFingerprint };
  });
}
