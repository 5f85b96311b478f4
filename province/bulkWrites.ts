import { inJsonList, type ProvinceDb, type ProvinceTx, type SqlValue } from '../core/province/store/provinceDb';
import { SYNC_ENTITIES, type SyncEntityName } from '../shared/sync/records';
import type { Sender } from './ownership';

type Row = Record<string, unknown>;

/** Another server's batch took a record this batch meant to own first: the batch is taken again record by record. */
export class OwnersTaken extends Error {}

/** Parameters per statement: within both SQLite's (32,766) and PostgreSQL's (65,535) limits. */
const PARAMETERS_PER_STATEMENT = 30_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Records' writes, held and written by `flush` many rows per statement: a batch taken in one go (ingest.ts) flushes
 * once at its end — on PostgreSQL each statement is a round trip — and a record taken alone flushes itself. Owners
 * first, all at once: if another server's batch took one of them meanwhile, OwnersTaken, and the caller decides again
 * (the batch once more in one go, or the record alone). Then each kind's rows in the order their references need
 * (SYNC_ENTITIES lists parents first), each record's latest version once, its patent links, its search terms.
 */
export function bulkWrites(store: ProvinceDb, db: ProvinceTx, sender: Sender, at: string) {
  const owners = new Map<string, SqlValue[]>();
  const rows = new Map<SyncEntityName, Map<string, { row: Row; heldBefore: boolean }>>();

  async function writeOwners(): Promise<void> {
    for (const chunk of chunks([...owners.values()], Math.floor(PARAMETERS_PER_STATEMENT / 5))) {
      const taken = await db.all(
        `INSERT INTO province_record_owners (entity, record_id, region_code, key_fingerprint, owned_at)
         VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (entity, record_id) DO NOTHING RETURNING record_id`,
        chunk.flat(),
      );
      if (taken.length < chunk.length) throw new OwnersTaken();
    }
  }

  async function writeRows(entity: SyncEntityName, held: Map<string, { row: Row; heldBefore: boolean }>) {
    const meta = SYNC_ENTITIES[entity];
    const columns = await store.columns(meta.table);
    const updates = columns.filter((c) => c !== meta.key).map((c) => `${c} = excluded.${c}`);
    const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns.length));
    for (const chunk of chunks([...held.values()], perStatement))
      await db.run(
        `INSERT INTO ${meta.table} (${columns.join(', ')}) VALUES ${chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}
         ON CONFLICT (${meta.key}) DO UPDATE SET ${updates.join(', ')}`,
        chunk.flatMap(({ row }) => columns.map((c) => (row[c] ?? null) as SqlValue)),
      );
    if (meta.patentLink) {
      const { table, column, ordered } = meta.patentLink;
      const relinked = [...held.entries()].filter(([, r]) => r.heldBefore).map(([key]) => key);
      if (relinked.length > 0)
        await db.run(`DELETE FROM ${table} WHERE ${column} ${inJsonList(db.dialect)}`, [JSON.stringify(relinked)]);
      const links = [...held.entries()].flatMap(([key, { row }]) =>
        (row.patents as string[]).map((number, i) => (ordered ? [key, number, i + 1] : [key, number])),
      );
      const width = ordered ? 3 : 2;
      for (const chunk of chunks(links, Math.floor(PARAMETERS_PER_STATEMENT / width)))
        await db.run(
          ordered
            ? `INSERT INTO ${table} (${column}, patent_number, position) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`
            : `INSERT INTO ${table} (${column}, patent_number) VALUES ${chunk.map(() => '(?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
          chunk.flat() as SqlValue[],
        );
    }
    for (const { row } of held.values()) await store.derived.indexRow(db, entity, row);
  }

  return {
    /** A record's row to write at the end; `unowned`: the sender becomes its first owner. */
    add(entity: SyncEntityName, key: string, row: Row, unowned: boolean, heldBefore: boolean): void {
      if (unowned) owners.set(`${entity}\u0000${key}`, [entity, key, sender.region, sender.keyFingerprint, at]);
      let held = rows.get(entity);
      if (!held) rows.set(entity, (held = new Map()));
      // A later version of the same record in this batch replaces the earlier; its links were written by neither.
      held.set(key, { row, heldBefore: held.get(key)?.heldBefore ?? heldBefore });
    },
    /** A record held back for the end, by kind and key (its latest version in the batch). */
    pending: (entity: SyncEntityName, key: string): Row | undefined => rows.get(entity)?.get(key)?.row,
    async flush(): Promise<void> {
      await writeOwners();
      for (const entity of Object.keys(SYNC_ENTITIES) as SyncEntityName[]) {
        const held = rows.get(entity);
        if (held) await writeRows(entity, held);
      }
    },
  };
}
