import type { EnrolledKey } from '../core/province/installations/keys';
import type { ProvinceSql, ProvinceTx } from '../core/province/store/provinceDb';

/** A key in use: neither replaced nor revoked (a retired key signs nothing any more). */
const IN_USE = 'replaced_by IS NULL AND revoked_at IS NULL';

/** The enrolled key of that fingerprint, while it is in use. */
export async function findKey(db: ProvinceSql, fingerprint: string): Promise<EnrolledKey | null> {
  const row = await db.get<{ fingerprint: string; region_code: string; public_key_pem: string; next_seq: number }>(
    `SELECT fingerprint, region_code, public_key_pem, next_seq FROM province_keys WHERE fingerprint = ? AND ${IN_USE}`,
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

/**
 * The next sequence number of a key still in use, its row locked until the transaction ends (batches of one key are
 * taken one after the other, also by several servers on one PostgreSQL database); null when the key was replaced or
 * revoked since it was found — the replacement holds this row locked while it copies the sequence, and a batch read
 * after it must not advance a sequence the new key no longer continues.
 */
export async function lockedNextSeq(tx: ProvinceTx, fingerprint: string): Promise<number | null> {
  const row = await tx.get<{ next_seq: number }>(
    `SELECT next_seq FROM province_keys WHERE fingerprint = ? AND ${IN_USE}${tx.forUpdate}`,
    [fingerprint],
  );
  return row?.next_seq ?? null;
}
