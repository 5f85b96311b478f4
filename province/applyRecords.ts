import { fieldLabel } from '../core/sync/recordLabels';
import { describeRecord, subjectText, type SubjectLookups } from '../core/sync/recordSubject';
import type { BatchRecord, RecordReference, RecordRejection } from '../shared/sync/batch';
import { isSyncEntity, SYNC_ENTITIES, type SyncEntityName } from '../shared/sync/records';
import { createClaims } from './claims';
import type { ProvinceDb, ProvinceTx } from '../core/province/store/provinceDb';
import { fieldProblems } from './fieldProblems';
import { regionText } from '../shared/domain/regions';
import type { BatchLookups } from './batchLookups';
import { bulkWrites, OwnersTaken } from './bulkWrites';
import { createOwnership, notOwnerReason, SHARED_ENTITIES, type Sender } from './ownership';
import { missingReferenceFinder } from './missingReferences';

type Row = Record<string, unknown>;
export type ApplyOutcome = 'accepted' | 'duplicate' | RecordRejection;

const FOREIGN_KEY_REASON = '它引用的交易、单位或专利省级尚未收到（可能同批被拒收），请先更正那条记录后重新同步';
/** Names the kinds of the missing records; the city shows each one by its business number, with a link. */
const missingReason = (refers: readonly RecordReference[]) => {
  const kinds = [...new Set(refers.map((r) => (isSyncEntity(r.entity) ? SYNC_ENTITIES[r.entity].label : '记录')))];
  return `它引用的${kinds.join('、')}省级尚未收到（可能同批被拒收），请先更正被引用的记录后重新同步`;
};
const UNKNOWN_ENTITY_REASON = '省级不认识这类记录，请升级本软件后重新同步，或联系技术支持';
const MISMATCH_REASON = '记录的内部编号或版本与批次清单不符，请联系技术支持';

/** A unique or check constraint the province's store refused, named by the fields it is about. */
function conflictReason(entity: SyncEntityName, columns: string[], error: Error): string {
  // SQLite names the columns in its message, PostgreSQL in the detail: "Key (uscc)=(…) already exists."
  const text = `${error.message} ${(error as { detail?: string }).detail ?? ''}`;
  const labels = columns.filter((c) => new RegExp(`\\b${c}\\b`).test(text)).map((c) => fieldLabel(entity, c));
  const named = [...new Set(labels.filter((l): l is string => l !== null))];
  return named.length > 0
    ? `${named.join('、')} 与省级已有的记录冲突，请核对后更正并重新同步`
    : '与省级已有的记录冲突，请联系省级管理员核对';
}

/**
 * Stores one batch's records in the province's tables (the same tables as the city's). A record belongs to the region
 * that first sent it: another region's change is refused (NOT_OWNER), or for a shared patent or enterprise kept as
 * that region's claim. A version the sending installation already sent (or an older one) counts as a duplicate and
 * changes nothing; a later one replaces the row. Each record is applied whole or not at all, and the rest go on.
 * `isolate`: each record is written at once, in a savepoint of its own, so that a record the store refuses is
 * rejected alone. Otherwise the writes are held back and written together by `finish` (bulkWrites.ts), and a refused
 * record fails the whole attempt: ingest.ts takes a batch in one go first, and only such a batch again, isolated.
 */
