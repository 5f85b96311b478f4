import fs from 'node:fs';
import type { Command } from 'commander';
import { EnrollError, enrollKey } from '../../province/enroll';
import { takeInBatch } from '../../province/intake';
import { jsonLineLog } from '../../province/log';
import { startProvinceServer } from '../../province/server';
import { openProvinceStore } from '../../province/store';
import { CliFailure, globalOptions } from '../context';

function provinceDb(command: Command): string {
  const db = globalOptions(command).db;
  if (!db) throw new CliFailure('请用 --db 指定省级数据库文件');
  return db;
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliFailure(`无法读取${what} ${file}：${(error as Error).message}`);
  }
}

export function registerProvinceCommands(program: Command): void {
  const province = program.command('province').description('省级接口：接收各地市的签名批次、登记公钥、跨地市规则与反馈');

  province
    .command('serve')
    .description('启动省级接口（HTTP）；日志为每行一个 JSON')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--port <n>', '端口（0 为任意空闲端口）', '8460')
    .action(async (options: { host: string; port: string }, command: Command) => {
      const store = openProvinceStore(provinceDb(command));
      const log = jsonLineLog();
      const { app, url } = await startProvinceServer({ store, host: options.host, port: Number(options.port), log });
      log({ level: 'info', event: 'listening', url, db: store.path });
      const stop = () => {
        void app.close().then(() => {
          store.close();
          process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise(() => {});
    });

  province
    .command('enroll')
    .description('登记一个地市安装的签名公钥（由该地市 patent-desk key 导出）')
    .requiredOption('--region <code>', '该公钥所属地区代码，如 140100')
    .requiredOption('--key <file>', '公钥文件（PEM）')
    .action((options: { region: string; key: string }, command: Command) => {
      const store = openProvinceStore(provinceDb(command));
      try {
        const result = enrollKey(store, options.region, readText(options.key, '公钥文件'), new Date().toISOString());
        process.stdout.write(`${result.created ? '已登记' : '该公钥此前已登记'}：地区 ${options.region}\n公钥指纹：${result.readable}\n请与地市电话核对指纹。\n`);
      } catch (error) {
        if (error instanceof EnrollError) throw new CliFailure(error.message);
        throw error;
      } finally {
        store.close();
      }
    });

  province
    .command('ingest')
    .description('导入一个报送批次文件（.pdbatch），结果与通过 HTTP 接收完全相同')
    .argument('<file>', '批次文件')
    .action((file: string, _options: unknown, command: Command) => {
      const store = openProvinceStore(provinceDb(command));
      try {
        const result = takeInBatch(store, readText(file, '批次文件'), new Date(), jsonLineLog((line) => process.stderr.write(line)), 'file');
        process.stdout.write(`${JSON.stringify(result.body)}\n`);
        if (result.status !== 200) throw new CliFailure(`省级未导入该批次（${result.status}）：${result.body.error.message}`);
      } finally {
        store.close();
      }
    });
}
