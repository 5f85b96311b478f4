import type Database from 'better-sqlite3';
import type { Role } from '../../shared/contract/users';
import type { Contract, MethodName, MethodOutput, ParsedInput } from '../../shared/contract/index';
import type { MethodSpec } from '../../shared/contract/define';
import type { z } from 'zod';
import { AUDIT_COLUMNS, auditRowValues, lastAuditHash, type AuditEntry } from '../audit/auditLog';
import { OUTBOX_COLUMNS, outboxRowValues, type OutboxEntry } from '../outbox/outbox';
import { insertRows } from '../store/insertRows';
import type { Store } from '../store/store';
import type { LoginThrottle } from '../auth/loginThrottle';
import type { KeyVault } from '../sync/keyVault';
import { DeskError } from './errors';
import type { ProvinceDb } from '../province/store/provinceDb';
import type { ReadPlan, SqlDialect } from '../store/readPlan';
import type { ProvinceWriter } from '../province/store/provinceWriter';

/** Who acts. The CLI acts as a named administrator without a user row (id null). */
export interface Actor {
  id: string | null;
  name: string;
  role: Role;
}

export interface ServiceOptions {
  appVersion: string;
  /** Folder beside the store for attachments and automatic backups. */
  dataDir: string;
  /** The clock; tests move it. */
  now?: () => Date;
  /** Where the private signing key is kept: a 0600 file beside the store, sealed by the OS in the desktop app. */
  keyVault: KeyVault;
  /** The one region the first-run setup may choose (the province's workbench is set up for 140000 only). */
  setupRegion?: string;
}

export interface ChangeRecord {
  action: string;
  entity: string;
  entityId: string | null;
  detail?: Record<string, unknown>;
  /** Set for syncable records: the outbox row that carries this version to the province. */
  outbox?: OutboxEntry;
}

/** The audit log's entry for a change made by `actor` at `at` (the province's own appender uses it too). */
export function auditEntry(actor: Actor, at: string, change: ChangeRecord): AuditEntry {
  return {
    at,
    actorId: actor.id,
    actorName: actor.name,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    detail: change.detail ?? {},
  };
}

/** What a write sees inside its transaction. */
export interface Writer {
  db: Database.Database;
  /** ISO timestamp of this transaction. */
  at: string;
  /** Appends to the audit log (and the outbox) in this same transaction. */
  record(change: ChangeRecord): void;
  /**
   * Runs fn in a savepoint: if it throws, its writes are undone and the transaction goes on. Use this, not a nested
   * db.transaction, so that the writer's audit chain forgets the undone rows too.
   */
  savepoint<T>(fn: () => T): T;
  /**
   * From now on the audit and outbox rows this writer records are hashed and serialized as they are recorded, in the
   * same order and with the same hashes, but held in memory and inserted many rows per statement by `flush`: for a
   * long run of writes in one transaction (an import). Flush before anything in the transaction reads `audit_log` or
   * `outbox`, or awaits (other calls may read on the same connection), and `end` before the transaction commits.
   */
  batchChanges(): ChangeBatch;
}

export interface ChangeBatch {
  /** Inserts the rows held so far. */
  flush(): void;
  /** Flushes, and records row by row again. */
  end(): void;
}

