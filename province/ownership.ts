import { regionText } from '../shared/domain/regions';
import type { SyncEntityName } from '../shared/sync/records';
import type { ProvinceSql } from '../core/province/store/provinceDb';
import type { BatchLookups } from './batchLookups';

/** The enrolled installation a batch came from: its key and the region the key is enrolled for. */
export interface Sender {
  region: string;
  keyFingerprint: string;
}

/** Who may change a record: the region that first sent it; the key is null for a record held from before owners were kept. */
export interface Owner {
  region: string;
  keyFingerprint: string | null;
}

/** Many regions report the same patent or enterprise: another region's description is kept as its claim, never written over the original. */
export const SHARED_ENTITIES: ReadonlySet<SyncEntityName> = new Set(['patent', 'organization']);

/** The reason given to another region's change of a record: whose it is and what the caseworker should check. */
export function notOwnerReason(owner: Owner, viaDeal: boolean): string {
  const whose = regionText(owner.region);
  const what = viaDeal ? `它所属的交易由${whose}报送` : `这条记录由${whose}最先报送`;
  return `${what}，只有${whose}可以修改，省级未采用本次内容；请核对本机是否录入或导入了其他地区的数据`;
}

/**
 * The province's book of who owns each record (migration 15) and which version each installation last sent, read
 * through the batch's lookups. Versions are counted per installation: an installation's record is new when it is
 * later than what that same installation sent before. So a version another region forged is never counted at all (it
 * is refused before this), and a high number from one installation of the owner region never makes another's later
 * edit look old.
 */
/** Four parameters a row: well within SQLite's and PostgreSQL's limits on a statement's parameters. */
const VERSION_ROWS_PER_STATEMENT = 500;

export function createOwnership(db: ProvinceSql, lookups: BatchLookups, sender: Sender) {
  return {
    ownerOf: (entity: SyncEntityName, id: string): Promise<Owner | null> => lookups.owner(entity, id),
    /**
     * The version at or below which the sender's record is a duplicate: the latest it sent; for a record held from
     * before versions were counted per installation (its owner has no key), the version the province holds.
     */
    async duplicateUpTo(
      entity: SyncEntityName,
      id: string,
      recordOwner: Owner | null,
      heldVersion: number | null,
    ): Promise<number> {
      const own = await lookups.sentVersion(entity, id);
      if (own !== null) return own;
      return recordOwner?.keyFingerprint ? 0 : (heldVersion ?? 0);
    },
    /** The latest version the sender sent of a record (0 if none): what its claim on another region's record counts from. */
    sentBefore: async (entity: SyncEntityName, id: string): Promise<number> =>
      (await lookups.sentVersion(entity, id)) ?? 0,
    /** Notes a version taken from the sender; written with the batch's others by `writeVersions`. */
    noteSent: (entity: SyncEntityName, id: string, version: number): void => lookups.noteSent(entity, id, version),
    /** Writes the versions noted, many rows per statement (one statement per record is a round trip each). */
    async writeVersions(): Promise<void> {
      const rows = lookups.takeNotedVersions();
      for (let i = 0; i < rows.length; i += VERSION_ROWS_PER_STATEMENT) {
        const chunk = rows.slice(i, i + VERSION_ROWS_PER_STATEMENT);
        await db.run(
          `INSERT INTO province_record_versions (entity, record_id, key_fingerprint, version)
           VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}
           ON CONFLICT (entity, record_id, key_fingerprint) DO UPDATE SET version = excluded.version
           WHERE province_record_versions.version < excluded.version`,
          chunk.flatMap((r) => [r.entity, r.id, sender.keyFingerprint, r.version]),
        );
      }
    },
  };
}
