import type { backupMethods } from '../../shared/contract/backup';
import type { HandlersOf } from '../service/context';
import { backupFolder, createManualBackup, listBackups } from './automatic';
import { readInstallation } from '../system/installation';
import { cancelRestore, inspectListedBackup, readPendingRestore, requestRestore } from './pendingRestore';

export const backupHandlers = {
  'backup.list': (_input, ctx) => ({
    folder: backupFolder(ctx.options.dataDir),
    backups: listBackups(ctx.options.dataDir),
    pendingRestore: readPendingRestore(ctx.options.dataDir),
  }),

  'backup.create': async (_input, ctx) => {
    const made = await createManualBackup(ctx.store, ctx.options.dataDir, ctx.now());
    ctx.write((w) =>
      w.record({ action: 'backup.create', entity: 'installation', entityId: null, detail: { name: made.name } }),
    );
    return made;
  },

  'backup.inspect': (input, ctx) =>
    inspectListedBackup(ctx.options.dataDir, input.name, readInstallation(ctx.store.db)),

  'backup.requestRestore': (input, ctx) => {
    const actor = ctx.requireActor();
    const request = requestRestore(
      ctx.options.dataDir,
      input.name,
      actor.name,
      ctx.now(),
      readInstallation(ctx.store.db),
    );
    ctx.write((w) =>
      w.record({
        action: 'backup.requestRestore',
        entity: 'installation',
        entityId: null,
        detail: { name: input.name },
      }),
    );
    return request;
  },

  'backup.cancelRestore': (_input, ctx) => {
    const pending = readPendingRestore(ctx.options.dataDir);
    cancelRestore(ctx.options.dataDir);
    if (pending)
      ctx.write((w) =>
        w.record({
          action: 'backup.cancelRestore',
          entity: 'installation',
          entityId: null,
          detail: { name: pending.name },
        }),
      );
    return {};
  },
} satisfies HandlersOf<typeof backupMethods>;
