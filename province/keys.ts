import type { EnrolledKey } from '../core/province/installations/keys';
import type { ProvinceSql } from '../core/province/store/provinceDb';

/** The enrolled key of that fingerprint, while it is in use (a replaced or revoked key signs nothing any more). */
export async function findKey(db: ProvinceSql, fingerprint: string): Promise<EnrolledKey | null> {
  const row = await db.get<{ fingerprint: string; region_code: string; public_key_pem: string; next_seq: number }>(
    'SELECT fingerprint, region_code, public_key_pem, next_seq FROM province_keys WHERE fingerprint = ? AND replaced_by IS NULL AND revoked_at IS NULL',
    [fingerprint],
  );
  return row
    ? {
        fingerprint: row.fingerprint,
        regionCode: row.region_code,
        publicKeyPem: row.public_key_pem,
        nextSeq: row.next_seq,
      }
    : null;
}

/** When an installation last reached the province (the officer's list of installations shows it). */
export async function noteContact(db: ProvinceSql, fingerprint: string, at: string): Promise<void> {
  await db.run('UPDATE province_keys SET last_contact_at = ? WHERE fingerprint = ?', [at, fingerprint]);
}
