import { z } from 'zod';
import { method } from './define';

export const BACKUP_KINDS = ['每日自动', '升级前自动', '手动'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const backupEntry = z.object({
  /** The file name inside the backup folder; also the backup's identifier. */
  name: z.string(),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type BackupEntry = z.infer<typeof backupEntry>;

export const pendingRestore = z.object({ name: z.string(), requestedAt: z.string(), requestedBy: z.string() });
export type PendingRestore = z.infer<typeof pendingRestore>;

export const backupOverview = z.object({
  /** Where the backups are kept, for the administrator who copies them to other media. */
  folder: z.string(),
  backups: z.array(backupEntry),
  /** A restore that will be carried out the next time the program starts. */
  pendingRestore: pendingRestore.nullable(),
});

/** What a backup holds, read from the file itself before it is offered for restore (设置 and `patent-desk restore`). */
export const backupFacts = z.object({
  /** The backup's file name (设置) or path (CLI). */
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  /** When the file was written (its modification time). */
  createdAt: z.string(),
  /** The newest audit row in it: the data is as of then. */
  lastChangeAt: z.string().nullable(),
  installationId: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  schemaVersion: z.number().int(),
  /** Records per kind, voided ones not counted; a kind the backup's version did not have yet is left out. */
  counts: z.array(z.object({ kind: z.string(), count: z.number().int().nonnegative() })),
  /** Whose it is, when it is not this installation's: a restore of it is refused (the message says why). */
  otherStore: z.string().nullable(),
});
export type BackupFacts = z.infer<typeof backupFacts>;

/** Backups and restore (设置 → 备份与恢复). Automatic backups: daily (7 daily + 4 weekly kept) and before upgrades. */
export const backupMethods = {
  'backup.list': method({ access: 'admin', input: z.object({}), output: backupOverview }),
  'backup.create': method({ access: 'admin', input: z.object({}), output: backupEntry }),
  /** Reads a listed backup (read-only) so that the restore confirmation can show what it holds and whose it is. */
  'backup.inspect': method({
    access: 'admin',
    input: z.object({ name: z.string().min(1, '请选择要恢复的备份') }),
    output: backupFacts,
  }),
  /** Schedules a restore from a listed backup for the next start; the current store is kept beside it. */
  'backup.requestRestore': method({
    access: 'admin',
    input: z.object({ name: z.string().min(1, '请选择要恢复的备份') }),
    output: pendingRestore,
  }),
  'backup.cancelRestore': method({ access: 'admin', input: z.object({}), output: z.object({}) }),
};
