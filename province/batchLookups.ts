import { inJsonList, type ProvinceTx, type SqlValue } from '../core/province/store/provinceDb';
import type { BatchRecord } from '../shared/sync/batch';
import { isSyncEntity, SYNC_ENTITIES } from '../shared/sync/records';
import type { Owner, Sender } from './ownership';

/**
 * Values read by key, each read once: a whole batch's keys are read up front in one query, a key not read up front
 * on first use. What the batch itself changes is set as it goes; `forget` reads a key again (another server's batch
 * may have changed it meanwhile).
 */
class Lookup<V> {
  private readonly known = new Map<string, V | null>();
  constructor(private readonly readOne: (key: string) => Promise<V | null>) {}

  preload(keys: Iterable<string>, found: Iterable<[string, V]>): void {
    for (const key of keys) this.known.set(key, null);
    for (const [key, value] of found) this.known.set(key, value);
  }
  async get(key: string): Promise<V | null> {
    if (this.known.has(key)) return this.known.get(key)!;
    const value = await this.readOne(key);
    this.known.set(key, value);
    return value;
  }
  set(key: string, value: V): void {
    this.known.set(key, value);
  }
  forget(key: string): void {
    this.known.delete(key);
  }
}

const keyOf = (entity: string, id: string) => `${entity}\u0000${id}`;
const splitKey = (key: string) => key.split('\u0000') as [string, string];

/**
 * What the intake reads for each record — its owner, the version its sender last sent, the version held, the
 * organization an id is an alias of, the organization holding a USCC — read for the whole batch in a few queries: on
 * PostgreSQL every query is a round trip to the server, and a record would otherwise cost five or more of them.
 */
