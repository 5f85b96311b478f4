import path from 'node:path';
import type { Actor } from '../../core/service/context';
import type { Store } from '../../core/store/store';
import { signingIdentity } from '../../core/sync/installationKey';
import { tempDir } from '../../tests/testing/tempStore';
import { enrollKey } from '../../core/province/installations/keys';
import type { ProvinceDb } from '../../core/province/store/provinceDb';
import { sqliteProvinceDb } from '../../core/province/store/sqliteProvinceDb';
import { SYNC_ENTITIES } from '../../shared/sync/records';
import type { Log } from '../log';
import { startProvinceServer } from '../server';
import { openProvinceStore } from '../../core/province/provinceStore';

/** A real provincial endpoint on 127.0.0.1, on either backend. */
export interface ProvinceEndpoint {
  url: string;
  /** The store as the endpoint reaches it. */
  db: ProvinceDb;
  logs: Record<string, unknown>[];
  /** Enrolls a city's installation key (made on first need) for its region. */
  enroll(city: Store, actor: Actor): Promise<void>;
  close(): Promise<void>;
}

/** The endpoint on a SQLite file, whose store the test may also read directly. */
export interface TestProvince extends ProvinceEndpoint {
  store: Store;
  dbPath: string;
}

export interface EndpointOptions {
  maxBatchBytes?: number;
  requestTimeoutMs?: number;
}

/** Serves `db` on a free port; closing the endpoint closes the store. */
export async function startProvinceEndpoint(db: ProvinceDb, options: EndpointOptions = {}): Promise<ProvinceEndpoint> {
  const logs: Record<string, unknown>[] = [];
  const log: Log = (entry) => logs.push(entry);
  const { app, url } = await startProvinceServer({ store: db, log, ...options });
  return {
    url,
    db,
    logs,
    async enroll(city, actor) {
      const identity = await signingIdentity(city, actor);
      await enrollKey(db, identity.regionCode, identity.publicKeyPem, actor, new Date().toISOString());
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
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
  const db = sqliteProvinceDb(store);
  const endpoint = await startProvinceEndpoint(db, { maxBatchBytes, requestTimeoutMs });
  return {
    ...endpoint,
    store,
    dbPath: file,
    async close() {
      await endpoint.close();
      store.close();
      t?.cleanup();
    },
  };
}

/** Every synced record the province holds, table by table, for comparing stores (of either backend). */
export async function provinceRecords(db: ProvinceDb): Promise<Record<string, unknown[]>> {
  // Every synced table (each entity's, and its patent links), and what the province keeps beside them.
  const tables = [
    ...Object.values(SYNC_ENTITIES).flatMap((m) => (m.patentLink ? [m.table, m.patentLink.table] : [m.table])),
    'province_org_aliases',
    'province_feedback',
  ];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const rows = await db.all<Record<string, unknown>>(`SELECT * FROM ${t}`);
    out[t] = rows
      .map((r) => {
        const { published_at: _p, ...rest } = r;
        return t === 'province_feedback' ? { ...rest, cursor: undefined } : r;
      })
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  out.province_batches = await db.all(
    'SELECT batch_id, key_fingerprint, region_code, seq_from, seq_to, record_count, content_sha256, summary FROM province_batches ORDER BY batch_id',
  );
  return out;
}
