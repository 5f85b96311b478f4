import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { auditHead } from '../core/audit/auditLog';
import { deleteLastAuditRows, rewriteAuditRow } from '../core/audit/testing/tamper';
import { envelopeText, freezePending, readBatch } from '../core/sync/batches';
import { runSyncPass } from '../core/sync/client';
import { signingIdentity } from '../core/sync/installationKey';
import { sign } from '../core/sync/signing';
import { recordDeal } from '../core/sync/testing/syncFixtures';
import { runCliAsync } from '../tests/testing/runCli';
import { setUpStore } from '../tests/testing/tempStore';
import { ARRIVAL_ORDER } from './auditAnchors';
import { ingestEnvelope } from './ingest';
import { PROVINCE_BACKENDS, provinceCommand, provinceStores, type ProvinceBackend } from './testing/provinceBackends';
import type { ProvinceEndpoint } from './testing/testProvince';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const stores = provinceStores();

/** 太原 enrolled at a real province. */
async function enrolledCity(backend: ProvinceBackend) {
  const city = await setUpStore('140100');
  cleanups.push(city.close);
  const prov = await stores.endpoint(backend);
  cleanups.push(prov.close);
  await prov.enroll(city.service.store, city.adminActor);
  return { city, prov, store: city.service.store };
}

/** 太原 with two deals reported: the province holds the anchor of that batch. */
async function reportedCity(backend: ProvinceBackend) {
  const { city, prov, store } = await enrolledCity(backend);
  recordDeal(store, city.adminActor, '140100');
  recordDeal(store, city.adminActor, '140100', { contractNo: 'HT-2024-02' });
  const sync = () => runSyncPass(store, { endpoint: prov.url, actor: city.adminActor, ignoreSchedule: true });
  expect((await sync()).settled).toBe(true);
  // The anchor is the head at freezing; the sync pass itself may append rows after it.
  const anchoredRows = store.db.prepare('SELECT max(audit_rows) FROM sync_batches').pluck().get() as number;
  return { city, prov, db: store.db, sync, anchoredRows };
}

/** In the order they arrived. */
const provinceAnchors = (prov: ProvinceEndpoint) =>
  prov.db.all<{
    installation_id: string;
    audit_rows: number;
    audit_hash: string;
    problem: string | null;
  }>(`SELECT installation_id, audit_rows, audit_hash, problem FROM province_audit_anchors ${ARRIVAL_ORDER}`);

const verify = (dbPath: string, ...extra: string[]) => runCliAsync(['--db', dbPath, 'audit', 'verify', ...extra]);

/** Makes the city's own record of each batch's anchor agree with the chain as it is now, as whoever rewrote it would. */
function rewriteLocalAnchors(db: Database.Database): void {
  const hashAt = db.prepare('SELECT hash FROM audit_log ORDER BY seq LIMIT 1 OFFSET ?').pluck();
  for (const b of db.prepare('SELECT id, audit_rows FROM sync_batches').all() as { id: string; audit_rows: number }[]) {
    db.prepare('UPDATE sync_batches SET audit_hash = ? WHERE id = ?').run(hashAt.get(b.audit_rows - 1), b.id);
  }
}

