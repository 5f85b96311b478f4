import type { Store } from '../core/store/store';
import { keyFingerprint, parsePublicKey, readableFingerprint } from '../core/sync/signing';
import { CITY_REGIONS, PROVINCE_CODE } from '../shared/domain/regions';

export interface EnrolledKey {
  fingerprint: string;
  regionCode: string;
  publicKeyPem: string;
  nextSeq: number;
}

export class EnrollError extends Error {}

const REPORTING = new Set<string>([...CITY_REGIONS.map((r) => r.code), PROVINCE_CODE]);

/** Enrolls one installation's public key for its region. Enrolling the same key again is a no-op; a key is never moved. */
export function enrollKey(store: Store, regionCode: string, pem: string, at: string): { fingerprint: string; readable: string; created: boolean } {
  if (!REPORTING.has(regionCode)) throw new EnrollError(`地区代码 ${regionCode} 不是山西省的地市、综改区或省级代码`);
  const publicKeyPem = parsePublicKey(pem);
  if (!publicKeyPem) throw new EnrollError('公钥文件无法识别：应为 patent-desk key 导出的 Ed25519 公钥（PEM 格式）');
  const fingerprint = keyFingerprint(publicKeyPem);
  const created = store.transaction((db) => {
    const existing = db.prepare('SELECT region_code FROM province_keys WHERE fingerprint = ?').get(fingerprint) as { region_code: string } | undefined;
    if (existing && existing.region_code !== regionCode) {
      throw new EnrollError(`该公钥已登记在地区 ${existing.region_code}，不能再登记到 ${regionCode}`);
    }
    if (existing) return false;
    db.prepare('INSERT INTO province_keys (fingerprint, region_code, public_key_pem, next_seq, enrolled_at) VALUES (?, ?, ?, 1, ?)').run(fingerprint, regionCode, publicKeyPem, at);
    return true;
  });
  return { fingerprint, readable: readableFingerprint(fingerprint), created };
}

export function findKey(db: Store['db'], fingerprint: string): EnrolledKey | null {
  const row = db.prepare('SELECT fingerprint, region_code, public_key_pem, next_seq FROM province_keys WHERE fingerprint = ?').get(fingerprint) as
    | { fingerprint: string; region_code: string; public_key_pem: string; next_seq: number }
    | undefined;
  return row ? { fingerprint: row.fingerprint, regionCode: row.region_code, publicKeyPem: row.public_key_pem, nextSeq: row.next_seq } : null;
}
