import type { Actor } from '../service/context';
import type { Store } from '../store/store';
import { envelopeText, firstUnacknowledged, freezePending, readBatch } from './batches';
import { signingIdentity } from './installationKey';
import type { KeyVault } from './keyVault';

export interface ExportedBatch {
  batchId: string;
  fileName: string;
  content: string;
  recordCount: number;
}

const EXPORTED_NOTE = '已导出为报送文件，等待省级导入；联网后也会照常发送（省级不会重复入库）';

/**
 * The records not yet acknowledged by the province, as one signed batch for removable media. Batches that have never
 * been sent are merged with the pending records into one; a batch that may already have reached the province (it was
 * attempted) is exported as it is, because the province must see the same batch id with the same content.
 */
export async function exportBatchFile(
  store: Store,
  actor: Actor,
  now: Date,
  keyVault?: KeyVault,
): Promise<ExportedBatch | null> {
  const identity = await signingIdentity(store, actor, keyVault);
  const at = now.toISOString();
  const batchId = store.transaction((db) => {
    const first = firstUnacknowledged(db);
    if (first && first.attempts > 0) return first.id;
    const mergeable = db
      .prepare("SELECT id FROM sync_batches WHERE state = '待发送' AND attempts = 0 AND last_error IS NULL")
      .pluck()
      .all() as string[];
    for (const id of mergeable) {
      db.prepare('UPDATE outbox SET batch_id = NULL WHERE batch_id = ?').run(id);
      db.prepare('DELETE FROM sync_batches WHERE id = ?').run(id);
    }
    freezePending(db, at, Number.POSITIVE_INFINITY);
    const batch = firstUnacknowledged(db);
    if (!batch) return null;
    db.prepare('UPDATE sync_batches SET last_error = ?, updated_at = ? WHERE id = ?').run(EXPORTED_NOTE, at, batch.id);
    return batch.id;
  });
  if (!batchId) return null;
  const batch = readBatch(store.db, batchId)!;
  return {
    batchId,
    fileName: `报送批次-${identity.regionCode}-${batch.seq_from}-${batch.seq_to}.pdbatch`,
    content: envelopeText(store.db, batch, identity),
    recordCount: batch.record_count,
  };
}
