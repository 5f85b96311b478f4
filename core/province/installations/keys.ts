/**
 * The province's register of enrolled installation keys (DESIGN §4): enroll, replace, revoke. Shared by the
 * provincial endpoint's CLI (`province enroll`) and the workbench's 安装登记 screen, so both apply the same rules.
 */
import type { Actor } from '../../service/context';
import { DeskError } from '../../service/errors';
import { recordAudit } from '../store/auditTrail';
import type { ProvinceDb } from '../store/provinceDb';
import { keyFingerprint, parsePublicKey, readableFingerprint } from '../../sync/signing';
import { CITY_REGIONS, PROVINCE_CODE } from '../../../shared/domain/regions';

export interface EnrolledKey {
  fingerprint: string;
  regionCode: string;
  publicKeyPem: string;
  nextSeq: number;
}

/** A refused enrollment, replacement or revocation, in words for the officer. */
export class EnrollError extends DeskError {
  constructor(message: string) {
    super('ENROLL_REFUSED', message);
  }
}

const REPORTING = new Set<string>([...CITY_REGIONS.map((r) => r.code), PROVINCE_CODE]);

/**
 * Enrolls one installation's public key for its region, audited as `actor`. Enrolling the same key again is a no-op;
 * a key is never moved, and a retired (replaced or revoked) key never comes back.
 */
export async function enrollKey(
  store: ProvinceDb,
  regionCode: string,
  pem: string,
  actor: Actor,
  at: string,
): Promise<{ fingerprint: string; readable: string; created: boolean }> {
  if (!REPORTING.has(regionCode)) throw new EnrollError(`地区代码 ${regionCode} 不是山西省的地市、综改区或省级代码`);
  const publicKeyPem = parsePublicKey(pem);
  if (!publicKeyPem) throw new EnrollError('公钥文件无法识别：应为 patent-desk key 导出的 Ed25519 公钥（PEM 格式）');
  const fingerprint = keyFingerprint(publicKeyPem);
  const created = await store.transaction(async (db) => {
    const existing = await db.get<{ region_code: string; replaced_by: string | null; revoked_at: string | null }>(
      'SELECT region_code, replaced_by, revoked_at FROM province_keys WHERE fingerprint = ?',
      [fingerprint],
    );
    if (existing?.replaced_by)
      throw new EnrollError('该公钥已被替换停用，不能再次登记；请让地市运行 patent-desk key rotate 生成新密钥');
    if (existing?.revoked_at)
      throw new EnrollError('该公钥已被吊销，不能再次登记；请让地市运行 patent-desk key rotate 生成新密钥后登记新公钥');
    if (existing && existing.region_code !== regionCode) {
      throw new EnrollError(`该公钥已登记在地区 ${existing.region_code}，不能再登记到 ${regionCode}`);
    }
    if (existing) return false;
    // Two officers enrolling the same key at once: the second insert waits for the first and then changes nothing.
    const inserted = await db.run(
      `INSERT INTO province_keys (fingerprint, region_code, public_key_pem, next_seq, enrolled_at) VALUES (?, ?, ?, 1, ?)
       ON CONFLICT (fingerprint) DO NOTHING`,
      [fingerprint, regionCode, publicKeyPem, at],
    );
    if (inserted === 0) return false;
    await recordAudit(db, actor, at, {
      action: 'province.keyEnrolled',
      entity: 'province_key',
      entityId: fingerprint,
      detail: { regionCode },
    });
    return true;
  });
  return { fingerprint, readable: readableFingerprint(fingerprint), created };
}

/**
 * `province enroll --replace`: an installation's new key (after `patent-desk key rotate`, or a store restored on a new
 * machine) takes the place of its enrolled one. The new key continues the old one's sequence, the old key signs
 * nothing from now on, and the replacement is in the province's audit log. Which key is replaced: the one named by
 * `replacing` (its fingerprint), or the region's only live key.
 */
