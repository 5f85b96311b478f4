import type Database from 'better-sqlite3';
import { indexSyncedRow } from '../core/matching/terms';
import { fieldLabel } from '../core/sync/recordLabels';
import { describeRecord, storeLookups, subjectText } from '../core/sync/recordSubject';
import type { BatchRecord, RecordReference, RecordRejection } from '../shared/sync/batch';
import { isSyncEntity, SYNC_ENTITIES, type SyncEntityMeta, type SyncEntityName } from '../shared/sync/records';
import { createClaims } from './claims';
import { fieldProblems } from './fieldProblems';
import { createOwnership, notOwnerReason, regionText, SHARED_ENTITIES, type Sender } from './ownership';
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
  const labels = columns.filter((c) => new RegExp(`\\b${c}\\b`).test(error.message)).map((c) => fieldLabel(entity, c));
  const named = [...new Set(labels.filter((l): l is string => l !== null))];
  return named.length > 0
    ? `${named.join('、')} 与省级已有的记录冲突，请核对后更正并重新同步`
    : '与省级已有的记录冲突，请联系省级管理员核对';
}

interface TableStatements {
  columns: string[];
  held: Database.Statement;
  upsert: Database.Statement;
  unlink?: Database.Statement;
  link?: Database.Statement;
}

/**
 * Stores one batch's records in the province's tables (the same tables as the city's). A record belongs to the region
 * that first sent it: another region's change is refused (NOT_OWNER), or for a shared patent or enterprise kept as
 * that region's claim. A version the sending installation already sent (or an older one) counts as a duplicate and
 * changes nothing; a later one replaces the row. Each record is applied whole or not at all, and the rest go on.
 */
