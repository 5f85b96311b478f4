import type Database from 'better-sqlite3';
import { SYNC_ENTITIES, type SyncEntityMeta, type SyncEntityName } from '../shared/sync/records';
import type { RecordReference } from '../shared/sync/batch';

type Row = Record<string, unknown>;

const ENTITY_OF_TABLE = new Map(
  Object.entries(SYNC_ENTITIES).map(([name, meta]) => [meta.table, name as SyncEntityName]),
);

interface ForeignKey {
  from: string;
  entity: SyncEntityName;
  lookup: Database.Statement;
}

/**
 * Which records a refused row points at that the province does not hold: the foreign keys of its table (and of its
 * patent link table) read from the schema, each checked against the province's store. The city names each one by
 * its business number and links to it, so the caseworker knows which record to correct first.
 */
export function missingReferenceFinder(db: Database.Database) {
  const keysByTable = new Map<string, ForeignKey[]>();
  function foreignKeys(table: string): ForeignKey[] {
    let keys = keysByTable.get(table);
    if (keys) return keys;
    const list = db.prepare(`PRAGMA foreign_key_list(${table})`).all() as { table: string; from: string; to: string }[];
    keys = list.flatMap((fk) => {
      const entity = ENTITY_OF_TABLE.get(fk.table);
      return entity
        ? [{ from: fk.from, entity, lookup: db.prepare(`SELECT 1 FROM ${fk.table} WHERE ${fk.to} = ?`).pluck() }]
        : [];
    });
    keysByTable.set(table, keys);
    return keys;
  }
  const absent = (key: ForeignKey, value: unknown): value is string =>
    typeof value === 'string' && key.lookup.get(value) === undefined;

  return function missingReferences(meta: SyncEntityMeta, row: Row, originalRow: Row): RecordReference[] {
    const found: RecordReference[] = [];
    for (const key of foreignKeys(meta.table)) {
      // The original id is the city's own: an organization the province resolved through an alias is never missing.
      if (absent(key, row[key.from])) found.push({ entity: key.entity, id: String(originalRow[key.from]) });
    }
    if (meta.patentLink) {
      const patentKey = foreignKeys(meta.patentLink.table).find((k) => k.entity === 'patent');
      for (const number of (row.patents as string[] | undefined) ?? []) {
        if (patentKey && absent(patentKey, number)) found.push({ entity: 'patent', id: number });
      }
    }
    return found;
  };
}
