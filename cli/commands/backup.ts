import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { backupFolder, createManualBackup } from '../../core/backup/automatic';
import { backupStore, restoreStore } from '../../core/backup/backup';
import { installationOfStoreFile, readBackupFacts, refuseOtherStore } from '../../core/backup/facts';
import { manualName } from '../../core/backup/naming';
import { createWriter } from '../../core/service/context';
import { openStore, type Store } from '../../core/store/store';
import { resolveDbPath } from '../../core/store/paths';
import { readInstallation } from '../../core/system/installation';
import { cliActor, globalOptions } from '../context';
import { printOut } from '../terminal';
import { describeBackup } from './backupFacts';

/** Where `backup` writes: the store's own backup folder (listed in 设置), a file named by the store in a given folder, or the given file. */
async function makeBackup(store: Store, dbPath: string, out: string | undefined): Promise<string> {
  if (out === undefined) {
    const made = await createManualBackup(store, path.dirname(dbPath), new Date());
    return path.join(backupFolder(path.dirname(dbPath)), made.name);
  }
  const target =
    fs.existsSync(out) && fs.statSync(out).isDirectory()
      ? path.join(out, manualName(out, readInstallation(store.db), new Date()))
      : out;
  return (await backupStore(store, target)).file;
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('备份数据库（联机备份，程序运行中也可安全进行）')
    .option(
      '--out <file>',
      '备份文件路径，或一个文件夹（文件按本工作台的地区命名）；不给时存入备份文件夹，在“设置 → 备份与恢复”中列出',
    )
    .action(async (options: { out?: string }, command: Command) => {
      const global = globalOptions(command);
      const dbPath = resolveDbPath(global.db);
      const store = openStore(dbPath, { mustExist: true });
      try {
        const file = await makeBackup(store, dbPath, options.out);
        printOut(`已备份。\n${describeBackup(readBackupFacts(file, file, readInstallation(store.db)))}\n`);
      } finally {
        store.close();
      }
    });

  program
    .command('restore')
    .description('从备份恢复数据库（请先关闭程序；被替换的数据库会另存一份）')
    .argument('<file>', '备份文件')
    .option('--dry-run', '只显示备份的内容和归属，不恢复')
    .option('--other-store', '确认用另一个工作台的备份替换本工作台的数据（记入审计日志）')
    .action((file: string, options: { dryRun?: boolean; otherStore?: boolean }, command: Command) => {
      const global = globalOptions(command);
      const dbPath = resolveDbPath(global.db);
      const facts = readBackupFacts(file, file, installationOfStoreFile(dbPath));
      printOut(`${describeBackup(facts)}\n`);
      if (!options.otherStore)
        refuseOtherStore(facts, '如确需用它替换本工作台的数据，请加 --other-store 重新运行（会记入审计日志）。');
      if (options.dryRun) {
        printOut(`${facts.otherStore ?? '这是本工作台的备份，可以恢复。'}（试运行，未做任何改动）\n`);
        return;
      }
      const { keptAs } = restoreStore(file, dbPath);
      const store = openStore(dbPath, { mustExist: true });
      try {
        store.transaction((db) =>
          createWriter(db, cliActor(global), new Date().toISOString()).record({
            action: 'system.restore',
            entity: 'installation',
            entityId: null,
            detail: {
              from: file,
              replacedKeptAs: keptAs,
              ...(facts.otherStore ? { otherStoreAccepted: facts.otherStore } : {}),
            },
          }),
        );
      } finally {
        store.close();
      }
      printOut(`已从 ${file} 恢复。${keptAs ? `原数据库另存为 ${keptAs}` : ''}\n`);
    });
}
