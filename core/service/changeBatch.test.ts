import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/auditLog';
import { ROWS_PER_INSERT } from '../store/insertRows';
import { createWriter, type ChangeRecord, type Writer } from './context';

// The audit log and the outbox as migration 001 creates them (the columns a writer fills).
function bareStore(): Database.Database {
  const db = new Database(':memory:');
  db.exec(`
    CREATE TABLE audit_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor_id TEXT,
      actor_name TEXT NOT NULL, action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT,
      detail TEXT NOT NULL DEFAULT '{}', prev_hash TEXT NOT NULL, hash TEXT NOT NULL) STRICT;
    CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
      version INTEGER NOT NULL, op TEXT NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL, batch_id TEXT) STRICT;
  `);
  return db;
}

function change(n: number): ChangeRecord {
  const id = `deal-${n}`;
  return {
    action: 'deal.create',
    entity: 'deal',
    entityId: id,
    detail: { version: 1, values: { contract_no: `HT-${n}`, amount_fen: n * 100 } },
    // Every third change is audited only, as an audit-only record (a confirmed warning, say) is.
    outbox:
      n % 3 === 0
        ? undefined
        : { entity: 'deal', entityId: id, version: 1, op: 'upsert', payload: { id, contract_no: `HT-${n}` } },
  };
}

const refused = new Error('refused');

/** The same run of changes, savepoints and all; `batched` also batches, flushing at awkward places. */
function run(db: Database.Database, batched: boolean): void {
  db.transaction(() => {
    const w: Writer = createWriter(db, { id: 'u1', name: '管理员甲', role: '管理员' }, '2026-12-06T03:00:00.000Z');
    let n = 0;
    const record = (count: number) => {
      for (let i = 0; i < count; i++) w.record(change(n++));
    };
    /** A savepoint that records `before` rows, does `inside`, records `after` rows, and is undone. */
    const undone = (before: number, inside: () => void, after: number) =>
      expect(() =>
        w.savepoint(() => {
          record(before);
          inside();
          record(after);
          throw refused;
        }),
      ).toThrow(refused);
    record(3);
    const batch = batched ? w.batchChanges() : null;
    record(ROWS_PER_INSERT * 2 + 7);
    undone(2, () => {}, 0);
    w.savepoint(() => record(4));
    batch?.flush();
    record(1);
    // Undone after a flush inside it: the rows it flushed (held before it too) and those held after the flush go.
    undone(2, () => batch?.flush(), 2);
    record(ROWS_PER_INSERT);
    // The batch ends inside a savepoint that is undone: the rows held before it are written all the same.
    undone(1, () => batch?.end(), 1);
    record(2);
  })();
}

describe('a writer batching its audit and outbox rows', () => {
  it('writes the same rows, in the same order, with the same hash chain, as row by row', () => {
    const [rowByRow, batched] = [bareStore(), bareStore()];
    run(rowByRow, false);
    run(batched, true);
    for (const table of ['audit_log', 'outbox']) {
      const rowsOf = (db: Database.Database) => db.prepare(`SELECT * FROM ${table} ORDER BY seq`).all();
      expect(rowsOf(batched)).toEqual(rowsOf(rowByRow));
    }
    const audited = 3 + ROWS_PER_INSERT * 2 + 7 + 4 + 1 + ROWS_PER_INSERT + 2;
    expect(verifyAuditChain(batched)).toEqual({ ok: true, rows: audited });
    expect(batched.prepare('SELECT count(*) FROM outbox').pluck().get()).toBeGreaterThan(ROWS_PER_INSERT * 2);
  });
});
