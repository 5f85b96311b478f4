import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../service/errors';
import { emptyPrivateFile, ensureDir, privateDir, privateFiles, storeFiles } from './fileModes';
import { assertNotFromTheFuture, migrate } from './migrate';
import { defaultDataDir } from './paths';

/** Read-only queries. Services read through this; only writers get the read-write handle. */
export type ReadHandle = Pick<Database.Database, 'prepare' | 'pragma'>;

export interface Store {
  readonly path: string;
  /** The read-write connection; use it only inside `transaction`. */
  readonly db: Database.Database;
  /** Runs `fn` in one IMMEDIATE transaction: all of it is committed, or none of it. */
  transaction<T>(fn: (db: Database.Database) => T): T;
  /**
   * One IMMEDIATE transaction that `fn` may keep open across awaits (a long import reports progress and can be
   * cancelled between its steps); rolled back if fn throws. While it is open every other write on this connection is
   * refused, so that nothing joins it by accident and is undone with it.
   */
  transactionInSteps<T>(fn: (db: Database.Database) => Promise<T>): Promise<T>;
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
  let db: Database.Database | undefined;
  try {
    if (exists) assertWholeFile(file);
    else {
      ensureDir(path.dirname(file));
      emptyPrivateFile(file);
    }
    // The user-data folder is ours: an install from before it was made private is tightened too. A folder named by
    // --db is the user's own and keeps its rights; the files in it are private either way.
    if (path.resolve(path.dirname(file)) === path.resolve(defaultDataDir())) privateDir(path.dirname(file));
    privateFiles(...storeFiles(file));
    db = new Database(file);
    // Check the version before any pragma that could write (journal_mode = WAL rewrites the header).
    assertNotFromTheFuture(db);
    applyPragmas(db);
    const from = db.pragma('user_version', { simple: true }) as number;
    // Reading the whole schema touches the pages a damaged file most often loses.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (options.beforeMigrate && exists) options.beforeMigrate(db, from);
    migrate(db);
  } catch (error) {
    db?.close();
    // A store this call began and could not finish is not left behind as an empty file (it would read as damaged).
    if (!exists && fs.existsSync(file) && fs.statSync(file).size === 0) fs.rmSync(file, { force: true });
    if (error instanceof DeskError) throw error;
    throw storeOpenError(file, error);
  }
  const open = db;
  let stepping = false;
  const busy = () =>
    new DeskError('BUSY', '正在导入文件，导入结束前不能保存其他修改。请等导入完成（或取消导入）后再试。');
  return {
    path: file,
    db: open,
    transaction: (fn) => {
      if (stepping) throw busy();
      return open.transaction(() => fn(open)).immediate();
    },
    async transactionInSteps(fn) {
      if (stepping || open.inTransaction) throw busy();
      open.exec('BEGIN IMMEDIATE');
      stepping = true;
      try {
        const result = await fn(open);
        open.exec('COMMIT');
        return result;
      } catch (error) {
        if (open.inTransaction) open.exec('ROLLBACK');
        throw error;
      } finally {
        stepping = false;
      }
    },
    close: () => open.close(),
  };
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Refuses a file that has visibly lost its end (a copy cut short, a disk that filled up): empty, or shorter than the
 * page count its own header states. SQLite would open such a file and fail later, or treat an empty one as a new
 * store. After a crash the WAL still holds the latest pages, so a file with a WAL beside it is left to SQLite.
 */
function assertWholeFile(file: string): void {
  const size = fs.statSync(file).size;
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) return;
  if (size === 0) throw damaged(file);
  if (size < 100) return; // not a database at all: SQLite says so (SQLITE_NOTADB)
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== SQLITE_MAGIC) return;
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  // The stated page count is valid only when the header says so (the change counter matches "version valid for").
  const countValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  if (countValid && pages * pageSize > size) throw damaged(file);
}

function damaged(file: string): DeskError {
  return new DeskError(
    'STORE_CORRUPT',
    `数据库文件已损坏或不是本程序的数据库（可能不完整）：${file}。为保护数据，本程序没有改动它。请从备份恢复，或联系管理员。`,
  );
}

function storeOpenError(file: string, error: unknown): DeskError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return damaged(file);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC') {
    return new DeskError(
      'DISK_FULL',
      `磁盘空间已满，无法打开或写入数据库：${file}。已保存的数据未被改动。请清理该磁盘（删除不需要的文件、清空回收站）后重新启动程序。`,
    );
  }
  if (
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY') ||
    ['EACCES', 'EPERM', 'EROFS', 'ENOENT'].includes(code)
  ) {
    return new DeskError(
      'STORE_UNAVAILABLE',
      `无法打开或写入数据库：${file}。所在文件夹 ${path.dirname(file)} 不存在、只读或没有写入权限。数据未被改动。请让管理员为该文件夹开放写入权限（或把数据库移到可写的位置）后重新启动程序。`,
    );
  }
  return new DeskError(
    'STORE_OPEN_FAILED',
    `打开数据库失败：${(error as Error).message}。数据未被改动，请联系管理员。`,
  );
}
