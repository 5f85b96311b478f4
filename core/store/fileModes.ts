/**
 * What the desk keeps on disk is for this user alone (DESIGN: secrets at rest): the store, its -wal/-shm, backups and
 * the key file are 0600, the data and backup folders 0700. Windows keeps the user's profile private by its ACLs, and
 * its chmod knows only read-only, so nothing is changed there.
 */
import fs from 'node:fs';

const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;
const POSIX = process.platform !== 'win32';

/** Makes the folder (and missing parents) 0700, and tightens it if it exists with wider rights. */
export function privateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (POSIX) fs.chmodSync(dir, PRIVATE_DIR);
}

/** Creates the folder (and missing parents) 0700 where it does not exist; an existing folder is left as it is. */
export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
}

/** Tightens each file that exists to 0600. A file of another owner (a store shared by an administrator) stays as it is. */
export function privateFiles(...files: string[]): void {
  if (!POSIX) return;
  for (const file of files) {
    try {
      fs.chmodSync(file, PRIVATE_FILE);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EPERM') throw error;
    }
  }
}

/**
 * Creates an empty file 0600 (replacing any leftover of that name) for SQLite to write into: a file SQLite creates
 * itself gets the umask's 0644 and would be readable by all until the chmod after it. SQLite takes an empty file for
 * a new database, and gives the -wal/-shm it makes beside a file that file's mode.
 */
export function emptyPrivateFile(file: string): void {
  fs.rmSync(file, { force: true });
  fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE));
  privateFiles(file);
}

/** Writes a whole file 0600 through a temporary name, so it is never seen half written nor readable by others. */
export function writePrivateFile(file: string, content: string): void {
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const fd = fs.openSync(partial, 'wx', PRIVATE_FILE);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  privateFiles(partial);
  fs.renameSync(partial, file);
}

/** The store's own files: the database and the -wal/-shm SQLite keeps beside it. */
export function storeFiles(dbPath: string): string[] {
  return [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`];
}