export function createRecordApplier(db: Database.Database, at: string) {
  const ownership = createOwnership(db);
  const claim = createClaims(db, at);
  const statements = new Map<string, TableStatements>();
  const aliasOf = db.prepare('SELECT organization_id FROM province_org_aliases WHERE source_id = ?').pluck();
  const usccHolder = db.prepare('SELECT id FROM organizations WHERE uscc = ?').pluck();
  const addAlias = db.prepare(
    'INSERT INTO province_org_aliases (source_id, organization_id, region_code) VALUES (?, ?, ?)',
  );

  function tableStatements(meta: SyncEntityMeta): TableStatements {
    let s = statements.get(meta.table);
    if (s) return s;
    const columns = (db.prepare(`PRAGMA table_info(${meta.table})`).all() as { name: string }[]).map((c) => c.name);
    const updates = columns.filter((c) => c !== meta.key).map((c) => `${c} = excluded.${c}`);
    s = {
      columns,
      held: db.prepare(`SELECT * FROM ${meta.table} WHERE ${meta.key} = ?`),
      // Whether the record is new to the province is decided before (per sending installation), so this always writes.
      upsert: db.prepare(
        `INSERT INTO ${meta.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
         ON CONFLICT(${meta.key}) DO UPDATE SET ${updates.join(', ')}`,
      ),
    };
    if (meta.patentLink) {
      const { table, column, ordered } = meta.patentLink;
      s.unlink = db.prepare(`DELETE FROM ${table} WHERE ${column} = ?`);
      s.link = ordered
        ? db.prepare(`INSERT INTO ${table} (${column}, patent_number, position) VALUES (?, ?, ?)`)
        : db.prepare(`INSERT OR IGNORE INTO ${table} (${column}, patent_number) VALUES (?, ?)`);
    }
    statements.set(meta.table, s);
    return s;
  }

  const resolveOrganization = (id: unknown) =>
    typeof id === 'string' ? ((aliasOf.get(id) as string | undefined) ?? id) : id;
  const lookups = storeLookups(db, (id) => resolveOrganization(id) as string);

  const upsertRow = (s: TableStatements, row: Row): void => {
    const values: Row = {};
    for (const c of s.columns) values[c] = row[c] ?? null;
    s.upsert.run(values);
  };
  // A record is its row, its patent links and its owner's book: a savepoint keeps them whole.
  const write = db.transaction(
    (entity: SyncEntityName, s: TableStatements, row: Row, sender: Sender, version: number): void => {
      const meta = SYNC_ENTITIES[entity];
      upsertRow(s, row);
      indexSyncedRow(db, entity, row);
      const key = row[meta.key] as string;
      if (s.unlink) {
        s.unlink.run(key);
        (row.patents as string[]).forEach((number, i) =>
          meta.patentLink!.ordered ? s.link!.run(key, number, i + 1) : s.link!.run(key, number),
        );
      }
      ownership.taken(entity, key, sender, version, at);
    },
  );

  /** A rejection that names the record by its kind and business number, then gives each reason. */
  function reject(record: BatchRecord, code: string, reasons: string[], refers?: RecordReference[]): RecordRejection {
    const rejection: RecordRejection = {
      entity: record.entity,
      id: record.id,
      version: record.version,
      code,
      message: `${subjectOf(record)}：${reasons.join('；')}`,
      reasons,
    };
    return refers && refers.length > 0 ? { ...rejection, refers } : rejection;
  }
  const subjectOf = (record: BatchRecord) =>
    isSyncEntity(record.entity)
      ? subjectText(describeRecord(record.entity, record.id, record.payload, lookups))
      : '记录';
  const missingReferences = missingReferenceFinder(db);

  /**
   * The same enterprise (USCC) reported under another id: map this id to the province's row and store nothing else;
   * another region's differing description of it becomes that region's claim.
   */
  function aliasOrganization(record: BatchRecord, row: Row, sender: Sender): ApplyOutcome | null {
    if (typeof row.uscc !== 'string') return null;
    const holder = usccHolder.get(row.uscc) as string | undefined;
    if (!holder || holder === row.id) return null;
    const aliased = aliasOf.get(row.id) !== undefined;
    if (!aliased) addAlias.run(row.id, holder, sender.region);
    const owner = ownership.ownerOf('organization', holder);
    if (!owner || owner.region === sender.region) return aliased ? 'duplicate' : 'accepted';
    const claimed = claimOnce(record, holder, row, owner.region, sender);
    return aliased ? claimed : 'accepted';
  }

  /** Another region's copy of a shared record, once per version that installation sends. */
  function claimOnce(record: BatchRecord, id: string, row: Row, ownerRegion: string, sender: Sender): ApplyOutcome {
    const entity = record.entity as SyncEntityName;
    if (record.version <= ownership.duplicateUpTo(entity, id, sender, null, null)) return 'duplicate';
    const held = tableStatements(SYNC_ENTITIES[entity]).held.get(id) as Row;
    // Named as the province holds it: the claim's own name may be the very thing in dispute.
    const subject = subjectText(describeRecord(entity, id, held, lookups));
    const outcome = claim(entity, id, subject, row, held, ownerRegion, sender, record.version);
    ownership.noteSent(entity, id, sender, record.version);
    return outcome;
  }

  return function apply(record: BatchRecord, sender: Sender): ApplyOutcome {
    if (!isSyncEntity(record.entity)) return reject(record, 'UNKNOWN_ENTITY', [UNKNOWN_ENTITY_REASON]);
    const entity = record.entity;
    const meta = SYNC_ENTITIES[entity];
    const parsed = meta.schema.safeParse(record.payload);
    if (!parsed.success)
      return reject(record, 'INVALID_RECORD', fieldProblems(entity, parsed.error.issues, record.payload));
    const row = parsed.data;
    if (row[meta.key] !== record.id || row.version !== record.version)
      return reject(record, 'INVALID_RECORD', [MISMATCH_REASON]);

    const owner = ownership.ownerOf(entity, record.id);
    if (owner && owner.region !== sender.region) {
      return SHARED_ENTITIES.has(entity)
        ? claimOnce(record, record.id, row, owner.region, sender)
        : reject(record, 'NOT_OWNER', [notOwnerReason(owner, false)]);
    }
    // A payment is its deal's: another region cannot add one to it either.
    const dealOwner = !owner && entity === 'payment' ? ownership.ownerOf('deal', row.deal_id as string) : null;
    if (dealOwner && dealOwner.region !== sender.region)
      return reject(record, 'NOT_OWNER', [notOwnerReason(dealOwner, true)]);
    if (meta.regionColumn && row[meta.regionColumn] !== sender.region) {
      const reason = `记录属于${regionText(row[meta.regionColumn])}，却由${regionText(sender.region)}报送，请核对本机设置的所属地区`;
      return reject(record, 'REGION_MISMATCH', [reason]);
    }
    if (entity === 'organization') {
      const aliased = aliasOrganization(record, row, sender);
      if (aliased) return aliased;
    }
    for (const column of meta.organizationRefs) row[column] = resolveOrganization(row[column]);

    const s = tableStatements(meta);
    const held = s.held.get(record.id) as Row | undefined;
    if (
      record.version <=
      ownership.duplicateUpTo(entity, record.id, sender, owner, held ? (held.version as number) : null)
    )
      return 'duplicate';
    try {
      write(entity, s, row, sender, record.version);
      return 'accepted';
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        const refers = missingReferences(meta, row, record.payload);
        return reject(
          record,
          'MISSING_REFERENCE',
          [refers.length > 0 ? missingReason(refers) : FOREIGN_KEY_REASON],
          refers,
        );
      }
      if (code.startsWith('SQLITE_CONSTRAINT'))
        return reject(record, 'CONFLICT', [conflictReason(entity, s.columns, error as Error)]);
      throw error;
    }
  };
}
