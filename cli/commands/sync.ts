import { Option, type Command } from 'commander';
import { generalSettings } from '../../shared/contract/system';
import { syncUntilDone } from '../../core/sync/client';
import { runMessage } from '../../core/sync/handlers';
import { readSetting } from '../../core/system/settingsStore';
import { cliActor, CliFailure, globalOptions, withCliService } from '../context';
import { printErr, printOut } from '../terminal';

interface SyncCommandOptions {
  endpoint?: string;
  passes: string;
  backoffBaseMs?: string;
  backoffMaxMs?: string;
  batchSize?: string;
  timeoutMs?: string;
}

export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description('把待报送的记录以签名批次发送到省级，并读取省级反馈；全部被接收时退出码为 0')
    .option('--endpoint <url>', '省级接口地址（默认取“设置 → 常规”中的地址）')
    .option('--passes <n>', '最多尝试几轮（每轮之间按 5 秒至 5 分钟的退避等待）', '8')
    .addOption(new Option('--backoff-base-ms <ms>').hideHelp())
    .addOption(new Option('--backoff-max-ms <ms>').hideHelp())
    .addOption(new Option('--batch-size <n>').hideHelp())
    .addOption(new Option('--timeout-ms <ms>').hideHelp())
    .action(async (options: SyncCommandOptions, command: Command) => {
      const global = globalOptions(command);
      await withCliService(global, async (service) => {
        const endpoint =
          options.endpoint ?? readSetting(service.store.db, 'general', generalSettings).provinceEndpointUrl;
        if (!endpoint) throw new CliFailure('未指定省级接口地址：请用 --endpoint 指定，或在“设置 → 常规”中填写');
        const result = await syncUntilDone(service.store, {
          endpoint,
          actor: cliActor(global),
          keyVault: service.options.keyVault,
          ignoreSchedule: true,
          maxPasses: Number(options.passes),
          backoff: options.backoffBaseMs
            ? { baseMs: Number(options.backoffBaseMs), maxMs: Number(options.backoffMaxMs ?? options.backoffBaseMs) }
            : undefined,
          recordsPerBatch: options.batchSize ? Number(options.batchSize) : undefined,
          timeoutMs: options.timeoutMs ? Number(options.timeoutMs) : undefined,
          onProgress: (p) => printErr(`${JSON.stringify({ event: 'progress', ...p })}\n`),
        });
        if (!result.settled) throw new CliFailure(runMessage(result));
        printOut(`${runMessage(result)}\n`);
      });
    });
}
