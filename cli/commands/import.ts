import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BYTES, type ImportJob, type ImportReport, type RejectedRow } from '../../shared/contract/importing';
import { callCore, CliFailure, globalOptions, type GlobalOptions, withCliService } from '../context';
import type { DeskService } from '../../core/service/dispatcher';
import { printErr, printOut } from '../terminal';

const POLL_MS = 100;

/** Every refused entry of the report in report order, read from the core a page at a time (never all held). */
async function* rejectedRows(service: DeskService, global: GlobalOptions, job: ImportJob, report: ImportReport) {
  if (report.rejectedTotal <= report.rejected.length) {
    yield* report.rejected;
    return;
  }
  for (let offset = 0; offset < report.rejectedTotal; offset += REJECTED_PAGE) {
    const page = await callCore(service, global, 'import.rejectedPage', {
      jobId: job.jobId,
      offset,
      limit: REJECTED_PAGE,
    });
    yield* page.rows;
    if (page.rows.length < REJECTED_PAGE) return;
  }
}

const REJECTED_PAGE = 2000;

const indented = (json: string, spaces: number) => json.replaceAll('\n', `\n${' '.repeat(spaces)}`);

/**
 * DESIGN §3a: exactly {new, updated, unchanged, rejected: [{sheet, row, column, value, reason}]}, counts per sheet
 * nested — printed as JSON.stringify(…, null, 2) would, one refused entry at a time.
 */
async function printReportJson(report: ImportReport, rows: AsyncIterable<RejectedRow>): Promise<void> {
  const { new: created, updated, unchanged, sheets } = report;
  printOut(`{\n  "new": ${created},\n  "updated": ${updated},\n  "unchanged": ${unchanged},\n  "rejected": [`);
  let first = true;
  for await (const { sheet, row, column, value, reason } of rows) {
    printOut(`${first ? '' : ','}\n    ${indented(JSON.stringify({ sheet, row, column, value, reason }, null, 2), 4)}`);
    first = false;
  }
  printOut(`${first ? '' : '\n  '}],\n  "sheets": ${indented(JSON.stringify(sheets, null, 2), 2)}\n}\n`);
}

async function printReportText(report: ImportReport, rows: AsyncIterable<RejectedRow>): Promise<void> {
  const head = report.dryRun
    ? '试导入完成（未写入任何数据）'
    : report.written
      ? '导入完成'
      : '文件中有错误行，按“全部成功才写入”的规则，整个文件未导入';
  printOut(
    `${head}：新增 ${report.new}，更新 ${report.updated}，未变 ${report.unchanged}，错误 ${report.rejectedTotal} 处。\n`,
  );
  for await (const r of rows)
    printOut(`  ${r.sheet} 第 ${r.row} 行「${r.column}」${r.value ? `“${r.value}”` : ''}：${r.reason}\n`);
}

/** One line of progress, sheet by sheet: 交易：已读取 40,000 行，已写入 12,000 行. */
export function progressLine(job: ImportJob): string {
  const n = (count: number) => count.toLocaleString('en');
  const sheets = job.sheets.map(
    (s) => `${s.sheet}：已读取 ${n(s.rowsRead)} 行${job.state === '写入中' ? `，已写入 ${n(s.rowsWritten)} 行` : ''}`,
  );
  return sheets.length > 0 ? sheets.join('；') : `已读取 ${n(job.rowsRead)} 行`;
}

const PROGRESS_EVERY_MS = 1000;

async function waitForJob(
  service: DeskService,
  global: GlobalOptions,
  started: ImportJob,
  quiet: boolean,
): Promise<ImportJob> {
  let job = started;
  let lastState = '';
  let lastLine = '';
  let lastShown = 0;
  // Ctrl+C cancels the import: the transaction is rolled back and the store stays as it was.
  let interrupted = false;
  const cancel = () => {
    interrupted = true;
    void callCore(service, global, 'import.cancel', { jobId: started.jobId });
  };
  process.once('SIGINT', cancel);
  try {
    while (job.state === '读取中' || job.state === '写入中') {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = await callCore(service, global, 'import.status', { jobId: job.jobId });
      if (quiet || (job.state !== '读取中' && job.state !== '写入中')) continue;
      if (job.state !== lastState) {
        // From here on the import runs inside its one transaction.
        if (job.state === '写入中') printErr(`已读取 ${job.rowsRead} 行，正在写入……\n`);
        lastState = job.state;
      }
      const line = progressLine(job);
      if (line !== lastLine && Date.now() - lastShown >= PROGRESS_EVERY_MS) {
        printErr(`${line}\n`);
        lastLine = line;
        lastShown = Date.now();
      }
    }
  } finally {
    process.removeListener('SIGINT', cancel);
  }
  if (interrupted && job.state === '已取消') throw new CliFailure('已取消导入，未写入任何数据。');
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
          const rows = rejectedRows(service, global, job, job.report);
          await (options.json ? printReportJson(job.report, rows) : printReportText(job.report, rows));
          // Refused as a whole: the caller's script must notice that nothing was imported.
          if (!job.report.written && !job.report.dryRun) process.exitCode = 1;
        });
      },
    );
}