export async function batchLookups(db: ProvinceTx, records: readonly BatchRecord[], sender: Sender) {
  const list = (values: Iterable<string>) => [JSON.stringify([...new Set(values)])] as SqlValue[];
  const inList = inJsonList(db.dialect);

  const owners = new Lookup<Owner>(async (key) => {
    const [entity, id] = splitKey(key);
    return (
      (await db.get<Owner>(
        'SELECT region_code AS region, key_fingerprint AS "keyFingerprint" FROM province_record_owners WHERE entity = ? AND record_id = ?',
        [entity, id],
      )) ?? null
    );
  });
  const sent = new Lookup<number>(async (key) => {
    const [entity, id] = splitKey(key);
    const row = await db.get<{ version: number }>(
      'SELECT version FROM province_record_versions WHERE entity = ? AND record_id = ? AND key_fingerprint = ?',
      [entity, id, sender.keyFingerprint],
    );
    return row?.version ?? null;
  });
  const held = new Lookup<number>(async (key) => {
    const [entity, id] = splitKey(key);
    const meta = SYNC_ENTITIES[entity as keyof typeof SYNC_ENTITIES];
    const row = await db.get<{ version: number }>(`SELECT version FROM ${meta.table} WHERE ${meta.key} = ?`, [id]);
    return row?.version ?? null;
  });
  const aliases = new Lookup<string>(
    async (id) =>
      (
        await db.get<{ organization_id: string }>(
          'SELECT organization_id FROM province_org_aliases WHERE source_id = ?',
          [id],
        )
      )?.organization_id ?? null,
  );
  const usccHolders = new Lookup<string>(
    async (uscc) => (await db.get<{ id: string }>('SELECT id FROM organizations WHERE uscc = ?', [uscc]))?.id ?? null,
  );

  // What the batch names: its records, the deals its payments belong to, the organizations it refers to.
  const recordKeys: string[] = [];
  const idsByEntity = new Map<string, Set<string>>();
  const organizationIds = new Set<string>();
  const usccs = new Set<string>();
  const name = (entity: string, id: unknown) => {
    if (typeof id !== 'string') return;
    recordKeys.push(keyOf(entity, id));
    let ids = idsByEntity.get(entity);
    if (!ids) idsByEntity.set(entity, (ids = new Set()));
    ids.add(id);
  };
  for (const record of records) {
    if (!isSyncEntity(record.entity)) continue;
    const payload = record.payload as Record<string, unknown>;
    name(record.entity, record.id);
    if (record.entity === 'payment') name('deal', payload.deal_id);
    if (record.entity === 'organization') {
      organizationIds.add(record.id);
      if (typeof payload.uscc === 'string') usccs.add(payload.uscc);
    }
    for (const column of SYNC_ENTITIES[record.entity].organizationRefs)
      if (typeof payload[column] === 'string') organizationIds.add(payload[column] as string);
  }
  const allIds = [...idsByEntity.values()].flatMap((ids) => [...ids]);

  // Rows before their owners: a batch that takes a record commits both at once, so a row read here has its owner
  // read next; the other way round, another server's batch committing in between would show a row without an owner,
  // as if held from before owners were kept (province/interleaved.test.ts).
  for (const [entity, ids] of idsByEntity) {
    const meta = SYNC_ENTITIES[entity as keyof typeof SYNC_ENTITIES];
    const rows = await db.all<{ id: string; version: number }>(
      `SELECT ${meta.key} AS id, version FROM ${meta.table} WHERE ${meta.key} ${inList}`,
      list(ids),
    );
    held.preload(
      [...ids].map((id) => keyOf(entity, id)),
      rows.map((r) => [keyOf(entity, r.id), r.version]),
    );
  }
  const ownerRows = await db.all<{ entity: string; record_id: string; region: string; keyFingerprint: string | null }>(
    `SELECT entity, record_id, region_code AS region, key_fingerprint AS "keyFingerprint" FROM province_record_owners
     WHERE record_id ${inList}`,
    list(allIds),
  );
  owners.preload(
    recordKeys,
    ownerRows.map((r) => [keyOf(r.entity, r.record_id), { region: r.region, keyFingerprint: r.keyFingerprint }]),
  );
  const sentRows = await db.all<{ entity: string; record_id: string; version: number }>(
    `SELECT entity, record_id, version FROM province_record_versions WHERE key_fingerprint = ? AND record_id ${inList}`,
    [sender.keyFingerprint, ...list(allIds)],
  );
  sent.preload(
    recordKeys,
    sentRows.map((r) => [keyOf(r.entity, r.record_id), r.version]),
  );
  const aliasRows = await db.all<{ source_id: string; organization_id: string }>(
    `SELECT source_id, organization_id FROM province_org_aliases WHERE source_id ${inList}`,
    list(organizationIds),
  );
  aliases.preload(
    organizationIds,
    aliasRows.map((r) => [r.source_id, r.organization_id]),
  );
  const holderRows = await db.all<{ uscc: string; id: string }>(
    `SELECT uscc, id FROM organizations WHERE uscc ${inList}`,
    list(usccs),
  );
  usccHolders.preload(
    usccs,
    holderRows.map((r) => [r.uscc, r.id]),
  );

  // Versions taken in this batch, not yet written: one row per record, the latest.
  const noted = new Map<string, { entity: string; id: string; version: number }>();
  const noteSent = (entity: string, id: string, version: number) => {
    sent.set(keyOf(entity, id), version);
    noted.set(keyOf(entity, id), { entity, id, version });
  };

  return {
    owner: (entity: string, id: string) => owners.get(keyOf(entity, id)),
    sentVersion: (entity: string, id: string) => sent.get(keyOf(entity, id)),
    heldVersion: (entity: string, id: string) => held.get(keyOf(entity, id)),
    aliasOf: (id: string) => aliases.get(id),
    usccHolder: (uscc: string) => usccHolders.get(uscc),
    /** A record written: its owner (when it had none), the version sent and held, the USCC it holds. */
    written(entity: string, id: string, version: number, owner: Owner | null, uscc: unknown): void {
      if (owner) owners.set(keyOf(entity, id), owner);
      noteSent(entity, id, version);
      held.set(keyOf(entity, id), version);
      if (entity === 'organization' && typeof uscc === 'string') usccHolders.set(uscc, id);
    },
    noteSent,
    /** The versions noted since the last call, to be written. */
    takeNotedVersions() {
      const rows = [...noted.values()];
      noted.clear();
      return rows;
    },
    aliased: (id: string, holder: string) => aliases.set(id, holder),
    /** Another server's batch took this record or USCC first: read them again. */
    forget(entity: string, id: string, uscc: unknown): void {
      owners.forget(keyOf(entity, id));
      if (typeof uscc === 'string') usccHolders.forget(uscc);
    },
  };
}
export type BatchLookups = Awaited<ReturnType<typeof batchLookups>>;
