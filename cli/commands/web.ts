import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSyncScheduler } from '../../core/sync/scheduler';
import { startBrowserMode } from '../../core/transport/httpServer';
import { isLoopback } from '../../core/transport/requestOrigin';
import type { Service } from '../../core/service/dispatcher';
import { createProvinceService } from '../../core/service/createService';
import { redactedUrl } from '../../core/province/store/openProvinceDb';
import { DeskError } from '../../core/service/errors';
import { resolveDbPath } from '../../core/store/paths';
import { CliFailure, globalOptions, type GlobalOptions, openCliService } from '../context';
import { printErr, printOut } from '../terminal';

// PATENT_DESK_RENDERER_DIR lets parallel test runs serve their own build.
export const RENDERER_DIR =
  process.env.PATENT_DESK_RENDERER_DIR ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');

export function registerWebCommand(program: Command): void {
  withBrowserModeOptions(
    program.command('web').description('浏览器模式：在本机 127.0.0.1 上提供界面，用浏览器打开打印出的地址'),
  ).action((options: BrowserModeOptions, command: Command) =>
    serveBrowserMode(options, globalOptions(command), 'city'),
  );
}

export interface BrowserModeOptions {
  host: string;
  port: string;
  allowRemote?: boolean;
  apiOnly?: boolean;
}

/** The options every browser mode takes: the city desk's `web` and the province's `province web`. */
export function withBrowserModeOptions(command: Command): Command {
  return command
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--port <port>', '端口（0 为自动选择）', '0')
    .option('--allow-remote', '允许监听本机回环地址以外的地址（其他电脑可访问，不建议）')
    .option('--api-only', '只提供接口，不提供界面（npm run dev 由 Vite 提供界面）');
}

/**
 * Serves the renderer and the contract over the store until Ctrl+C. `province`: the store is the province's
 * workbench (set up for 140000 on first run; a city's store is refused), which reports nothing and so runs no sync.
 */
export async function serveBrowserMode(
  options: BrowserModeOptions,
  globals: GlobalOptions,
  installation: 'city' | 'province',
  /** The province's PostgreSQL database, instead of a SQLite file (`province web --database-url`). */
  databaseUrl?: string,
): Promise<void> {
  refuseRemoteUnlessAllowed(options.host, options.allowRemote ?? false);
  if (!options.apiOnly && !fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new CliFailure('界面尚未构建：请先运行 npm run build:renderer（或直接用 npm run web）');
  }
  const opened = databaseUrl ? await openProvinceDatabase(databaseUrl) : openForBrowserMode(globals, installation);
  const { launchUrl } = await startBrowserMode({
    service: opened.service,
    rendererDir: RENDERER_DIR,
    host: options.host,
    port: Number(options.port),
    allowRemote: options.allowRemote,
    token: process.env.PATENT_DESK_WEB_TOKEN,
  });
  if (opened.failure) printErr(`${opened.failure.message}\n`);
  const title =
    installation === 'province' ? '专利转化工作台 省级工作台（浏览器模式）' : '专利转化工作台（浏览器模式）';
  printOut(`${title}已启动，请用浏览器打开：\n${launchUrl}\n数据库：${opened.dbPath}\n按 Ctrl+C 退出。\n`);
  const stop = () => {
    void Promise.resolve(opened.close()).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * Browser mode is meant for this machine only: on another address every computer that can reach it is one guessed or
 * overheard token away from the store (plain HTTP). So it takes an explicit --allow-remote, and then says so.
 */
function refuseRemoteUnlessAllowed(host: string, allowRemote: boolean): void {
  if (isLoopback(host)) return;
  if (!allowRemote) {
    throw new CliFailure(
      `不能在 ${host} 上提供浏览器模式：该地址可被其他电脑访问。浏览器模式只应在本机（127.0.0.1）使用；确需如此，请加 --allow-remote。`,
    );
  }
  process.stderr.write(
    `警告：浏览器模式正在 ${host} 上提供服务，其他电脑也能访问。连接未加密（HTTP），访问令牌和密码可能在网络上被截获；请只在可信的网络中使用，用完立即按 Ctrl+C 退出。\n`,
  );
}

interface OpenedForBrowserMode {
  service: Pick<Service, 'call'>;
  /** Where the data is, as printed: the SQLite file, or the database's address without its password. */
  dbPath: string;
  failure: DeskError | null;
  close: () => void | Promise<void>;
}

/** The province's workbench on its PostgreSQL database; a database that cannot be reached ends the command. */
async function openProvinceDatabase(databaseUrl: string): Promise<OpenedForBrowserMode> {
  try {
    const { service, close } = await createProvinceService(databaseUrl, {
      log: (line) => printErr(`${JSON.stringify(line)}\n`),
    });
    return { service, dbPath: redactedUrl(databaseUrl), failure: null, close };
  } catch (error) {
    if (error instanceof DeskError) throw new CliFailure(error.message);
    throw error;
  }
}

/**
 * A store that cannot be opened (damaged, read-only, disk full) must reach the browser as its Chinese message, never
 * as a blank page: the server still starts, and every call answers with that message. The file is not touched.
 */
function openForBrowserMode(options: GlobalOptions, installation: 'city' | 'province'): OpenedForBrowserMode {
  const dbPath = resolveDbPath(options.db);
  try {
    const service = openCliService(options, false, installation === 'province');
    // Browser mode is a long-running host of core, like the desktop app's utility process: a city desk syncs in the
    // background; the province is what it syncs to.
    const stopSync =
      installation === 'city'
        ? startSyncScheduler(service, { log: (line) => printErr(`${JSON.stringify(line)}\n`) })
        : () => {};
    return { service, dbPath, failure: null, close: () => (stopSync(), service.store.close()) };
  } catch (error) {
    if (!(error instanceof DeskError)) throw error;
    const refusal = { ok: false as const, error: error.toServiceError() };
    return { service: { call: () => Promise.resolve(refusal) }, dbPath, failure: error, close: () => {} };
  }
}
