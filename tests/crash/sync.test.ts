import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { provinceRecordVersions, recordVersions } from '../../province/testing/compareStores';
import { setUpSlowSync } from '../testing/slowSync';
import { healthy, storeHealth } from './testing/consistency';

// Issue 8: kill -9 the city's core in the middle of a sync (`patent-desk sync`, batches on their way to a real
// provincial endpoint on 127.0.0.1). The city store must come back whole — integrity, audit chain, every record in
// the outbox — with its batches consistent with the outbox rows they claim, and the next sync must complete.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Batches whose claimed rows and the outbox disagree, and outbox rows that point at no batch. */
function batchProblems(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    const miscounted = db
      .prepare(
        'SELECT id FROM sync_batches b WHERE record_count <> (SELECT count(*) FROM outbox o WHERE o.batch_id = b.id)',
      )
      .pluck()
      .all() as string[];
    const outOfRange = db
      .prepare(
        'SELECT DISTINCT o.batch_id FROM outbox o JOIN sync_batches b ON b.id = o.batch_id WHERE o.seq NOT BETWEEN b.seq_from AND b.seq_to',
      )
      .pluck()
      .all() as string[];
    const orphans = db
      .prepare(
        'SELECT count(*) FROM outbox o WHERE batch_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_batches b WHERE b.id = o.batch_id)',
      )
      .pluck()
      .get() as number;
    return [
      ...miscounted.map((id) => `batch ${id}: record_count differs`),
      ...outOfRange.map((id) => `batch ${id}: rows outside its seq range`),
      ...(orphans ? [`${orphans} outbox rows in no batch`] : []),
    ];
  } finally {
    db.close();
  }
}

describe('kill -9 in the middle of a sync', () => {
  it('leaves the city store whole and its batches consistent; the next sync completes', async () => {
    const { city, province, killSyncOnceAccepted, syncAgain } = await setUpSlowSync(cleanups, 400);

    // Killed right after the province has taken in the second batch: the city may not have recorded that yet.
    await killSyncOnceAccepted(2);

    expect(storeHealth(city.dbPath)).toEqual(healthy());
    expect(batchProblems(city.dbPath)).toEqual([]);

    expect(await syncAgain()).toBe(0);
    expect(storeHealth(city.dbPath)).toEqual(healthy());
    expect(batchProblems(city.dbPath)).toEqual([]);
    expect(await provinceRecordVersions(province.db)).toEqual(recordVersions(city.service.store.db));
  });
});
