import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listInstallations } from '../core/province/installations/register';
import type { ProvinceSql } from '../core/province/store/provinceDb';
import type { ReadHandle } from '../core/store/store';
import { runSyncPass } from '../core/sync/client';
import { recordManyDeals } from '../core/sync/testing/syncFixtures';
import { runCli } from '../tests/testing/runCli';
import { setUpStore } from '../tests/testing/tempStore';
import { findKey } from './keys';
import {
  countRows,
  PROVINCE_BACKENDS,
  provinceCommand,
  provinceStores,
  type ProvinceBackend,
} from './testing/provinceBackends';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const stores = provinceStores();

const AUDIT_DETAIL = 'SELECT detail FROM audit_log WHERE action = ?';
const parsed = (row: { detail: string } | undefined) => JSON.parse(row!.detail) as Record<string, unknown>;
const auditDetail = (db: ReadHandle, action: string) =>
  parsed(db.prepare(AUDIT_DETAIL).get(action) as { detail: string } | undefined);
const provinceAuditDetail = async (db: ProvinceSql, action: string) =>
  parsed(await db.get<{ detail: string }>(AUDIT_DETAIL, [action]));

describe.each(PROVINCE_BACKENDS)('a city changes its signing key, the province on %s', (backend: ProvinceBackend) => {
  it('key rotate keeps the old public key, province enroll --replace takes the new one, and sync goes on where it stopped', async () => {
    const city = await setUpStore('140100');
    cleanups.push(city.close);
    const province = await stores.endpoint(backend);
    cleanups.push(province.close);
    await province.enroll(city.service.store, city.adminActor);
    const sync = () =>
      runSyncPass(city.service.store, { endpoint: province.url, actor: city.adminActor, ignoreSchedule: true });
    recordManyDeals(city.service.store, city.adminActor, '140100', 2);
    expect((await sync()).settled).toBe(true);
    const oldFingerprint = auditDetail(city.service.store.db, 'sync.keyCreated').fingerprint as string;

    const newKey = path.join(city.dir, '新公钥.pem');
    const rotate = runCli(['--db', city.dbPath, '--user', '管理员甲', 'key', 'rotate', '--out', newKey]);
    expect(rotate.stderr).toBe('');
    expect(rotate.stdout).toContain('province enroll --replace');
    const rotated = auditDetail(city.service.store.db, 'sync.keyRotated');
    expect(rotated.previousFingerprint).toBe(oldFingerprint);
    expect(city.service.store.db.prepare('SELECT fingerprint FROM installation_key_history').pluck().all()).toEqual([
      oldFingerprint,
    ]);

    // Until the province knows the new key, it refuses what the city signs with it.
    recordManyDeals(city.service.store, city.adminActor, '140100', 2, 2);
    const refused = await sync();
    expect(refused.settled).toBe(false);
    expect(refused.lastError).toContain('省级拒绝了本批次（签名或密钥未通过）');

    const replace = runCli([
      '--user',
      '省级管理员',
      ...provinceCommand(province.location, 'enroll', '--region', '140100', '--key', newKey, '--replace'),
    ]);
    expect(replace.stderr).toBe('');
    expect(replace.status).toBe(0);
    expect(replace.stdout).toContain('已替换登记');
    expect(await provinceAuditDetail(province.db, 'province.keyReplaced')).toEqual({
      regionCode: '140100',
      previousFingerprint: oldFingerprint,
    });
    expect(await findKey(province.db, oldFingerprint)).toBeNull();

    const after = await sync();
    expect(after.settled).toBe(true);
    expect(await countRows(province.db, 'deals')).toBe(4);
    // 安装登记 lists both keys of 太原: the old one replaced (with its batch), the new one in use (with its batch).
    const listed = await listInstallations(province.db);
    expect(listed.map((k) => [k.regionName, k.status, k.batches, k.replacedBy !== null])).toEqual([
      ['太原市', '已替换', 1, true],
      ['太原市', '在用', 1, false],
    ]);
    expect(listed[0]!.fingerprint).toBe(oldFingerprint);
    expect(listed[1]!.lastBatchAt).toEqual(expect.any(String));
  });
});
