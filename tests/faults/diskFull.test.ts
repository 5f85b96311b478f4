import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDailyBackup, backupFolder } from '../../core/backup/automatic';
import type { DeskService } from '../../core/service/dispatcher';
import { licenseDeal } from '../../core/filings/testing/sampleFilings';
import { dealRows, workbookOf } from '../../core/importing/fixtures/generateRows';
import { importBytes } from '../../core/importing/testing';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index';
import { tempDir } from '../testing/tempStore';
import { healthy, storeHealth } from '../crash/testing/consistency';
import { contractNumbers } from '../crash/testing/snapshot';
import { canMount, fillDisk, mountSmallDisk } from './testing/filesystems';
import { ADMIN, populatedStore } from './testing/stores';

// The disk fills up while the program runs. Where this process may mount, the store lives on a real 4 MiB tmpfs
// that is filled to the last byte; elsewhere (CI runs as an ordinary user) SQLite's own page limit stands in for the
// full disk — the same SQLITE_FULL path through the service, without the real filesystem.

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

interface FullDisk {
  dbPath: string;
  service: DeskService;
  dir: string;
  fill(): void;
  free(): void;
}

async function storeOnDiskAboutToFill(): Promise<FullDisk> {
  if (canMount()) {
    const disk = mountSmallDisk(4 * 1024);
    const { dbPath, service } = await populatedStore(disk.dir, 3);
    cleanups.push(() => {
      if (service.store.db.open) service.store.close();
      disk.unmount();
    });
    const filler = path.join(disk.dir, 'filler.bin');
    return { dbPath, service, dir: disk.dir, fill: () => void fillDisk(filler), free: () => fs.rmSync(filler) };
  }
  const { dir, cleanup } = tempDir('desk-full-');
  const { dbPath, service } = await populatedStore(dir, 3);
  cleanups.push(() => {
    if (service.store.db.open) service.store.close();
    cleanup();
  });
  return {
    dbPath,
    service,
    dir,
    fill: () =>
      void service.store.db.pragma(
        `max_page_count = ${service.store.db.pragma('page_count', { simple: true }) as number}`,
      ),
    free: () => void service.store.db.pragma('max_page_count = 1073741823'),
  };
}

/** Saves deals until one is refused; the refusal the user sees. */
async function saveUntilRefused(
  service: DeskService,
): Promise<{ saved: string[]; refusal: { code: string; message: string } }> {
  const saved: string[] = [];
  for (let i = 0; i < 2000; i++) {
    const contractNo = `HT-FULL-${i}`;
    const result = await service.call('deals.create', licenseDeal({ contractNo }), { actor: ADMIN });
    if (!result.ok) return { saved, refusal: result.error };
    saved.push(contractNo);
  }
  throw new Error('the disk never filled up');
}

describe('a full disk', () => {
  it('refuses the save with a Chinese message, keeps everything saved before, and writes nothing half', async () => {
    const disk = await storeOnDiskAboutToFill();
    disk.fill();
    const { saved, refusal } = await saveUntilRefused(disk.service);
    expect(refusal.code).toBe('DISK_FULL');
    expect(refusal.message).toBe('磁盘空间已满，本次操作未保存。请清理磁盘空间后重试，已保存的数据不受影响。');

    disk.free();
    const refusedNo = `HT-FULL-${saved.length}`;
    expect(contractNumbers(disk.dbPath)).not.toContain(refusedNo);
    expect(contractNumbers(disk.dbPath)).toEqual(expect.arrayContaining(saved));
    expect(storeHealth(disk.dbPath)).toEqual(healthy());

    // Once there is space again, the same save goes through.
    const retry = await disk.service.call('deals.create', licenseDeal({ contractNo: refusedNo }), { actor: ADMIN });
    expect(retry.ok).toBe(true);
  });

  it('a daily backup that does not fit fails without leaving a half file behind', async () => {
    const disk = await storeOnDiskAboutToFill();
    if (!canMount()) {
      // Without a real filesystem to fill, the backup folder is made a file so the copy cannot be written.
      fs.writeFileSync(backupFolder(disk.dir), 'not a folder');
    } else {
      disk.fill();
    }
    await expect(runDailyBackup(disk.service.store, disk.dir, new Date('2026-11-27T09:00:00'))).rejects.toThrow();
    const left = fs.statSync(backupFolder(disk.dir)).isDirectory() ? fs.readdirSync(backupFolder(disk.dir)) : [];
    expect(left).toEqual([]);
    disk.free();
    expect(storeHealth(disk.dbPath)).toEqual(healthy());
  });

  it('an import that does not fit says in Chinese that the disk is full, writes nothing, and logs no stack trace', async () => {
    const disk = await storeOnDiskAboutToFill();
    const before = contractNumbers(disk.dbPath);
    const call = async <K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> => {
      const result = await disk.service.call(method, input, { actor: ADMIN });
      if (!result.ok) throw new Error(result.error.message);
      return result.value as MethodOutput<K>;
    };
    const stackTraces = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      disk.fill();
      const job = await importBytes(call, await workbookOf({ 交易: dealRows(200, 1, 'FULL') }));
      expect(job.state).toBe('失败');
      expect(job.error).toBe('磁盘空间已满，本次操作未保存。请清理磁盘空间后重试，已保存的数据不受影响。');
      expect(stackTraces).not.toHaveBeenCalled();
    } finally {
      stackTraces.mockRestore();
      disk.free();
    }
    expect(contractNumbers(disk.dbPath)).toEqual(before);
    expect(storeHealth(disk.dbPath)).toEqual(healthy());
  });
});
