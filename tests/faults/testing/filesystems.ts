import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Real filesystem faults need a real filesystem: a small tmpfs mounted for the test when this process may mount
// (root, as in the development container), otherwise what an ordinary user can do (chmod; SQLite's page limit).

let mountable: boolean | undefined;

/** Whether this process can mount a tmpfs (root with CAP_SYS_ADMIN). */
export function canMount(): boolean {
  if (mountable !== undefined) return mountable;
  if (process.getuid?.() !== 0) return (mountable = false);
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    mountable = true;
  } catch {
    mountable = false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
  return mountable;
}

export interface SmallDisk {
  dir: string;
  /** Remounts the filesystem read-only (the folder of a store on a locked-down or failing drive). */
  makeReadOnly(): void;
  unmount(): void;
}

/** A tmpfs of the given size in KiB, mounted on a fresh folder. */
export function mountSmallDisk(sizeKb: number): SmallDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
  return {
    dir,
    makeReadOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir]),
    unmount: () => {
      execFileSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes zeros into `file` until the filesystem has no space left; returns how many bytes fitted. */
export function fillDisk(file: string): number {
  const chunk = Buffer.alloc(4096);
  const fd = fs.openSync(file, 'w');
  let written = 0;
  try {
    for (;;) written += fs.writeSync(fd, chunk); // a short write near the end, then ENOSPC
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  return written;
}
