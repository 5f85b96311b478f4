import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendOutbox } from '../core/outbox/outbox';
import { runSyncPass } from '../core/sync/client';
import { exportBatchFile } from '../core/sync/fileBatch';
import { signingIdentity } from '../core/sync/installationKey';
import { sha256Hex, sign } from '../core/sync/signing';
import { recordDeal, recordManyDeals } from '../core/sync/testing/syncFixtures';
import { postBatch } from '../core/sync/transport';
import { signedFeedbackHeaders } from '../core/sync/feedbackPuller';
import { ENTERPRISE } from '../core/filings/testing/sampleFilings';
import { runCli } from '../tests/testing/runCli';
import { setUpStore } from '../tests/testing/tempStore';
import { openProvinceDb } from '../core/province/store/openProvinceDb';
import {
  countRows,
  PROVINCE_BACKENDS,
  provinceCommand,
  provinceStores,
  type ProvinceBackend,
} from './testing/provinceBackends';
import { provinceRecords, type ProvinceEndpoint } from './testing/testProvince';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function city(region = '140100') {
  const c = await setUpStore(region);
  cleanups.push(c.close);
  return c;
}
const stores = provinceStores();
type City = Awaited<ReturnType<typeof city>>;

const stored = async (p: ProvinceEndpoint) =>
  (await Promise.all(['deals', 'organizations', 'patents', 'province_batches'].map((t) => countRows(p.db, t)))).reduce(
    (a, b) => a + b,
    0,
  );
const sync = (c: City, p: { url: string }) =>
  runSyncPass(c.service.store, {
    endpoint: p.url,
    actor: c.adminActor,
    ignoreSchedule: true,
    backoff: { baseMs: 5, maxMs: 20 },
  });
/** POSTs an envelope as the city's client does, with its batch id as idempotency key. */
const post = (url: string, envelope: string) => {
  const batchId = (JSON.parse((JSON.parse(envelope) as { batch: string }).batch) as { batchId: string }).batchId;
  return postBatch(url, batchId, envelope, 5000);
};
const envelopeOf = async (c: City) => (await exportBatchFile(c.service.store, c.adminActor, new Date()))!.content;

