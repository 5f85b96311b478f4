/** The province's list of enrolled installations: each key's region, state, sequence, last batch and last contact. */
import type { InstallationView } from '../../../shared/contract/provinceInstallations';
import { regionName } from '../../../shared/domain/regions';
import type { ProvinceSql } from '../store/provinceDb';
import { readableFingerprint } from '../../sync/signing';

export async function listInstallations(db: ProvinceSql): Promise<InstallationView[]> {
  const rows = await db.all<
    Omit<InstallationView, 'readable' | 'regionName' | 'status' | 'retiredAt'> & {
      replacedAt: string | null;
      revokedAt: string | null;
    }
  >(
    `SELECT k.fingerprint, k.region_code AS "regionCode", k.enrolled_at AS "enrolledAt", k.next_seq AS "nextSeq",
       k.replaced_by AS "replacedBy", k.replaced_at AS "replacedAt", k.revoked_at AS "revokedAt",
       k.last_contact_at AS "lastContactAt",
       (SELECT count(*) FROM province_batches b WHERE b.key_fingerprint = k.fingerprint) AS batches,
       (SELECT max(received_at) FROM province_batches b WHERE b.key_fingerprint = k.fingerprint) AS "lastBatchAt"
     FROM province_keys k ORDER BY k.region_code, k.enrolled_at`,
  );
  return rows.map(({ replacedAt, revokedAt, ...r }) => ({
    ...r,
    readable: readableFingerprint(r.fingerprint),
    regionName: regionName(r.regionCode) ?? r.regionCode,
    status: r.replacedBy ? '已替换' : revokedAt ? '已吊销' : '在用',
    retiredAt: replacedAt ?? revokedAt,
  }));
}
