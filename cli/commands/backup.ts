import type { Command } from 'commander';
import { backupStore, restoreStore } from '../../core/backup/backup';
import { createWriter } from '../../core/service/context';
import { openStore } from '../../core/store/store';
import { resolveDbPath } from '../../core/store/paths';
import { cliActor, globalOptions } from '../context';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('备份数据库（联机备份，程序运行中也可安全进行）')
    .requiredOption('--out <file>', '备份文件路径')
    .action(async (options: { out: string }, command: Command) => {
      const global = globalOptions(command);
      const store = openStore(resolveDbPath(global.db), { mustExist: true });
      try {
        const { file, bytes } = await backupStore(store, options.out);
        process.stdout.write(`已备份到 ${file}（${(bytes / 1024).toFixed(0)} KB）\n`);
      } finally {
        store.close();
      }
    });

  program
    .command('restore')
    .description('从备份恢复数据库（请先关闭程序；被替换的数据库会另存一份）')
    .argument('<file>', '备份文件')
    .action((file: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      const dbPath = resolveDbPath(global.db);
      const { keptAs } = restoreStore(file, dbPath);
      const store = openStore(dbPath, { mustExist: true });
      try {
        store.transaction((db) =>
          createWriter(db, cliActor(global), new Date().toISOString()).record({
            action: 'system.restore',
            entity: 'installation',
            entityId: null,
            detail: { from: file, replacedKeptAs: keptAs },
          }),
        );
      } finally {
        store.close();
      }
      process.stdout.write(`已从 ${file} 恢复。${keptAs ? `原数据库另存为 ${keptAs}` : ''}\n`);
    });
}
