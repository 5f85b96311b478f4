import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { verifyAuditChain } from '../../../core/audit/auditLog';

/** Every syncable table, the entity name its outbox rows carry, and its key column. */
const SYNCABLE: [table: string, entity: string, key: string][] = [
  ['organizations', 'organization', 'id'],
  ['patents', 'patent', 'number'],
  ['deals', 'deal', 'id'],
  ['payments', 'payment', 'id'],
  ['pledges', 'pledge', 'id'],
  ['product_registrations', 'registration', 'id'],
  ['enterprise_figures', 'enterprise_figure', 'id'],
  ['subsidies', 'subsidy', 'id'],
];

export interface StoreHealth {
  integrity: string;
  audit: ReturnType<typeof verifyAuditChain>;
  /** Records whose current version has no outbox row ("entity id v3"). */
  missingFromOutbox: string[];
  /** Outbox rows that point at a record (or a version) that is not in the store. */
  outboxWithoutRecord: string[];
  /** Syncable records with no audit row naming them. */
  unaudited: string[];
  /** Deals whose patents or payments are not all there (a deal cut in half). */
  halfWrittenDeals: string[];
}

/** Opens the store file as it lies on disk after a crash (SQLite replays its WAL) and checks every guarantee. */
export function storeHealth(dbPath: string): StoreHealth {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const missingFromOutbox: string[] = [];
    const outboxWithoutRecord: string[] = [];
    const unaudited: string[] = [];
    for (const [table, entity, key] of SYNCABLE) {
      const rows = db.prepare(`SELECT ${key} AS id, version FROM ${table}`).all() as { id: string; version: number }[];
      const versions = new Map(rows.map((r) => [r.id, r.version]));
      const outboxed = new Set(
        (
          db.prepare('SELECT entity_id AS id, version FROM outbox WHERE entity = ?').all(entity) as {
            id: string;
            version: number;
          }[]
        ).map((o) => {
          if (!versions.has(o.id) || o.version > versions.get(o.id)!)
            outboxWithoutRecord.push(`${entity} ${o.id} v${o.version}`);
          return `${o.id} v${o.version}`;
        }),
      );
      const audited = new Set(
        db.prepare('SELECT DISTINCT entity_id FROM audit_log WHERE entity = ?').pluck().all(entity) as string[],
      );
      for (const r of rows) {
        if (!outboxed.has(`${r.id} v${r.version}`)) missingFromOutbox.push(`${entity} ${r.id} v${r.version}`);
        if (!audited.has(r.id)) unaudited.push(`${entity} ${r.id}`);
      }
    }
    const halfWrittenDeals = db
      .prepare(
        `SELECT d.contract_no FROM deals d
         WHERE d.patent_count <> (SELECT count(*) FROM deal_patents p WHERE p.deal_id = d.id)`,
      )
      .pluck()
      .all() as string[];
    return {
      integrity,
      audit: verifyAuditChain(db),
      missingFromOutbox,
      outboxWithoutRecord,
      unaudited,
      halfWrittenDeals,
    };
  } finally {
    db.close();
  }
}

/** What a healthy store looks like: `expect(storeHealth(file)).toEqual(healthy())`. */
export function healthy() {
  return {
    integrity: 'ok',
    audit: { ok: true, rows: expect.any(Number) },
    missingFromOutbox: [],
    outboxWithoutRecord: [],
    unaudited: [],
    halfWrittenDeals: [],
  };
}
