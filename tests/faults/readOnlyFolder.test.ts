import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempStore';
import { canMount, mountSmallDisk } from './testing/filesystems';
import { closedStore, fingerprint, openFailure } from './testing/stores';

// The store's folder cannot be written (a locked-down profile, a drive mounted read-only): a Chinese message that
// names the folder and says what to do, and the store file is left as it was.

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A folder holding a closed store, then made read-only: a read-only tmpfs as root (root ignores chmod), else chmod. */
async function storeInReadOnlyFolder(): Promise<{ dir: string; dbPath: string }> {
  if (canMount()) {
    const disk = mountSmallDisk(8 * 1024);
    cleanups.push(disk.unmount);
    const dbPath = await closedStore(disk.dir);
    disk.makeReadOnly();
    return { dir: disk.dir, dbPath };
  }
  const { dir, cleanup } = tempDir('desk-readonly-');
  cleanups.push(() => {
    fs.chmodSync(dir, 0o755);
    cleanup();
  });
  const dbPath = await closedStore(dir);
  fs.chmodSync(dbPath, 0o444);
  fs.chmodSync(dir, 0o555);
  return { dir, dbPath };
}

describe('a store in a read-only folder', () => {
  it('is refused with a message naming the folder and the fix, and is left as it was', async () => {
    const { dir, dbPath } = await storeInReadOnlyFolder();
    const before = fingerprint(dbPath);

    const failure = openFailure(dbPath);
    expect(failure.code).toBe('STORE_UNAVAILABLE');
    expect(failure.message).toContain(`所在文件夹 ${dir} 不存在、只读或没有写入权限`);
    expect(failure.message).toContain('数据未被改动');
    expect(failure.message).toContain('开放写入权限');
    expect(fingerprint(dbPath)).toBe(before);
  });

  it('a new store cannot be created there either, and says why', async () => {
    const { dir } = await storeInReadOnlyFolder();
    const failure = openFailure(path.join(dir, 'sub', 'new.db'));
    expect(failure.code).toBe('STORE_UNAVAILABLE');
    expect(failure.message).toContain('只读或没有写入权限');
  });
});
