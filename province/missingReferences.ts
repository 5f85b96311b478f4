import { SYNC_ENTITIES, type SyncEntityMeta, type SyncEntityName } from '../shared/sync/records';
import type { RecordReference } from '../shared/sync/batch';
import type { ProvinceDb, ProvinceSql } from '../core/province/store/provinceDb';

type Row = Record<string, unknown>;

const ENTITY_OF_TABLE = new Map(
  Object.entries(SYNC_ENTITIES).map(([name, meta]) => [meta.table, name as SyncEntityName]),
);

interface EntityKey {
  from: string;
  entity: SyncEntityName;
  lookup: string;
}

/**
 * Which records a refused row points at that the province does not hold: the foreign keys of its table (and of its
 * patent link table) read from the schema, each checked against the province's store. The city names each one by
 * its business number and links to it, so the caseworker knows which record to correct first.
 */
export function missingReferenceFinder(schema: ProvinceDb, db: ProvinceSql) {
  const keysByTable = new Map<string, EntityKey[]>();
  async function foreignKeys(table: string): Promise<EntityKey[]> {
    let keys = keysByTable.get(table);
    if (keys) return keys;
    keys = (await schema.foreignKeys(table)).flatMap((fk) => {
      const entity = ENTITY_OF_TABLE.get(fk.table);
      return entity ? [{ from: fk.from, entity, lookup: `SELECT 1 AS one FROM ${fk.table} WHERE ${fk.to} = ?` }] : [];
    });
    keysByTable.set(table, keys);
    return keys;
  }
  const absent = async (key: EntityKey, value: unknown): Promise<boolean> =>
    typeof value === 'string' && (await db.get(key.lookup, [value])) === undefined;

  return async function missingReferences(
    meta: SyncEntityMeta,
    row: Row,
    originalRow: Row,
  ): Promise<RecordReference[]> {
    const found: RecordReference[] = [];
    for (const key of await foreignKeys(meta.table)) {
      // The original id is the city's own: an organization the province resolved through an alias is never missing.
      if (await absent(key, row[key.from])) found.push({ entity: key.entity, id: String(originalRow[key.from]) });
    }
    if (meta.patentLink) {
      const patentKey = (await foreignKeys(meta.patentLink.table)).find((k) => k.entity === 'patent');
      for (const number of (row.patents as string[] | undefined) ?? []) {
        if (patentKey && (await absent(patentKey, number))) found.push({ entity: 'patent', id: number });
      }
    }
    return found;
  };
}
