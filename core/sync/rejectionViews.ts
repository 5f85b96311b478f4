import type { RejectionView } from '../../shared/contract/sync';
import type { RecordRejection } from '../../shared/sync/batch';
import { SYNC_ENTITIES, isSyncEntity } from '../../shared/sync/records';
import { recordLink } from '../filings/recordPages';
import type { ReadHandle } from '../store/store';
import { describeRecord, storeLookups, type RecordSubject } from './recordSubject';

const keyOf = (entity: string, id: string, version: number) => `${entity}:${id}:${version}`;

/**
 * Turns the province's rejections into what the 数据同步 page shows: the record named as this desk holds it now (its
 * number may have been corrected since), the reasons one by one, a link to its detail page, and whether a later
 * version has since been received. `rejections` are all the rejections on the page, so that a later version that
 * was itself rejected does not count as a correction.
 */
export function rejectionViewer(
  db: ReadHandle,
  rejections: readonly RecordRejection[],
): (r: RecordRejection) => RejectionView {
  const lookups = storeLookups(db);
  const rejected = new Set(rejections.map((r) => keyOf(r.entity, r.id, r.version)));
  const laterReceived = db
    .prepare(
      `SELECT o.version FROM outbox o JOIN sync_batches b ON b.id = o.batch_id
       WHERE o.entity = ? AND o.entity_id = ? AND o.version > ? AND b.state IN ('已接收', '部分拒收')`,
    )
    .pluck();
  const describeHere = (r: { entity: string; id: string }): RecordSubject | null => {
    if (!isSyncEntity(r.entity)) return null;
    const meta = SYNC_ENTITIES[r.entity];
    const row = db.prepare(`SELECT * FROM ${meta.table} WHERE ${meta.key} = ?`).get(r.id) as
      Record<string, unknown> | undefined;
    return row ? describeRecord(r.entity, r.id, row, lookups) : null;
  };
  const named = (r: { entity: string; id: string }) => {
    const subject = describeHere(r);
    return {
      label: subject?.kind ?? (isSyncEntity(r.entity) ? SYNC_ENTITIES[r.entity].label : '记录'),
      number: subject?.number ?? null,
      link: subject?.opens ? recordLink(subject.opens.entity, subject.opens.id) : null,
    };
  };
  return (r) => {
    const versions = laterReceived.all(r.entity, r.id, r.version) as number[];
    return {
      ...r,
      ...named(r),
      reasons: r.reasons ?? [r.message],
      corrected: versions.some((v) => !rejected.has(keyOf(r.entity, r.id, v))),
      references: (r.refers ?? []).map(named),
    };
  };
}
