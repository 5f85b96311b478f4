import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PendingRestore } from '../../shared/contract/backup';
import { DeskError } from '../service/errors';
import { backupFolder, backupPath } from './automatic';
import type { Installation } from '../system/installation';
import { restoreStore } from './backup';
import { readBackupFacts, refuseOtherStore } from './facts';

// A running store cannot be swapped under its own connection, so a restore asked for in 设置 is carried out the next
// time the store is opened, before anything reads it. The request is a small file beside the backups.

const pendingSchema = z.object({ name: z.string(), requestedAt: z.string(), requestedBy: z.string() });

function requestFile(dataDir: string): string {
  return path.join(backupFolder(dataDir), 'restore-pending.json');
}

export function readPendingRestore(dataDir: string): PendingRestore | null {
  const file = requestFile(dataDir);
  if (!fs.existsSync(file)) return null;
  const parsed = pendingSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : null;
}

/** A listed backup's facts (read-only); a name that is not a listed backup is refused (a name is never a path). */
export function inspectListedBackup(dataDir: string, name: string, current: Installation | null) {
  const file = backupPath(dataDir, name);
  if (!file) throw new DeskError('NOT_FOUND', `找不到备份“${name}”，请刷新列表后重试`, { field: 'name' });
  return readBackupFacts(file, name, current);
}

/**
 * Checks the backup now (so a damaged one, or another installation's, is refused at once) and schedules it for the
 * next start.
 */
export function requestRestore(
  dataDir: string,
  name: string,
  requestedBy: string,
  now: Date,
  current: Installation | null,
): PendingRestore {
  refuseOtherStore(inspectListedBackup(dataDir, name, current), '请在它所属的工作台上恢复。');
  const request = { name, requestedAt: now.toISOString(), requestedBy };
  fs.writeFileSync(requestFile(dataDir), JSON.stringify(request));
  return request;
}

export function cancelRestore(dataDir: string): void {
  fs.rmSync(requestFile(dataDir), { force: true });
}

export interface AppliedRestore extends PendingRestore {
  keptAs: string | null;
}

/**
 * Carries out a scheduled restore, if any: the current store is kept beside itself and the backup takes its place.
 * Runs before the store is opened. A backup that has gone bad meanwhile is refused and the store is left as it is.
 */
export function applyPendingRestore(dbPath: string, dataDir: string, now: Date): AppliedRestore | null {
  const request = readPendingRestore(dataDir);
  if (!request) return null;
  const file = backupPath(dataDir, request.name);
  cancelRestore(dataDir);
  if (!file)
    throw new DeskError(
      'BACKUP_MISSING',
      `计划恢复的备份“${request.name}”已不在备份文件夹中，未进行恢复，当前数据未被改动。`,
    );
  const { keptAs } = restoreStore(file, dbPath, now);
  return { ...request, keptAs };
}
