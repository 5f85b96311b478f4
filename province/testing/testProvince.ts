import path from 'node:path';
import type { Actor } from '../../core/service/context';
import type { Store } from '../../core/store/store';
import { signingIdentity } from '../../core/sync/installationKey';
import { tempDir } from '../../tests/testing/tempStore';
import { enrollKey } from '../../core/province/installations/keys';
import type { ProvinceDb } from '../db/provinceDb';
import { sqliteProvinceDb } from '../db/sqliteProvinceDb';
import type { Log } from '../log';
import { startProvinceServer } from '../server';
import { openProvinceStore } from '../store';

export interface TestProvince {
  url: string;
  store: Store;
  /** The same store as the endpoint reaches it. */
  db: ProvinceDb;
  dbPath: string;
  logs: Record<string, unknown>[];
  /** Enrolls a city's installation key (made on first need) for its region. */
  enroll(city: Store, actor: Actor): Promise<void>;
  close(): Promise<void>;
}

/** A real provincial endpoint on 127.0.0.1 over a real SQLite store in a temp folder. */
export async function startTestProvince(
  dbPath?: string,
  maxBatchBytes?: number,
  requestTimeoutMs?: number,
): Promise<TestProvince> {
  const t = dbPath ? null : tempDir('province-');
  const file = dbPath ?? path.join(t!.dir, 'province.db');
  const store = openProvinceStore(file);
  const logs: Record<string, unknown>[] = [];
  const log: Log = (entry) => logs.push(entry);
  const db = sqliteProvinceDb(store);
  const { app, url } = await startProvinceServer({ store: db, log, maxBatchBytes, requestTimeoutMs });
  return {
    url,
    store,
    db,
    dbPath: file,
    logs,
    async enroll(city, actor) {
      const identity = await signingIdentity(city, actor);
      enrollKey(store, identity.regionCode, identity.publicKeyPem, actor, new Date().toISOString());
    },
    async close() {
      await app.close();
      store.close();
      t?.cleanup();
    },
  };
}

/** Every synced record the province holds, table by table, for comparing stores. */
export function provinceRecords(store: Store): Record<string, unknown[]> {
  const tables = [
    'organizations',
    'patents',
    'deals',
    'deal_patents',
    'payments',
    'pledges',
    'pledge_patents',
    'product_registrations',
    'enterprise_figures',
    'subsidies',
    'province_org_aliases',
    'province_feedback',
  ];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const rows = store.db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[];
    out[t] = rows
      .map((r) => {
        const { published_at: _p, ...rest } = r;
        return t === 'province_feedback' ? { ...rest, cursor: undefined } : r;
      })
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  out.province_batches = store.db
    .prepare(
      'SELECT batch_id, key_fingerprint, region_code, seq_from, seq_to, record_count, content_sha256, summary FROM province_batches ORDER BY batch_id',
    )
    .all();
  return out;
}
