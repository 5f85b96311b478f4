import { afterEach, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { envelopeText, freezePending, readBatch, type BatchRow } from './batches';
import { signingIdentity } from './installationKey';
import { bulkDeal, recordDeal, recordManyDeals } from './testing/syncFixtures';

let close = () => {};
afterEach(() => close());

async function city() {
  const c = await setUpStore('140100');
  close = c.close;
  return c;
}

describe('freezing the outbox into batches', () => {
  it('tiles the seq line with batches of at most the given size, with no hole between them', async () => {
    const c = await city();
    recordManyDeals(c.service.store, c.adminActor, '140100', 10);
    const ids = c.service.store.transaction((db) => freezePending(db, new Date().toISOString(), 7));
    const batches = ids.map((id) => readBatch(c.service.store.db, id)!);
    const outbox = c.service.store.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;

    expect(batches.map((b) => b.record_count).reduce((a, b) => a + b)).toBe(outbox);
    expect(Math.max(...batches.map((b) => b.record_count))).toBeLessThanOrEqual(7);
    expect(batches[0]!.seq_from).toBe(1);
    batches.slice(1).forEach((b, i) => expect(b.seq_from).toBe(batches[i]!.seq_to + 1));
    expect(batches.every((b) => b.state === '待发送')).toBe(true);
  });

  it('never changes a frozen batch: an edit is a new version in the outbox, and the batch rebuilds byte for byte', async () => {
    const c = await city();
    const store = c.service.store;
    recordDeal(store, c.adminActor, '140100', bulkDeal('140100', 1));
    const [id] = store.transaction((db) => freezePending(db, new Date().toISOString()));
    const identity = await signingIdentity(store, c.adminActor);
    const before = envelopeText(store.db, readBatch(store.db, id!)!, identity);

    recordDeal(store, c.adminActor, '140100', bulkDeal('140100', 1, 7_777_777));

    const after = envelopeText(store.db, readBatch(store.db, id!)!, identity);
    expect(after).toBe(before);
    const pending = store.db
      .prepare("SELECT entity, version FROM outbox WHERE batch_id IS NULL AND entity = 'deal'")
      .all();
    expect(pending).toEqual([{ entity: 'deal', version: 2 }]);
    const next = store.transaction((db) => freezePending(db, new Date().toISOString()));
    expect((readBatch(store.db, next[0]!) as BatchRow).seq_from).toBe(readBatch(store.db, id!)!.seq_to + 1);
  });
});
