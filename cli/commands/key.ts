import type { Command } from 'commander';
import { rotateSigningKey } from '../../core/sync/installationKey';
import { readableFingerprint } from '../../core/sync/signing';
import { callCore, cliActor, CliFailure, globalOptions, withCliService } from '../context';
import { writeOutputFile } from '../outputFile';
import { printOut } from '../terminal';

export function registerKeyCommand(program: Command): void {
  const key = program
    .command('key')
    .description('导出本机签名公钥（PEM），交省级管理员登记（patent-desk province enroll）')
    // Not a required option: commander would then ask for it of `key rotate` too.
    .option('--out <file>', '公钥文件保存位置，如 太原市-公钥.pem（必填）')
    .action(async (options: { out?: string }, command: Command) => {
      if (!options.out) throw new CliFailure('请用 --out 指定公钥文件的保存位置，如 --out 太原市-公钥.pem');
      const out = options.out;
      const global = globalOptions(command);
      await withCliService(global, async (service) => {
        const key = await callCore(service, global, 'sync.signingKey', {});
        writeOutputFile(out, key.publicKeyPem, '公钥文件');
        printOut(
          `已导出本机签名公钥：${out}\n地区：${key.regionCode}\n公钥指纹：${key.fingerprint}\n请把公钥文件交省级管理员登记，并电话核对指纹。\n`,
        );
      });
    });

  key
    .command('rotate')
    .description('生成新的签名密钥（旧公钥留存备查，记入审计日志）；之后须由省级用 province enroll --replace 重新登记')
    .option('--out <file>', '同时把新公钥导出到此文件')
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      // `key` has an --out of its own, and commander hands the option to it: read it from the whole command line.
      const options = command.optsWithGlobals<{ out?: string }>();
      await withCliService(global, async (service) => {
        const rotated = await rotateSigningKey(service.store, cliActor(global), service.options.keyVault);
        if (options.out) writeOutputFile(options.out, rotated.publicKeyPem, '公钥文件');
        const old = rotated.previousFingerprint
          ? `原公钥指纹：${readableFingerprint(rotated.previousFingerprint)}（已留存备查）\n`
          : '';
        const exported = options.out
          ? `新公钥已导出到 ${options.out}。`
          : '请用 patent-desk key --out 文件 导出新公钥，';
        printOut(
          `已生成新的签名密钥。\n新公钥指纹：${readableFingerprint(rotated.fingerprint)}\n${old}` +
            `${exported}交省级管理员运行 patent-desk province enroll --replace 重新登记，并电话核对指纹；登记之前的同步会被省级拒绝。\n`,
        );
      });
    });
}
