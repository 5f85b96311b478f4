import type { Command } from 'commander';
import { callCore, globalOptions, withCliService } from '../context';
import { writeOutputFile } from '../outputFile';

export function registerKeyCommand(program: Command): void {
  program
    .command('key')
    .description('导出本机签名公钥（PEM），交省级管理员登记（patent-desk province enroll）')
    .requiredOption('--out <file>', '公钥文件保存位置，如 太原市-公钥.pem')
    .action(async (options: { out: string }, command: Command) => {
      const global = globalOptions(command);
      await withCliService(global, async (service) => {
        const key = await callCore(service, global, 'sync.signingKey', {});
        writeOutputFile(options.out, key.publicKeyPem, '公钥文件');
        process.stdout.write(`已导出本机签名公钥：${options.out}\n地区：${key.regionCode}\n公钥指纹：${key.fingerprint}\n请把公钥文件交省级管理员登记，并电话核对指纹。\n`);
      });
    });
}
