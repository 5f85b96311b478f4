import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../service/errors';
import { assertNotFromTheFuture, migrate } from './migrate';

/** Read-only queries. Services read through this; only writers get the read-write handle. */
export type ReadHandle = Pick<Database.Database, 'prepare' | 'pragma'>;

export interface Store {
  readonly path: string;
  /** The read-write connection; use it only inside `transaction`. */
  readonly db: Database.Database;
  /** Runs `fn` in one IMMEDIATE transaction: all of it is committed, or none of it. */
  transaction<T>(fn: (db: Database.Database) => T): T;
  close(): void;
}

export interface OpenOptions {
  /** Open an existing store only; never create one. */
  mustExist?: boolean;
  /** Called before pending migrations run (the automatic pre-migration backup hooks in here). */
  beforeMigrate?: (db: Database.Database, fromVersion: number) => void;
}

function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Opens (or creates) the store at `file`, refusing a newer schema, and brings it up to date. */
export function openStore(file: string, options: OpenOptions = {}): Store {
  const exists = fs.existsSync(file);
  if (!exists && options.mustExist) {
    throw new DeskError('STORE_MISSING', `找不到数据库文件：${file}。请检查路径，或先运行 patent-desk init 新建。`);
  }
  if (!exists) fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file);
    // Check the version before any pragma that could write (journal_mode = WAL rewrites the header).
    assertNotFromTheFuture(db);
    applyPragmas(db);
    const from = db.pragma('user_version', { simple: true }) as number;
    if (options.beforeMigrate && exists) options.beforeMigrate(db, from);
    migrate(db);
  } catch (error) {
    if (error instanceof DeskError) throw error;
    throw storeOpenError(file, error);
  }
  return {
    path: file,
    db,
    transaction: (fn) => db.transaction(() => fn(db)).immediate(),
    close: () => db.close(),
  };
}

function storeOpenError(file: string, error: unknown): DeskError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new DeskError('STORE_CORRUPT', `数据库文件已损坏或不是本程序的数据库：${file}。请在“设置 → 备份与恢复”中从备份恢复，或联系管理员。原文件未被改动。`);
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'EACCES') {
    return new DeskError('STORE_UNAVAILABLE', `无法打开数据库文件：${file}。请检查文件夹是否存在、是否有写入权限。`);
  }
  if (code === 'SQLITE_FULL') {
    return new DeskError('DISK_FULL', '磁盘空间已满，无法写入数据库。请清理磁盘空间后重试，已保存的数据不受影响。');
  }
  return new DeskError('STORE_OPEN_FAILED', `打开数据库失败：${(error as Error).message}`);
}
