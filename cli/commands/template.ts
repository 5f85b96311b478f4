import type { Command } from 'commander';
import { callCore, globalOptions, withCliService } from '../context';
import { writeOutputFile } from '../outputFile';
import { printOut } from '../terminal';

export function registerTemplateCommand(program: Command): void {
  program
    .command('template')
    .description('生成空白导入模板（导入模板.xlsx）')
    .requiredOption('--out <file>', '模板保存路径')
    .action(async (options: { out: string }, command: Command) => {
      const global = globalOptions(command);
      await withCliService(global, async (service) => {
        const file = await callCore(service, global, 'import.template', {});
        writeOutputFile(options.out, Buffer.from(file.base64, 'base64'), '导入模板');
        printOut(`已生成导入模板：${options.out}\n`);
      });
    });
}