describe.each(PROVINCE_BACKENDS)('the province copy of a city audit chain, on %s', (backend: ProvinceBackend) => {
  it('keeps the anchor each batch carries, per installation, and the city verifies against it', async () => {
    const { city, prov, db, anchoredRows } = await reportedCity(backend);
    const anchoredHash = db
      .prepare('SELECT hash FROM audit_log ORDER BY seq LIMIT 1 OFFSET ?')
      .pluck()
      .get(anchoredRows - 1);
    expect(await provinceAnchors(prov)).toEqual([
      {
        installation_id: (await signingIdentity(city.service.store, city.adminActor)).installationId,
        audit_rows: anchoredRows,
        audit_hash: anchoredHash,
        problem: null,
      },
    ]);
    const checked = await verify(city.dbPath, '--against-province', '--endpoint', prov.url);
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toContain(`第 1 至 ${anchoredRows} 行与省级保存的 1 个锚点一致`);
  });

  it('catches rows rewritten with recomputed hashes before the anchor, even when the city anchor table was rewritten too', async () => {
    const { city, prov, db, anchoredRows } = await reportedCity(backend);
    rewriteAuditRow(db, 2, { actor_name: '他人' });
    // Whoever rewrote the chain also makes the city's own record of the anchor agree with it.
    rewriteLocalAnchors(db);
    const local = await verify(city.dbPath);
    expect(local.status, local.stderr).toBe(0);
    expect(local.stdout).toContain('用 --against-province 与省级保存的锚点核对');

    const checked = await verify(city.dbPath, '--against-province', '--endpoint', prov.url);
    expect(checked.status).not.toBe(0);
    expect(checked.stderr).toContain(`审计日志第 ${anchoredRows} 行与省级保存的锚点`);
    expect(checked.stderr).toContain(`第 1 至 ${anchoredRows} 行中有行被改写或删除`);
  });

  it('flags the next batch of a city whose last five rows were deleted, still takes its records, and tells the city', async () => {
    const { city, prov, db, anchoredRows, sync } = await reportedCity(backend);
    deleteLastAuditRows(db, 5);
    const local = await verify(city.dbPath);
    expect(local.status).not.toBe(0);
    expect(local.stderr).toContain(`审计日志现只有 ${auditHead(db).rows} 行，但本机批次`);
    expect(local.stderr).toContain(`记录的是 ${anchoredRows} 行`);

    // The city's own anchor table is cut back as well; then a new deal goes out with the shorter chain's head.
    db.prepare('DELETE FROM sync_batches').run();
    recordDeal(city.service.store, city.adminActor, '140100', { contractNo: 'HT-2024-03' });
    expect(auditHead(db).rows).toBeLessThan(anchoredRows);
    expect((await sync()).settled).toBe(true);

    expect(await prov.db.get("SELECT count(*) AS n FROM deals WHERE contract_no = 'HT-2024-03'")).toEqual({ n: 1 });
    const flagged = (await provinceAnchors(prov)).at(-1)!;
    expect(flagged.problem).toContain(`审计日志被截断：该安装（`);
    const sentRows = db.prepare('SELECT audit_rows FROM sync_batches').pluck().get() as number;
    expect(flagged.problem).toContain(`此前报送时审计日志已有 ${anchoredRows} 行，本批次报送时只有 ${sentRows} 行`);
    expect(prov.logs).toContainEqual(
      expect.objectContaining({ level: 'warn', event: 'auditAnchor', region: '140100', problem: flagged.problem }),
    );
    const officer = await runCliAsync(provinceCommand(prov.location, 'audit-anchors'));
    expect(officer.status).not.toBe(0);
    expect(officer.stdout).toContain(
      `地区 140100 安装 ${flagged.installation_id}：已收到 2 个锚点，审计日志最多 ${anchoredRows} 行`,
    );
    expect(officer.stdout).toContain(flagged.problem);
    expect(officer.stderr).toContain('有 1 处审计日志锚点前后矛盾');

    // The city goes on working: its chain reaches the anchored row again, but not with the rows the province anchored.
    // (A deal of its own: the flags the province's cross-city feedback files come from the SQLite store only.)
    recordDeal(city.service.store, city.adminActor, '140100', { contractNo: 'HT-2024-04' });
    expect(auditHead(db).rows).toBeGreaterThanOrEqual(anchoredRows);
    const checked = await verify(city.dbPath, '--against-province', '--endpoint', prov.url);
    expect(checked.status).not.toBe(0);
    // The later anchor (taken after the cut) vouches for nothing before it.
    expect(checked.stderr).toContain(`审计日志第 ${anchoredRows} 行与省级保存的锚点`);
    expect(checked.stderr).toContain(`第 1 至 ${anchoredRows} 行中有行被改写或删除`);
    expect(checked.stderr).toContain(`省级在收到批次`);
  });

  it('flags an anchor counting as many rows as one before but with another hash as a rewrite', async () => {
    const { city, prov, db, anchoredRows, sync } = await reportedCity(backend);
    // A new deal, its audit rows removed and an earlier row rewritten: the chain counts as many rows as before.
    recordDeal(city.service.store, city.adminActor, '140100', { contractNo: 'HT-2024-05' });
    deleteLastAuditRows(db, auditHead(db).rows - anchoredRows);
    rewriteAuditRow(db, 3, { detail: '{}' });
    expect((await sync()).settled).toBe(true);
    const last = (await provinceAnchors(prov)).at(-1)!;
    expect(last.problem).toContain(`审计日志被改写：该安装（`);
    expect(last.problem).toContain(`城市端第 ${anchoredRows} 行或其之前的行被改动过`);
  });

  it('takes version-1 batches without an anchor from a city that has not upgraded, but not once the installation has anchored', async () => {
    const { city, prov, store } = await enrolledCity(backend);
    const identity = await signingIdentity(store, city.adminActor);
    // A batch frozen before the upgrade has no anchor: it goes out, byte for byte, as version 1.
    recordDeal(store, city.adminActor, '140100');
    const [legacyId] = store.transaction((db) => freezePending(db, new Date().toISOString()));
    store.db.prepare('UPDATE sync_batches SET audit_rows = NULL, audit_last_seq = NULL, audit_hash = NULL').run();
    const legacy = envelopeText(store.db, readBatch(store.db, legacyId!)!, identity);
    expect(JSON.parse((JSON.parse(legacy) as { batch: string }).batch)).toMatchObject({ schemaVersion: 1 });
    expect(JSON.parse((JSON.parse(legacy) as { batch: string }).batch)).not.toHaveProperty('auditAnchor');
    expect(await ingestEnvelope(prov.db, legacy, new Date().toISOString())).toMatchObject({ status: 200 });
    expect(await provinceAnchors(prov)).toEqual([]);

    recordDeal(store, city.adminActor, '140100', { contractNo: 'HT-2024-06' });
    const [anchoredId] = store.transaction((db) => freezePending(db, new Date().toISOString()));
    const anchored = envelopeText(store.db, readBatch(store.db, anchoredId!)!, identity);
    expect(JSON.parse((JSON.parse(anchored) as { batch: string }).batch)).toMatchObject({
      schemaVersion: 2,
      auditAnchor: { rows: auditHead(store.db).rows },
    });
    // Version 2 without its anchor, signed all the same, is not a batch of this format.
    const unanchored = (JSON.parse(anchored) as { batch: string }).batch.replace(/,"auditAnchor":\{[^}]*\}/, '');
    const resigned = JSON.stringify({
      ...(JSON.parse(anchored) as object),
      signature: sign(identity.privateKeyPem, Buffer.from(unanchored, 'utf8')),
      batch: unanchored,
    });
    expect(await ingestEnvelope(prov.db, resigned, new Date().toISOString())).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('缺少审计日志锚点') } },
    });
    expect(await ingestEnvelope(prov.db, anchored, new Date().toISOString())).toMatchObject({ status: 200 });

    recordDeal(store, city.adminActor, '140100', { contractNo: 'HT-2024-07' });
    const [laterId] = store.transaction((db) => freezePending(db, new Date().toISOString()));
    store.db
      .prepare('UPDATE sync_batches SET audit_rows = NULL, audit_last_seq = NULL, audit_hash = NULL WHERE id = ?')
      .run(laterId);
    const downgraded = envelopeText(store.db, readBatch(store.db, laterId!)!, identity);
    expect(await ingestEnvelope(prov.db, downgraded, new Date().toISOString())).toMatchObject({
      status: 400,
      body: { error: { code: 'ANCHOR_REQUIRED' } },
    });
  });
});
