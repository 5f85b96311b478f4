import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { createService } from '../core/service/createService';
import type { Actor } from '../core/service/context';
import { envelopeText, type BatchRow } from '../core/sync/batches';
import { runSyncPass } from '../core/sync/client';
import { signingIdentity } from '../core/sync/installationKey';
import { writeBulkOutbox } from '../core/sync/testing/bulkOutbox';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { enrollKey } from '../core/province/installations/keys';
import { sqliteProvinceDb } from '../core/province/store/sqliteProvinceDb';
import { openProvinceStore } from '../core/province/provinceStore';
import type { BenchFigure } from './figure';

const RECORDS = 100_000;
// Each bulk deal brings a patent, the deal and a payment; the two parties are shared.
const DEALS = Math.ceil((RECORDS - 2) / 3);

/** Sends the same gzip envelopes to a node:http sink that only reads them: the bare cost of the wire. */
async function postToSink(envelopes: string[]): Promise<void> {
  const sink = http.createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => res.end('{}'));
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const { port } = sink.address() as { port: number };
  for (const envelope of envelopes) {
    await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: { 'content-encoding': 'gzip' },
      body: zlib.gzipSync(envelope, { level: 1 }),
    });
  }
  await new Promise((resolve) => sink.close(resolve));
}

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'patent-desk.mjs');

/** `patent-desk province serve` in its own process, as at the province; resolves with its URL. */
async function serveProvince(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, '--db', dbPath, 'province', 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`province serve exited with ${code}`)));
  });
  child.stdout!.resume();
  return { url, child };
}

/** DESIGN §7: 100,000 records from a city to the province on loopback, end to end, in ≤ 15 s. */
export const syncFigure: BenchFigure = {
  name: 'sync: 100,000 records city → province serve on loopback (freeze, sign, send, verify, store, cross-city rules)',
  unit: 's',
  budget: 15,
  async run(ctx) {
    const city = createService(path.join(ctx.tmpDir, 'city.db'));
    const provinceDb = path.join(ctx.tmpDir, 'province.db');
    const setup = await city.call(
      'system.setup',
      { regionCode: '140100', adminUsername: 'bench', adminDisplayName: '基准测试', password: 'bench-pass-1' },
      { sessionKey: 'bench' },
    );
    if (!setup.ok) throw new Error(setup.error.message);
    const actor: Actor = { id: (setup.value as { id: string }).id, name: '基准测试', role: '管理员' };
    ctx.log(`sync: writing ${DEALS} deals with their patents and payments (≈${RECORDS} outbox rows) …`);
    writeBulkOutbox(city.store.db, '140100', DEALS);
    const identity = await signingIdentity(city.store, actor);
    const province = openProvinceStore(provinceDb);
    await enrollKey(
      sqliteProvinceDb(province),
      '140100',
      identity.publicKeyPem,
      { id: null, name: 'bench', role: '管理员' },
      new Date().toISOString(),
    );
    province.close();
    const { url, child } = await serveProvince(provinceDb);
    try {
      const rows = city.store.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
      ctx.log(`sync: sending ${rows} records …`);
      const started = performance.now();
      const result = await runSyncPass(city.store, { endpoint: url, actor, ignoreSchedule: true });
      const value = (performance.now() - started) / 1000;
      const check = new Database(provinceDb, { readonly: true });
      const held = check.prepare('SELECT count(*) FROM deals').pluck().get() as number;
      check.close();
      if (!result.settled || held !== DEALS)
        throw new Error(`sync bench: settled=${result.settled}, province holds ${held} of ${DEALS} deals`);

      const batches = city.store.db.prepare('SELECT * FROM sync_batches ORDER BY seq_from').all() as BatchRow[];
      const baselineStarted = performance.now();
      await postToSink(batches.map((b) => envelopeText(city.store.db, b, identity)));
      const baseline = (performance.now() - baselineStarted) / 1000;
      return {
        value,
        baseline,
        baselineIs: 'the same signed batches rebuilt, gzipped and POSTed to a sink that only reads them',
      };
    } finally {
      child.kill();
      city.store.close();
    }
  },
};
