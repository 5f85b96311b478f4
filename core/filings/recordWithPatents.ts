import type { WriteOutcome } from '../../shared/contract/filings/records';
import type { Writer } from '../service/context';
import { newId } from '../store/ids';
import { type PatentOwner, relinkPatents } from './patentLinks';
import { type Row, type TableSpec, writeRecord } from './recordWriter';

export interface RecordWithPatents {
  /** The stored record this write updates; undefined creates a new one. */
  existing: Row | undefined;
  /** The record's business columns, as for writeRecord. */
  values: Row;
  /** The patent numbers the record names, as the caller listed them. */
  patents: string[];
  actorId?: string | null;
  /** Changes beside the row and its patents that make a new version too (a deal's payments edited in its form). */
  extraChanges?: Record<string, { from: unknown; to: unknown }>;
}

/**
 * Writes a record that names patents (a deal, a pledge, a product registration): a changed patent list alone makes a
 * new version, and every version's outbox payload carries the list. The old links are read before the write and
 * replaced after it, once the record's row exists for them to point at.
 */
export function writeRecordWithPatents(
  w: Writer,
  spec: TableSpec,
  owner: PatentOwner,
  record: RecordWithPatents,
): WriteOutcome {
  const { existing, patents } = record;
  const id = (existing?.id as string | undefined) ?? newId();
  const relink = relinkPatents(w, owner, id, patents, !existing);
  const outcome = writeRecord(w, spec, {
    id,
    existing,
    values: record.values,
    actorId: record.actorId,
    extraChanges: existing ? { ...relink?.change, ...record.extraChanges } : undefined,
    extraPayload: { patents },
  });
  relink?.apply();
  return outcome;
}
