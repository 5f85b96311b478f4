import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSyncScheduler } from '../../core/sync/scheduler';
import { startBrowserMode } from '../../core/transport/httpServer';
import type { DeskService } from '../../core/service/dispatcher';
import { DeskError } from '../../core/service/errors';
import { resolveDbPath } from '../../core/store/paths';
import { CliFailure, globalOptions, type GlobalOptions, openCliService } from '../context';

// PATENT_DESK_RENDERER_DIR lets parallel test runs serve their own build.
export const RENDERER_DIR = process.env.PATENT_DESK_RENDERER_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');

export function registerWebCommand(program: Command): void {
  program
    .command('web')
    .description('浏览器模式：在本机 127.0.0.1 上提供界面，用浏览器打开打印出的地址')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--port <port>', '端口（0 为自动选择）', '0')
    .option('--api-only', '只提供接口，不提供界面（npm run dev 由 Vite 提供界面）')
    .action(async (options: { host: string; port: string; apiOnly?: boolean }, command: Command) => {
      if (!options.apiOnly && !fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
        throw new CliFailure('界面尚未构建：请先运行 npm run build:renderer（或直接用 npm run web）');
      }
      const opened = openForBrowserMode(globalOptions(command));
      const { launchUrl } = await startBrowserMode({
        service: opened.service,
        rendererDir: RENDERER_DIR,
        host: options.host,
        port: Number(options.port),
        token: process.env.PATENT_DESK_WEB_TOKEN,
      });
      if (opened.failure) process.stderr.write(`${opened.failure.message}\n`);
      process.stdout.write(`专利转化工作台（浏览器模式）已启动，请用浏览器打开：\n${launchUrl}\n数据库：${opened.dbPath}\n按 Ctrl+C 退出。\n`);
      const stop = () => {
        opened.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}

/**
 * A store that cannot be opened (damaged, read-only, disk full) must reach the browser as its Chinese message, never
 * as a blank page: the server still starts, and every call answers with that message. The file is not touched.
 */
function openForBrowserMode(options: GlobalOptions): {
  service: Pick<DeskService, 'call'>;
  dbPath: string;
  failure: DeskError | null;
  close: () => void;
} {
  const dbPath = resolveDbPath(options.db);
  try {
    const service = openCliService(options, false);
    // Browser mode is a long-running host of core, like the desktop app's utility process: it syncs in the background.
    const stopSync = startSyncScheduler(service, { log: (line) => process.stderr.write(`${JSON.stringify(line)}\n`) });
    return { service, dbPath, failure: null, close: () => (stopSync(), service.store.close()) };
  } catch (error) {
    if (!(error instanceof DeskError)) throw error;
    const refusal = { ok: false as const, error: error.toServiceError() };
    return { service: { call: () => Promise.resolve(refusal) }, dbPath, failure: error, close: () => {} };
  }
}