export async function replaceKey(
  store: ProvinceDb,
  regionCode: string,
  pem: string,
  replacing: string | null,
  actor: Actor,
  at: string,
): Promise<{ fingerprint: string; readable: string; replaced: string }> {
  const publicKeyPem = parsePublicKey(pem);
  if (!publicKeyPem) throw new EnrollError('公钥文件无法识别：应为 patent-desk key 导出的 Ed25519 公钥（PEM 格式）');
  const fingerprint = keyFingerprint(publicKeyPem);
  const replaced = await store.transaction(async (db) => {
    if (await db.get('SELECT 1 AS one FROM province_keys WHERE fingerprint = ?', [fingerprint])) {
      throw new EnrollError('这个新公钥此前已登记过，不能用来替换；请让地市运行 patent-desk key rotate 生成新密钥');
    }
    // Locked: a batch of the old key taken meanwhile would advance a sequence the new key no longer continues.
    const live = await db.all<{ fingerprint: string; next_seq: number }>(
      `SELECT fingerprint, next_seq FROM province_keys WHERE region_code = ? AND replaced_by IS NULL AND revoked_at IS NULL${db.forUpdate}`,
      [regionCode],
    );
    const wanted = replacing?.replace(/\s/g, '').toLowerCase();
    const old = wanted ? live.find((k) => k.fingerprint === wanted) : live.length === 1 ? live[0] : undefined;
    if (!old) {
      const known = live.map((k) => readableFingerprint(k.fingerprint)).join('；') || '无';
      throw new EnrollError(
        wanted
          ? `地区 ${regionCode} 没有指纹为 ${replacing} 的在用公钥（在用：${known}）`
          : `地区 ${regionCode} 有 ${live.length} 个在用公钥，请用 --replace 指纹 指明替换哪一个（在用：${known}）`,
      );
    }
    await db.run(
      'INSERT INTO province_keys (fingerprint, region_code, public_key_pem, next_seq, enrolled_at) VALUES (?, ?, ?, ?, ?)',
      [fingerprint, regionCode, publicKeyPem, old.next_seq, at],
    );
    await db.run('UPDATE province_keys SET replaced_by = ?, replaced_at = ? WHERE fingerprint = ?', [
      fingerprint,
      at,
      old.fingerprint,
    ]);
    await recordAudit(db, actor, at, {
      action: 'province.keyReplaced',
      entity: 'province_key',
      entityId: fingerprint,
      detail: { regionCode, previousFingerprint: old.fingerprint },
    });
    return old.fingerprint;
  });
  return { fingerprint, readable: readableFingerprint(fingerprint), replaced: readableFingerprint(replaced) };
}

/**
 * Revokes an installation's key without a successor (a computer lost, stolen or retired): from now on the province
 * refuses its batches and feedback requests. Its batches and records stay. Audited.
 */
export async function revokeKey(
  store: ProvinceDb,
  fingerprint: string,
  reason: string,
  actor: Actor,
  at: string,
): Promise<{ regionCode: string; readable: string }> {
  const wanted = fingerprint.replace(/\s/g, '').toLowerCase();
  return store.transaction(async (db) => {
    const row = await db.get<{ region_code: string; replaced_by: string | null; revoked_at: string | null }>(
      `SELECT region_code, replaced_by, revoked_at FROM province_keys WHERE fingerprint = ?${db.forUpdate}`,
      [wanted],
    );
    if (!row) throw new EnrollError(`没有指纹为 ${fingerprint} 的已登记公钥`);
    if (row.replaced_by || row.revoked_at) throw new EnrollError('该公钥已停用（已被替换或吊销），无需再吊销');
    await db.run('UPDATE province_keys SET revoked_at = ? WHERE fingerprint = ?', [at, wanted]);
    await recordAudit(db, actor, at, {
      action: 'province.keyRevoked',
      entity: 'province_key',
      entityId: wanted,
      detail: { regionCode: row.region_code, reason },
    });
    return { regionCode: row.region_code, readable: readableFingerprint(wanted) };
  });
}
