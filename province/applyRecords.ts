import type Database from 'better-sqlite3';
import type { BatchRecord, RecordRejection } from '../shared/sync/batch';
import { isSyncEntity, SYNC_ENTITIES, type SyncEntityMeta } from '../shared/sync/records';

type Row = Record<string, unknown>;
export type ApplyOutcome = 'accepted' | 'duplicate' | RecordRejection;

const FOREIGN_KEY_MESSAGE = '引用的单位、专利或交易省级尚未收到：请确认它已随本批次或更早的批次报送';

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

  function reject(record: BatchRecord, code: string, message: string): RecordRejection {
    return { entity: record.entity, id: record.id, version: record.version, code, message };
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
    if (!isSyncEntity(record.entity)) return reject(record, 'UNKNOWN_ENTITY', `未知的记录类型“${record.entity}”，省级不接收`);
    const meta = SYNC_ENTITIES[record.entity];
    const parsed = meta.schema.safeParse(record.payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return reject(record, 'INVALID_RECORD', `${meta.label}记录的字段 ${issue.path.join('.') || '（整体）'} 有误：${issue.message}`);
    }
    const row = parsed.data;
    if (row[meta.key] !== record.id || row.version !== record.version) {
      return reject(record, 'INVALID_RECORD', `${meta.label}记录的编号或版本与批次清单不符`);
    }
    if (meta.regionColumn && row[meta.regionColumn] !== region) {
      return reject(record, 'REGION_MISMATCH', `${meta.label}记录所属地区 ${String(row[meta.regionColumn])} 与报送地区 ${region} 不符`);
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
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return reject(record, 'MISSING_REFERENCE', FOREIGN_KEY_MESSAGE);
      if (code.startsWith('SQLITE_CONSTRAINT')) return reject(record, 'CONFLICT', `${meta.label}记录与省级已有记录冲突：${(error as Error).message}`);
      throw error;
    }
  };
}