describe.each(PROVINCE_BACKENDS)('the provincial endpoint on %s', (backend: ProvinceBackend) => {
  async function province(maxBatchBytes?: number): Promise<ProvinceEndpoint> {
    const p = await stores.endpoint(backend, { maxBatchBytes });
    cleanups.push(p.close);
    return p;
  }

  describe('refuses what it cannot trust', () => {
    it('answers 401 to a batch altered by one byte and stores nothing', async () => {
      const taiyuan = await city();
      const prov = await province();
      await prov.enroll(taiyuan.service.store, taiyuan.adminActor);
      recordDeal(taiyuan.service.store, taiyuan.adminActor, '140100', { amountFen: 50_000_000 });
      const envelope = await envelopeOf(taiyuan);
      const at = envelope.indexOf('\\"amount_fen\\":50000000');
      const altered = `${envelope.slice(0, at + 15)}6${envelope.slice(at + 16)}`;
      expect(Buffer.byteLength(altered)).toBe(Buffer.byteLength(envelope));

      const outcome = await post(prov.url, altered);

      expect(outcome).toMatchObject({ kind: 'refused', status: 401, refusal: { error: { code: 'BAD_SIGNATURE' } } });
      expect(await stored(prov)).toBe(0);
    });

    it('answers 401 to an installation whose key was never enrolled, and the city shows why', async () => {
      const taiyuan = await city();
      const prov = await province();
      recordDeal(taiyuan.service.store, taiyuan.adminActor, '140100');

      const result = await sync(taiyuan, prov);

      expect(result.settled).toBe(false);
      expect(await stored(prov)).toBe(0);
      const overview = await taiyuan.call('sync.overview', {});
      expect(overview.batches[0]).toMatchObject({
        state: '失败',
        lastError: expect.stringContaining('签名公钥未在省级登记'),
      });
    });

    it('answers a resent batch with the same summary and stores it once; other content under the same id is 409', async () => {
      const taiyuan = await city();
      const prov = await province();
      await prov.enroll(taiyuan.service.store, taiyuan.adminActor);
      recordDeal(taiyuan.service.store, taiyuan.adminActor, '140100');
      const envelope = await envelopeOf(taiyuan);

      const first = await post(prov.url, envelope);
      const again = await post(prov.url, envelope);
      expect(first).toMatchObject({ kind: 'accepted', summary: { accepted: 7, duplicates: 0, rejected: [] } });
      expect(again).toEqual(first);
      expect(await countRows(prov.db, 'province_batches')).toBe(1);

      const parsed = JSON.parse(envelope) as { batch: string; keyFingerprint: string; format: string };
      const body = JSON.parse(parsed.batch) as { records: unknown[]; sha256: string };
      body.records.pop();
      body.sha256 = sha256Hex(JSON.stringify(body.records));
      const other = JSON.stringify(body);
      const identity = await signingIdentity(taiyuan.service.store, taiyuan.adminActor);
      const forged = JSON.stringify({
        ...parsed,
        batch: other,
        signature: sign(identity.privateKeyPem, Buffer.from(other)),
      });
      const conflict = await post(prov.url, forged);
      expect(conflict).toMatchObject({ kind: 'refused', status: 409, refusal: { error: { code: 'BATCH_CONFLICT' } } });
    });

    it('answers 409 with nextSeq to a batch after a gap, and the city catches up by itself when the province lost batches', async () => {
      const taiyuan = await city();
      const before = await province();
      await before.enroll(taiyuan.service.store, taiyuan.adminActor);
      recordManyDeals(taiyuan.service.store, taiyuan.adminActor, '140100', 5);
      expect((await sync(taiyuan, before)).settled).toBe(true);

      // The province is rebuilt from an empty store (restored from an old backup): it knows the key, not the batches.
      const restored = await province();
      await restored.enroll(taiyuan.service.store, taiyuan.adminActor);
      recordManyDeals(taiyuan.service.store, taiyuan.adminActor, '140100', 5, 5);
      const gap = await post(restored.url, await envelopeOf(taiyuan));
      expect(gap).toMatchObject({ kind: 'refused', status: 409, refusal: { error: { code: 'SEQ_GAP' }, nextSeq: 1 } });
      expect(await stored(restored)).toBe(0);

      const result = await sync(taiyuan, restored);

      expect(result.settled).toBe(true);
      expect(await countRows(restored.db, 'deals')).toBe(10);
      expect(restored.logs.filter((l) => l.code === 'SEQ_GAP').length).toBeGreaterThanOrEqual(2);
    });

    it('answers 413 to a batch over the size limit, and the city splits it and gets it through', async () => {
      const taiyuan = await city();
      const prov = await province(40_000);
      await prov.enroll(taiyuan.service.store, taiyuan.adminActor);
      recordManyDeals(taiyuan.service.store, taiyuan.adminActor, '140100', 40);

      const result = await runSyncPass(taiyuan.service.store, {
        endpoint: prov.url,
        actor: taiyuan.adminActor,
        ignoreSchedule: true,
        recordsPerBatch: 10_000,
      });

      expect(result.settled).toBe(true);
      expect(prov.logs.some((l) => l.status === 413)).toBe(true);
      expect(await countRows(prov.db, 'deals')).toBe(40);
    });

    it('rejects a record that breaks the schema in the summary, takes the rest, and the city shows the reason with a link', async () => {
      const taiyuan = await city();
      const prov = await province();
      await prov.enroll(taiyuan.service.store, taiyuan.adminActor);
      const dealId = recordDeal(taiyuan.service.store, taiyuan.adminActor, '140100');
      taiyuan.service.store.transaction((db) => {
        const row = db.prepare('SELECT * FROM deals WHERE id = ?').get(dealId) as Record<string, unknown>;
        appendOutbox(
          db,
          {
            entity: 'deal',
            entityId: dealId,
            version: 2,
            op: 'upsert',
            payload: { ...row, version: 2, amount_fen: -5, patents: [] },
          },
          new Date().toISOString(),
        );
      });

      await sync(taiyuan, prov);

      const overview = await taiyuan.call('sync.overview', {});
      expect(overview.batches[0]!.state).toBe('部分拒收');
      expect(overview.batches[0]!.rejected).toEqual([
        expect.objectContaining({
          entity: 'deal',
          id: dealId,
          version: 2,
          code: 'INVALID_RECORD',
          label: '交易',
          link: `/filings/deals/${dealId}`,
          message: expect.stringContaining('成交金额 不能为负数'),
        }),
      ]);
      expect(await prov.db.get('SELECT version FROM deals WHERE id = ?', [dealId])).toEqual({ version: 1 });
    });
  });

  describe('its health', () => {
    it('reports the database it stores in, and 503 without details once the database is gone', async () => {
      const prov = await province();
      const healthy = await fetch(`${prov.url}/v1/health`);
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toEqual({
        ok: true,
        database: { backend, serverVersion: expect.stringMatching(/^\d+\.\d+/), schemaVersion: expect.any(Number) },
      });

      await prov.db.close();
      const gone = await fetch(`${prov.url}/v1/health`);
      expect(gone.status).toBe(503);
      expect(await gone.json()).toEqual({ ok: false, error: { code: 'DATABASE', message: '省级数据库无法访问' } });
    });
  });

  describe("the province's feedback", () => {
    it('is read only by an enrolled installation that signs its request', async () => {
      const taiyuan = await city();
      const prov = await province();
      const unsigned = await fetch(`${prov.url}/v1/feedback?since=0`);
      expect(unsigned.status).toBe(401);
      const identity = await signingIdentity(taiyuan.service.store, taiyuan.adminActor);
      const headers = signedFeedbackHeaders(identity, '/v1/feedback?since=0', new Date().toISOString());
      expect((await fetch(`${prov.url}/v1/feedback?since=0`, { headers })).status).toBe(401);

      await prov.enroll(taiyuan.service.store, taiyuan.adminActor);
      const signed = await fetch(`${prov.url}/v1/feedback?since=0`, { headers });
      expect(signed.status).toBe(200);
      expect(await signed.json()).toEqual({ items: [], cursor: 0 });
      const replayedElsewhere = await fetch(`${prov.url}/v1/feedback?since=5`, { headers });
      expect(replayedElsewhere.status).toBe(401);
    });
  });

  describe('one enterprise reported by two cities', () => {
    it("is one organization at the province, and both cities' deals point at it", async () => {
      const taiyuan = await city('140100');
      const datong = await city('140200');
      const prov = await province();
      for (const c of [taiyuan, datong]) {
        await prov.enroll(c.service.store, c.adminActor);
        recordDeal(c.service.store, c.adminActor, c === taiyuan ? '140100' : '140200', { assignee: ENTERPRISE });
        expect((await sync(c, prov)).settled).toBe(true);
      }
      const holders = await prov.db.get('SELECT count(*) AS n FROM organizations WHERE uscc = ?', [
        ENTERPRISE.uscc ?? null,
      ]);
      expect(holders).toEqual({ n: 1 });
      const assignees = await prov.db.all(
        'SELECT DISTINCT o.uscc FROM deals d JOIN organizations o ON o.id = d.assignee_id',
      );
      expect(assignees).toEqual([{ uscc: ENTERPRISE.uscc }]);
      expect(await countRows(prov.db, 'deals')).toBe(2);
    });
  });

  describe('the offline file', () => {
    it('leaves the same province store through `province ingest` as over HTTP, with the same answer', async () => {
      const taiyuan = await city();
      const overHttp = await province();
      const viaFileStore = await stores.location(backend);
      recordManyDeals(taiyuan.service.store, taiyuan.adminActor, '140100', 6);
      const keyFile = path.join(taiyuan.dir, 'taiyuan.pem');
      const batchFile = path.join(taiyuan.dir, 'batch.pdbatch');
      taiyuan.service.store.close();
      expect(runCli(['--db', taiyuan.dbPath, 'key', '--out', keyFile]).status).toBe(0);
      expect(runCli(['--db', taiyuan.dbPath, 'export-batch', '--out', batchFile]).status).toBe(0);
      expect(runCli(provinceCommand(viaFileStore, 'enroll', '--region', '140100', '--key', keyFile)).status).toBe(0);
      const viaFile = runCli(provinceCommand(viaFileStore, 'ingest', batchFile));
      expect(viaFile.status).toBe(0);

      const reopened = await setUpStoreAgain(taiyuan.dbPath);
      await overHttp.enroll(reopened.store, taiyuan.adminActor);
      // The city's own client sends the exported batch over HTTP: rebuilt from its frozen rows, byte for byte the file.
      const result = await runSyncPass(reopened.store, {
        endpoint: overHttp.url,
        actor: taiyuan.adminActor,
        ignoreSchedule: true,
      });
      expect(result.settled).toBe(true);
      const summaries = reopened.store.db.prepare('SELECT summary FROM sync_batches').pluck().all() as string[];
      expect(summaries.map((s) => JSON.parse(s) as unknown)).toEqual([JSON.parse(viaFile.stdout)]);
      expect(await overHttp.db.get('SELECT content_sha256 FROM province_batches')).toEqual({
        content_sha256: sha256Hex((JSON.parse(fs.readFileSync(batchFile, 'utf8')) as { batch: string }).batch),
      });

      const fileStore = await openProvinceDb(viaFileStore);
      cleanups.push(() => fileStore.close());
      expect(await provinceRecords(fileStore)).toEqual(await provinceRecords(overHttp.db));
    }, 180_000);
  });
});

async function setUpStoreAgain(dbPath: string) {
  const { createService } = await import('../core/service/createService');
  const service = createService(dbPath);
  cleanups.push(() => service.store.close());
  return service;
}
