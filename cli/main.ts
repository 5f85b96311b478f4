import { Command } from 'commander';
import { registerAuditCommands } from './commands/audit';
import { registerBackupCommands } from './commands/backup';
import { registerInitCommand } from './commands/init';
import { registerImportCommand } from './commands/import';
import { registerTemplateCommand } from './commands/template';
import { registerSampleCommand } from './commands/sample';
import { registerIndicatorsCommand } from './commands/indicators';
import { registerWebCommand } from './commands/web';
import { registerSeedCommand } from './commands/seed';
import { registerScanCommand } from './commands/scan';
import { registerSyncCommands } from './commands/syncCommands';
import { failureMessage, CliFailure } from './context';
import { printErr } from './terminal';

export function buildProgram(): Command {
  const program = new Command('patent-desk')
    .description('专利转化工作台 命令行：导入、扫描、指标、同步、备份与恢复')
    .option('--db <path>', '数据库文件（默认：用户数据文件夹；或环境变量 PATENT_DESK_DB）')
    .option('--user <name>', '审计日志中记录的操作人', 'cli')
    .showHelpAfterError('（运行 patent-desk --help 查看用法）');
  registerInitCommand(program);
  registerWebCommand(program);
  registerSeedCommand(program);
  registerBackupCommands(program);
  registerAuditCommands(program);
  registerSyncCommands(program);
  registerIndicatorsCommand(program);
  registerImportCommand(program);
  registerTemplateCommand(program);
  registerSampleCommand(program);
  registerScanCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    printErr(`${failureMessage(error)}\n`);
    process.exitCode = error instanceof CliFailure ? error.exitCode : 1;
  }
}
