// The private signing key leaves the store (issue 11, secrets at rest). Until now it sat in installation.private_key_pem,
// so every backup and every copy of the store carried it. `prepare` writes it to the key file beside the store (0600,
// core/sync/keyVault.ts) before the SQL below clears the column, in the same transaction: a failed write leaves the
// key where it was. The column stays (old backups have it; sealing a backup clears it there).
//
// installation_key_history — the public keys this installation signed with before `patent-desk key rotate`.
// province_keys.replaced_by/replaced_at — at the province, `province enroll --replace` retires an installation's key in
//   favour of its new one (the row stays: its batches name it).
//
// This file is frozen once released.
import type Database from 'better-sqlite3';
import { keyFilePath, writeKeyFile } from '../../sync/keyVault';

export const sql = /* sql */ `
UPDATE installation SET private_key_pem = NULL WHERE private_key_pem IS NOT NULL;

CREATE TABLE installation_key_history (
  fingerprint TEXT PRIMARY KEY,
  public_key_pem TEXT NOT NULL,
  retired_at TEXT NOT NULL
) STRICT;

ALTER TABLE province_keys ADD COLUMN replaced_by TEXT;
ALTER TABLE province_keys ADD COLUMN replaced_at TEXT;
`;

export function prepare(db: Database.Database): void {
  const row = db
    .prepare(
      'SELECT id, public_key_pem, private_key_pem FROM installation WHERE private_key_pem IS NOT NULL AND public_key_pem IS NOT NULL LIMIT 1',
    )
    .get() as { id: string; public_key_pem: string; private_key_pem: string } | undefined;
  if (!row) return;
  if (db.memory) throw new Error('an in-memory store cannot hand its private key to a key file');
  const key = { installationId: row.id, publicKeyPem: row.public_key_pem, privateKeyPem: row.private_key_pem };
  writeKeyFile(keyFilePath(db.name), key, 'plain', key.privateKeyPem);
}