export function createRecordApplier(
  store: ProvinceDb,
  db: ProvinceTx,
  at: string,
  sender: Sender,
  lookups: BatchLookups,
  isolate: boolean,
) {
  const ownership = createOwnership(db, lookups, sender);
  const claim = createClaims(db, at);
  const bulk = bulkWrites(store, db, sender, at);
  const resolveOrganization = async (id: unknown) =>
    typeof id === 'string' ? ((await lookups.aliasOf(id)) ?? id) : id;

  /** Names a record by kind and business number, reading the deal or enterprise it names through first. */
  async function describe(entity: SyncEntityName, id: string, row: Row) {
    const dealId = entity === 'payment' && typeof row.deal_id === 'string' ? row.deal_id : null;
    const orgId =
      entity === 'enterprise_figure' && typeof row.organization_id === 'string' ? row.organization_id : null;
    // A deal or enterprise of this very batch may still be held back, not yet written (bulkWrites.ts).
    const deal = dealId
      ? (bulk.pending('deal', dealId) ?? (await db.get<Row>('SELECT contract_no FROM deals WHERE id = ?', [dealId])))
      : undefined;
    const orgKey = orgId ? ((await resolveOrganization(orgId)) as string) : null;
    const org = orgKey
      ? (bulk.pending('organization', orgKey) ??
        (await db.get<Row>('SELECT name, uscc FROM organizations WHERE id = ?', [orgKey])))
      : undefined;
    const contractNo = deal ? (deal.contract_no as string) : null;
    const organization = org ? { name: org.name as string, uscc: (org.uscc as string | null) ?? null } : null;
    const lookups: SubjectLookups = { contractNo: () => contractNo, organization: () => organization };
    return subjectText(describeRecord(entity, id, row, lookups));
  }

  // A record is its row, its patent links and its owner's book, written by bulkWrites.ts: taken in one go, with the
  // batch's others at its end; isolated, at once and alone, in a savepoint that keeps them whole.
  async function write(entity: SyncEntityName, row: Row, version: number, unowned: boolean): Promise<void> {
    const key = row[SYNC_ENTITIES[entity].key] as string;
    const heldBefore = (await lookups.heldVersion(entity, key)) !== null;
    if (isolate)
      await db.savepoint(async () => {
        const alone = bulkWrites(store, db, sender, at);
        alone.add(entity, key, row, unowned, heldBefore);
        await alone.flush();
      });
    else bulk.add(entity, key, row, unowned, heldBefore);
    lookups.written(entity, key, version, unowned ? sender : null, row.uscc);
  }

  /** A rejection that names the record by its kind and business number, then gives each reason. */
  async function reject(
    record: BatchRecord,
    code: string,
    reasons: string[],
    refers?: RecordReference[],
  ): Promise<RecordRejection> {
    const subject = isSyncEntity(record.entity) ? await describe(record.entity, record.id, record.payload) : '记录';
    const rejection: RecordRejection = {
      entity: record.entity,
      id: record.id,
      version: record.version,
      code,
      message: `${subject}：${reasons.join('；')}`,
      reasons,
    };
    return refers && refers.length > 0 ? { ...rejection, refers } : rejection;
  }
  const missingReferences = missingReferenceFinder(store, db);

  /**
   * The same enterprise (USCC) reported under another id: map this id to the province's row and store nothing else;
   * another region's differing description of it becomes that region's claim.
   */
  async function aliasOrganization(record: BatchRecord, row: Row): Promise<ApplyOutcome | null> {
    if (typeof row.uscc !== 'string') return null;
    const holder = await lookups.usccHolder(row.uscc);
    if (!holder || holder === row.id) return null;
    const aliased = (await lookups.aliasOf(row.id as string)) !== null;
    if (!aliased) {
      await db.run('INSERT INTO province_org_aliases (source_id, organization_id, region_code) VALUES (?, ?, ?)', [
        row.id as string,
        holder,
        sender.region,
      ]);
      lookups.aliased(row.id as string, holder);
    }
    const owner = await ownership.ownerOf('organization', holder);
    if (!owner || owner.region === sender.region) return aliased ? 'duplicate' : 'accepted';
    const claimed = await claimOnce(record, holder, row, owner.region);
    return aliased ? claimed : 'accepted';
  }

  /** Another region's copy of a shared record, once per version that installation sends. */
  async function claimOnce(record: BatchRecord, id: string, row: Row, ownerRegion: string): Promise<ApplyOutcome> {
    const entity = record.entity as SyncEntityName;
    if (record.version <= (await ownership.sentBefore(entity, id))) return 'duplicate';
    const { table, key } = SYNC_ENTITIES[entity];
    const held = (await db.get<Row>(`SELECT * FROM ${table} WHERE ${key} = ?`, [id]))!;
    // Named as the province holds it: the claim's own name may be the very thing in dispute.
    const subject = await describe(entity, id, held);
    const outcome = await claim(entity, id, subject, row, held, ownerRegion, sender, record.version);
    ownership.noteSent(entity, id, record.version);
    return outcome;
  }

  async function apply(record: BatchRecord, raced = false): Promise<ApplyOutcome> {
    if (!isSyncEntity(record.entity)) return reject(record, 'UNKNOWN_ENTITY', [UNKNOWN_ENTITY_REASON]);
    const entity = record.entity;
    const meta = SYNC_ENTITIES[entity];
    const parsed = meta.schema.safeParse(record.payload);
    if (!parsed.success)
      return reject(record, 'INVALID_RECORD', fieldProblems(entity, parsed.error.issues, record.payload));
    const row = parsed.data;
    if (row[meta.key] !== record.id || row.version !== record.version)
      return reject(record, 'INVALID_RECORD', [MISMATCH_REASON]);

    // The row before its owner: a batch that takes a record commits both at once, so a row read here has its owner
    // read next. The other way round, another server's batch committing in between would show a row without an owner,
    // as if held from before owners were kept, and this sender's version would pass for a duplicate of it.
    const heldVersion = await lookups.heldVersion(entity, record.id);
    const owner = await ownership.ownerOf(entity, record.id);
    if (owner && owner.region !== sender.region) {
      return SHARED_ENTITIES.has(entity)
        ? claimOnce(record, record.id, row, owner.region)
        : reject(record, 'NOT_OWNER', [notOwnerReason(owner, false)]);
    }
    // A payment is its deal's: another region cannot add one to it either.
    const dealOwner = !owner && entity === 'payment' ? await ownership.ownerOf('deal', row.deal_id as string) : null;
    if (dealOwner && dealOwner.region !== sender.region)
      return reject(record, 'NOT_OWNER', [notOwnerReason(dealOwner, true)]);
    if (meta.regionColumn && row[meta.regionColumn] !== sender.region) {
      const reason = `记录属于${regionText(row[meta.regionColumn])}，却由${regionText(sender.region)}报送，请核对本机设置的所属地区`;
      return reject(record, 'REGION_MISMATCH', [reason]);
    }
    if (entity === 'organization') {
      const aliased = await aliasOrganization(record, row);
      if (aliased) return aliased;
    }
    for (const column of meta.organizationRefs) row[column] = await resolveOrganization(row[column]);

    if (record.version <= (await ownership.duplicateUpTo(entity, record.id, owner, heldVersion))) return 'duplicate';
    try {
      await write(entity, row, record.version, !owner);
      return 'accepted';
    } catch (error) {
      // Taken in one go, nothing was written yet: whatever failed is the caller's (ingest.ts).
      if (!isolate) throw error;
      // Another province server's batch took the record, or the enterprise's USCC, first: decide again, once.
      const lostRace =
        error instanceof OwnersTaken || (entity === 'organization' && store.constraintOf(error) === 'unique');
      if (lostRace && !raced) {
        lookups.forget(entity, record.id, row.uscc);
        return apply(record, true);
      }
      const constraint = store.constraintOf(error);
      if (constraint === 'foreignKey') {
        const refers = await missingReferences(meta, row, record.payload);
        return reject(
          record,
          'MISSING_REFERENCE',
          [refers.length > 0 ? missingReason(refers) : FOREIGN_KEY_REASON],
          refers,
        );
      }
      if (constraint)
        return reject(record, 'CONFLICT', [conflictReason(entity, await store.columns(meta.table), error as Error)]);
      throw error;
    }
  }
  return {
    apply: (record: BatchRecord) => apply(record),
    /** Writes what the batch held back: its rows (taken in one go), then the versions sent. */
    async finish(): Promise<void> {
      await bulk.flush();
      await ownership.writeVersions();
    },
  };
}
