import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BYTES, type ImportJob, type ImportReport } from '../../shared/contract/importing';
import { callCore, CliFailure, globalOptions, type GlobalOptions, withCliService } from '../context';
import type { DeskService } from '../../core/service/dispatcher';

const POLL_MS = 100;

/** DESIGN §3a: exactly {new, updated, unchanged, rejected: [{sheet, row, column, value, reason}]}, counts per sheet nested. */
function reportJson(report: ImportReport): string {
  const { new: created, updated, unchanged, rejected, sheets } = report;
  return `${JSON.stringify({ new: created, updated, unchanged, rejected, sheets }, null, 2)}\n`;
}

function reportText(report: ImportReport): string {
  const head = report.dryRun
    ? '试导入完成（未写入任何数据）'
    : report.written
      ? '导入完成'
      : '文件中有错误行，按“全部成功才写入”的规则，整个文件未导入';
  const lines = [
    `${head}：新增 ${report.new}，更新 ${report.updated}，未变 ${report.unchanged}，错误 ${report.rejected.length} 处。`,
  ];
  for (const r of report.rejected)
    lines.push(`  ${r.sheet} 第 ${r.row} 行「${r.column}」${r.value ? `“${r.value}”` : ''}：${r.reason}`);
  return `${lines.join('\n')}\n`;
}

async function waitForJob(
  service: DeskService,
  global: GlobalOptions,
  started: ImportJob,
  quiet: boolean,
): Promise<ImportJob> {
  let job = started;
  let lastState = '';
  while (job.state === '读取中' || job.state === '写入中') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = await callCore(service, global, 'import.status', { jobId: job.jobId });
    if (!quiet && job.state !== lastState) {
      // The kill test waits for this line: from here on the import runs inside its one transaction.
      if (job.state === '写入中') process.stderr.write(`已读取 ${job.rowsRead} 行，正在写入……\n`);
      lastState = job.state;
    }
  }
  return job;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('按导入模板导入 Excel（.xlsx）或 CSV 文件；默认全部成功才写入')
    .argument('<file>', '要导入的文件')
    .option('--dry-run', '只检查并报告，不写入')
    .option('--valid-only', '只导入正确的行，错误的行列在报告中')
    .option('--json', '以 JSON 输出导入报告')
    .action(
      async (file: string, options: { dryRun?: boolean; validOnly?: boolean; json?: boolean }, command: Command) => {
        const global = globalOptions(command);
        let bytes: Buffer;
        try {
          if (fs.statSync(file).size > MAX_IMPORT_BYTES)
            throw new CliFailure(`文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分后分批导入`);
          bytes = fs.readFileSync(file);
        } catch (error) {
          if (error instanceof CliFailure) throw error;
          throw new CliFailure(`无法读取文件：${file}（${(error as NodeJS.ErrnoException).code ?? '未知错误'}）`);
        }
        await withCliService(global, async (service) => {
          const started = await callCore(service, global, 'import.start', {
            fileName: path.basename(file),
            base64: bytes.toString('base64'),
            dryRun: options.dryRun ?? false,
            validOnly: options.validOnly ?? false,
          });
          const job = await waitForJob(service, global, started, options.json ?? false);
          if (job.state === '失败' || !job.report) throw new CliFailure(job.error ?? '导入未完成');
          process.stdout.write(options.json ? reportJson(job.report) : reportText(job.report));
          // Refused as a whole: the caller's script must notice that nothing was imported.
          if (!job.report.written && !job.report.dryRun) process.exitCode = 1;
        });
      },
    );
}
