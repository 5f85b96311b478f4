import type { Command } from 'commander';
import { callCore, globalOptions, withCliService } from '../context';
import { writeOutputFile } from '../outputFile';
import { printOut } from '../terminal';

export function registerExportBatchCommand(program: Command): void {
  program
    .command('export-batch')
    .description('把待报送的记录导出为一个签名批次文件（.pdbatch），用移动介质交省级导入')
    .requiredOption('--out <file>', '批次文件保存位置，如 报送.pdbatch')
    .action(async (options: { out: string }, command: Command) => {
      const global = globalOptions(command);
      await withCliService(global, async (service) => {
        const file = await callCore(service, global, 'sync.exportBatch', {});
        if (!file) {
          printOut('没有需要报送的记录：所有记录都已被省级接收。未生成文件。\n');
          return;
        }
        writeOutputFile(options.out, file.content, '批次文件');
        printOut(`已导出报送批次：${options.out}（${file.recordCount} 条记录，批次 ${file.batchId}）\n`);
      });
    });
}
