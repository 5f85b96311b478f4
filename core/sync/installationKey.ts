import type Database from 'better-sqlite3';
import type { Actor } from '../service/context';
import { createWriter } from '../service/context';
import { DeskError } from '../service/errors';
import type { Store } from '../store/store';
import { generateKeyPair, keyFingerprint, type KeyPair } from './signing';

export interface SigningIdentity extends KeyPair {
  installationId: string;
  regionCode: string;
  fingerprint: string;
}

interface InstallationRow {
  id: string;
  region_code: string;
  public_key_pem: string | null;
  private_key_pem: string | null;
}

function readRow(db: Pick<Database.Database, 'prepare'>): InstallationRow {
  const row = db.prepare('SELECT id, region_code, public_key_pem, private_key_pem FROM installation LIMIT 1').get() as InstallationRow | undefined;
  if (!row) throw new DeskError('NOT_SET_UP', '本机尚未完成初始设置，请先运行 patent-desk init 或在首次启动时设置地区');
  return row;
}

/**
 * The installation's Ed25519 key pair. It is made lazily, the first time anything needs it (the 签名密钥 tab,
 * `patent-desk key`, the first batch), so that stores set up before sync existed get one too; making it is audited.
 */
export function signingIdentity(store: Store, actor: Actor): SigningIdentity {
  let row = readRow(store.db);
  if (!row.public_key_pem || !row.private_key_pem) {
    row = store.transaction((db) => {
      const current = readRow(db);
      if (current.public_key_pem && current.private_key_pem) return current;
      const pair = generateKeyPair();
      db.prepare('UPDATE installation SET public_key_pem = ?, private_key_pem = ? WHERE id = ?').run(pair.publicKeyPem, pair.privateKeyPem, current.id);
      createWriter(db, actor, new Date().toISOString()).record({
        action: 'sync.keyCreated',
        entity: 'installation',
        entityId: current.id,
        detail: { fingerprint: keyFingerprint(pair.publicKeyPem) },
      });
      return { ...current, public_key_pem: pair.publicKeyPem, private_key_pem: pair.privateKeyPem };
    });
  }
  return {
    installationId: row.id,
    regionCode: row.region_code,
    publicKeyPem: row.public_key_pem!,
    privateKeyPem: row.private_key_pem!,
    fingerprint: keyFingerprint(row.public_key_pem!),
  };
}