export interface ServiceContext {
  store: Store;
  options: ServiceOptions;
  actor: Actor | null;
  sessionKey: string;
  /** Where the call comes from (a browser's address, a desktop window), for slowing down guessed logins. */
  client: string;
  /** Binds a user to this caller (login: a new session key where the transport can carry one) or signs out. */
  setSessionUser(userId: string | null): Promise<void>;
  loginThrottle: LoginThrottle;
  now(): Date;
  /** The signed-in actor; throws 未登录 otherwise. */
  requireActor(): Actor;
  /** Runs fn in one transaction; every change it records is audited as the acting user. */
  write<T>(fn: (w: Writer) => T): T;
  /** The same in one transaction that fn may keep open across awaits (see Store.transactionInSteps). */
  writeInSteps<T>(fn: (w: Writer) => Promise<T>): Promise<T>;
  /**
   * The store through the province's asynchronous interface (core/province/store/provinceDb.ts): the province's pages
   * read and write through it, so that one code serves its SQLite file and a data centre's PostgreSQL.
   */
  readonly province: ProvinceDb;
  /**
   * Runs a read written once for both stores (core/store/readPlan.ts): on the desk's SQLite store at once, on the
   * province's PostgreSQL database through its pool.
   */
  read<T>(plan: (dialect: SqlDialect) => ReadPlan<T>): T | Promise<T>;
  /** Runs fn in one transaction of `province`; every change it records is audited as the acting user. */
  writeProvince<T>(fn: (w: ProvinceWriter) => Promise<T>): Promise<T>;
}

/** The audit and outbox rows a batch holds, as values in AUDIT_COLUMNS / OUTBOX_COLUMNS order. */
interface HeldRows {
  audit: unknown[][];
  outbox: unknown[][];
}

export function createWriter(db: Database.Database, actor: Actor, at: string): Writer {
  // The audit chain's last hash in this transaction: read from the store once, then kept, not read again per row.
  let chainHead: string | undefined;
  let held: HeldRows | null = null;
  const inSavepoint = db.transaction((fn: () => unknown) => fn());
  const insertHeld = (rows: HeldRows) => {
    insertRows(db, 'audit_log', AUDIT_COLUMNS, rows.audit);
    insertRows(db, 'outbox', OUTBOX_COLUMNS, rows.outbox);
  };
  // A flush starts a new `held` and leaves the arrays it wrote as they were (a savepoint may need them again).
  const flush = () => {
    if (!held) return;
    insertHeld(held);
    held = { audit: [], outbox: [] };
  };
  return {
    db,
    at,
    savepoint<T>(fn: () => T): T {
      const headBefore = chainHead;
      const heldBefore = held;
      const lengths = held && { audit: held.audit.length, outbox: held.outbox.length };
      try {
        return inSavepoint(fn) as T;
      } catch (error) {
        chainHead = headBefore;
        // The rows recorded inside the savepoint go with its writes; those held before it stay held. If a flush inside
        // it wrote them, undoing the savepoint took them out of the store again: they are held again, or written now
        // if the batch ended inside it.
        const before = heldBefore &&
          lengths && {
            audit: heldBefore.audit.slice(0, lengths.audit),
            outbox: heldBefore.outbox.slice(0, lengths.outbox),
          };
        if (held) held = before ?? { audit: [], outbox: [] };
        else if (before) insertHeld(before);
        throw error;
      }
    },
    record(change) {
      const audit = auditRowValues(auditEntry(actor, at, change), chainHead ?? lastAuditHash(db));
      chainHead = audit.hash;
      const rows = { audit: [audit.values], outbox: change.outbox ? [outboxRowValues(change.outbox, at)] : [] };
      if (!held) return insertHeld(rows);
      held.audit.push(...rows.audit);
      held.outbox.push(...rows.outbox);
    },
    batchChanges() {
      held ??= { audit: [], outbox: [] };
      return {
        flush,
        end() {
          flush();
          held = null;
        },
      };
    },
  };
}

export function requireActorOf(actor: Actor | null): Actor {
  if (!actor) throw new DeskError('UNAUTHENTICATED', '请先登录');
  return actor;
}

export type Handler<K extends MethodName> = (
  input: ParsedInput<K>,
  ctx: ServiceContext,
) => MethodOutput<K> | Promise<MethodOutput<K>>;

/** The handlers of one capability's methods, typed from its part of the contract. */
export type HandlersOf<M extends Record<string, MethodSpec>> = {
  [K in keyof M]: (
    input: z.output<M[K]['input']>,
    ctx: ServiceContext,
  ) => z.output<M[K]['output']> | Promise<z.output<M[K]['output']>>;
};

export type Handlers = { [K in MethodName]: Handler<K> };
export type { Contract };
