import fs from 'node:fs';
import type { Command } from 'commander';
import { anchorsByInstallation } from '../../province/auditAnchors';
import { EnrollError, enrollKey, replaceKey } from '../../core/province/installations/keys';
import { takeInBatch } from '../../province/intake';
import { jsonLineLog } from '../../province/log';
import {
  openProvinceDb,
  PROVINCE_URL_ENV,
  redactedUrl,
  type ProvinceLocation,
} from '../../core/province/store/openProvinceDb';
import { startProvinceServer } from '../../province/server';
import { cliActor, CliFailure, globalOptions } from '../context';
import { printErr, printOut } from '../terminal';
import { registerMigrateCommand } from './provinceMigrate';
import { type BrowserModeOptions, serveBrowserMode, withBrowserModeOptions } from './web';

function provinceDb(command: Command): string {
  const db = globalOptions(command).db;
  if (!db) throw new CliFailure('请用 --db 指定省级数据库文件');
  return db;
}

interface DatabaseUrlOption {
  databaseUrl?: string;
}

/** The endpoint's store: a PostgreSQL database when --database-url (or PATENT_DESK_PROVINCE_URL) names one, else --db. */
function provinceLocation(command: Command, options: DatabaseUrlOption, mustExist = false): ProvinceLocation {
  const databaseUrl = options.databaseUrl ?? process.env[PROVINCE_URL_ENV];
  if (!databaseUrl) return { file: provinceDb(command), mustExist };
  if (globalOptions(command).db)
    throw new CliFailure('请只指定一个省级数据库：--db（SQLite 文件）或 --database-url（PostgreSQL），不要同时指定');
  return { databaseUrl, mustExist };
}

const DATABASE_URL_HELP = `省级 PostgreSQL 数据库地址 postgres://用户@主机:端口/库名（也可用环境变量 ${PROVINCE_URL_ENV}；不指定则用 --db 的 SQLite 文件）`;

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliFailure(`无法读取${what} ${file}：${(error as Error).message}`);
  }
}

export function registerProvinceCommands(program: Command): void {
  const province = program
    .command('province')
    .description('省级接口：接收各地市的签名批次、登记公钥、跨地市规则与反馈');

  province
    .command('serve')
    .description('启动省级接口（HTTP）；日志为每行一个 JSON')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--port <n>', '端口（0 为任意空闲端口）', '8460')
    .option('--database-url <url>', DATABASE_URL_HELP)
    .action(async (options: { host: string; port: string } & DatabaseUrlOption, command: Command) => {
      const location = provinceLocation(command, options);
      const store = await openProvinceDb(location);
      const log = jsonLineLog(printOut);
      const { app, url } = await startProvinceServer({ store, host: options.host, port: Number(options.port), log });
      const where = 'file' in location ? { db: location.file } : { database: redactedUrl(location.databaseUrl) };
      log({ level: 'info', event: 'listening', url, ...where });
      const stop = () => {
        void app.close().then(async () => {
          await store.close();
          process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise(() => {});
    });

  withBrowserModeOptions(
    province
      .command('web')
      .description('省级工作台（浏览器模式）：各地区并列、下钻查看、安装登记；首次打开时设置为省级（140000）')
      .option('--database-url <url>', DATABASE_URL_HELP),
  ).action((options: BrowserModeOptions & DatabaseUrlOption, command: Command) => {
    const location = provinceLocation(command, options);
    return serveBrowserMode(
      options,
      globalOptions(command),
      'province',
      'databaseUrl' in location ? location.databaseUrl : undefined,
    );
  });

  province
    .command('enroll')
    .description('登记一个地市安装的签名公钥（由该地市 patent-desk key 导出）')
    .requiredOption('--region <code>', '该公钥所属地区代码，如 140100')
    .requiredOption('--key <file>', '公钥文件（PEM）')
    .option(
      '--replace [fingerprint]',
      '用新公钥替换该地区一个安装的已登记公钥（地市换了密钥或换了电脑）；该地区有多个安装时写明旧公钥指纹',
    )
    .option('--database-url <url>', DATABASE_URL_HELP)
    .action(
      async (
        options: { region: string; key: string; replace?: string | true } & DatabaseUrlOption,
        command: Command,
      ) => {
        const store = await openProvinceDb(provinceLocation(command, options));
        try {
          const pem = readText(options.key, '公钥文件');
          const at = new Date().toISOString();
          if (options.replace) {
            const replacing = options.replace === true ? null : options.replace;
            const result = await replaceKey(
              store,
              options.region,
              pem,
              replacing,
              cliActor(globalOptions(command)),
              at,
            );
            printOut(
              `已替换登记：地区 ${options.region}\n新公钥指纹：${result.readable}\n已停用的旧公钥指纹：${result.replaced}\n请与地市电话核对新指纹。\n`,
            );
            return;
          }
          const result = await enrollKey(store, options.region, pem, cliActor(globalOptions(command)), at);
          printOut(
            `${result.created ? '已登记' : '该公钥此前已登记'}：地区 ${options.region}\n公钥指纹：${result.readable}\n请与地市电话核对指纹。\n`,
          );
        } catch (error) {
          if (error instanceof EnrollError) throw new CliFailure(error.message);
          throw error;
        } finally {
          await store.close();
        }
      },
    );

  province
    .command('ingest')
    .description('导入一个报送批次文件（.pdbatch），结果与通过 HTTP 接收完全相同')
    .argument('<file>', '批次文件')
    .option('--database-url <url>', DATABASE_URL_HELP)
    .action(async (file: string, options: DatabaseUrlOption, command: Command) => {
      const store = await openProvinceDb(provinceLocation(command, options));
      try {
        const text = readText(file, '批次文件');
        const result = await takeInBatch(store, text, new Date(), jsonLineLog(printErr), 'file');
        printOut(`${JSON.stringify(result.body)}\n`);
        if (result.status !== 200)
          throw new CliFailure(`省级未导入该批次（${result.status}）：${result.body.error.message}`);
      } finally {
        await store.close();
      }
    });

  province
    .command('audit-anchors')
    .description('列出各地市安装报送的审计日志锚点，以及前后矛盾（截断、改写）之处；有矛盾时退出码非 0')
    .option('--database-url <url>', DATABASE_URL_HELP)
    .action(async (options: DatabaseUrlOption, command: Command) => {
      const store = await openProvinceDb(provinceLocation(command, options, true));
      try {
        const installations = await anchorsByInstallation(store);
        if (installations.length === 0) printOut('尚未收到任何带审计日志锚点的批次。\n');
        for (const i of installations) {
          // The installation id and the batch ids are strings a city chose: printed escaped, never raw.
          printOut(
            `地区 ${i.regionCode} 安装 ${i.installationId}：已收到 ${i.count} 个锚点，审计日志最多 ${i.mostRows} 行，最近一次 ${i.lastReceivedAt.slice(0, 10)}\n`,
          );
          for (const p of i.problems)
            printOut(`  ！批次 ${p.batchId}（${p.receivedAt.slice(0, 10)} 收到）：${p.problem}\n`);
        }
        const flagged = installations.reduce((n, i) => n + i.problems.length, 0);
        if (flagged > 0) throw new CliFailure(`有 ${flagged} 处审计日志锚点前后矛盾，请与相关地市核实`);
      } finally {
        await store.close();
      }
    });

  registerMigrateCommand(province);
}
