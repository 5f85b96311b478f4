import type Database from 'better-sqlite3';
import { fieldLabel } from '../core/sync/recordLabels';
import { describeRecord, storeLookups, subjectText } from '../core/sync/recordSubject';
import { regionName } from '../shared/domain/regions';
import type { BatchRecord, RecordRejection } from '../shared/sync/batch';
import { isSyncEntity, SYNC_ENTITIES, type SyncEntityMeta, type SyncEntityName } from '../shared/sync/records';
import { fieldProblems } from './fieldProblems';

type Row = Record<string, unknown>;
export type ApplyOutcome = 'accepted' | 'duplicate' | RecordRejection;

const FOREIGN_KEY_REASON = '它引用的交易、单位或专利省级尚未收到（可能同批被拒收），请先更正那条记录后重新同步';
const UNKNOWN_ENTITY_REASON = '省级不认识这类记录，请升级本软件后重新同步，或联系技术支持';
const MISMATCH_REASON = '记录的内部编号或版本与批次清单不符，请联系技术支持';

const regionText = (code: unknown) => (typeof code === 'string' ? (regionName(code) ?? code) : '未填写');

/** A unique or check constraint the province's store refused, named by the fields it is about. */
function conflictReason(entity: SyncEntityName, columns: string[], error: Error): string {
  const labels = columns.filter((c) => new RegExp(`\\b${c}\\b`).test(error.message)).map((c) => fieldLabel(entity, c));
  const named = [...new Set(labels.filter((l): l is string => l !== null))];
  return named.length > 0 ? `${named.join('、')} 与省级已有的记录冲突，请核对后更正并重新同步` : '与省级已有的记录冲突，请联系省级管理员核对';
}

interface TableStatements {
  columns: string[];
  upsert: Database.Statement;
  unlink?: Database.Statement;
  link?: Database.Statement;
}

/**
 * Stores one batch's records in the province's tables (the same tables as the city's), keeping the latest version
 * of each record: a version the province already holds (or an older one) counts as a duplicate and changes nothing.
 * Each record is applied in its own savepoint, so a rejected record leaves nothing behind and the rest go on.
 */
export function createRecordApplier(db: Database.Database) {
  const statements = new Map<string, TableStatements>();
  const aliasOf = db.prepare('SELECT organization_id FROM province_org_aliases WHERE source_id = ?').pluck();
  const usccHolder = db.prepare('SELECT id FROM organizations WHERE uscc = ?').pluck();
  const addAlias = db.prepare('INSERT INTO province_org_aliases (source_id, organization_id, region_code) VALUES (?, ?, ?)');

  function tableStatements(meta: SyncEntityMeta): TableStatements {
    let s = statements.get(meta.table);
    if (s) return s;
    const columns = (db.prepare(`PRAGMA table_info(${meta.table})`).all() as { name: string }[]).map((c) => c.name);
    const updates = columns.filter((c) => c !== meta.key).map((c) => `${c} = excluded.${c}`);
    s = {
      columns,
      // Only a later version (or, for a patent two cities both report, the same version changed later) replaces the
      // row; otherwise nothing changes and the record counts as a duplicate.
      upsert: db.prepare(
        `INSERT INTO ${meta.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
         ON CONFLICT(${meta.key}) DO UPDATE SET ${updates.join(', ')}
         WHERE excluded.version > ${meta.table}.version
            OR (excluded.version = ${meta.table}.version AND excluded.updated_at > ${meta.table}.updated_at)`,
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

  const resolveOrganization = (id: unknown) => (typeof id === 'string' ? ((aliasOf.get(id) as string | undefined) ?? id) : id);
  const lookups = storeLookups(db, (id) => resolveOrganization(id) as string);

  /** True when the row was written (new, or a later version). */
  const upsertRow = (s: TableStatements, row: Row): boolean => {
    const values: Row = {};
    for (const c of s.columns) values[c] = row[c] ?? null;
    return s.upsert.run(values).changes > 0;
  };
  // A record with patent links is several statements: a savepoint keeps it whole. A plain row is one statement,
  // which SQLite already applies whole or not at all.
  const upsertWithLinks = db.transaction((meta: SyncEntityMeta, s: TableStatements, row: Row, patents: string[]): boolean => {
    if (!upsertRow(s, row)) return false;
    const key = row[meta.key];
    s.unlink!.run(key);
    patents.forEach((number, i) => (meta.patentLink!.ordered ? s.link!.run(key, number, i + 1) : s.link!.run(key, number)));
    return true;
  });

  /** A rejection that names the record by its kind and business number, then gives each reason. */
  function reject(record: BatchRecord, code: string, reasons: string[]): RecordRejection {
    const subject = isSyncEntity(record.entity) ? subjectText(describeRecord(record.entity, record.id, record.payload, lookups)) : '记录';
    return { entity: record.entity, id: record.id, version: record.version, code, message: `${subject}：${reasons.join('；')}`, reasons };
  }

  /** The same enterprise (USCC) reported under another id: map this id to the province's row, store nothing else. */
  function aliasOrganization(record: BatchRecord, row: Row, region: string): ApplyOutcome | null {
    if (typeof row.uscc !== 'string') return null;
    const holder = usccHolder.get(row.uscc) as string | undefined;
    if (!holder || holder === row.id) return null;
    if (aliasOf.get(row.id)) return 'duplicate';
    addAlias.run(row.id, holder, region);
    return 'accepted';
  }

  return function apply(record: BatchRecord, region: string): ApplyOutcome {
    if (!isSyncEntity(record.entity)) return reject(record, 'UNKNOWN_ENTITY', [UNKNOWN_ENTITY_REASON]);
    const meta = SYNC_ENTITIES[record.entity];
    const parsed = meta.schema.safeParse(record.payload);
    if (!parsed.success) return reject(record, 'INVALID_RECORD', fieldProblems(record.entity, parsed.error.issues, record.payload));
    const row = parsed.data;
    if (row[meta.key] !== record.id || row.version !== record.version) return reject(record, 'INVALID_RECORD', [MISMATCH_REASON]);
    if (meta.regionColumn && row[meta.regionColumn] !== region) {
      const reason = `记录属于${regionText(row[meta.regionColumn])}，却由${regionText(region)}报送，请核对本机设置的所属地区`;
      return reject(record, 'REGION_MISMATCH', [reason]);
    }
    if (record.entity === 'organization') {
      const aliased = aliasOrganization(record, row, region);
      if (aliased) return aliased;
    }
    for (const column of meta.organizationRefs) row[column] = resolveOrganization(row[column]);

    const s = tableStatements(meta);
    try {
      const written = s.unlink ? upsertWithLinks(meta, s, row, row.patents as string[]) : upsertRow(s, row);
      return written ? 'accepted' : 'duplicate';
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return reject(record, 'MISSING_REFERENCE', [FOREIGN_KEY_REASON]);
      if (code.startsWith('SQLITE_CONSTRAINT')) return reject(record, 'CONFLICT', [conflictReason(record.entity, s.columns, error as Error)]);
      throw error;
    }
  };
}
