import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { csvTextOf, dealRows, writeLargeWorkbook } from '../core/importing/fixtures/generateRows';
import { csvRows } from '../core/importing/readers/csvRows';
import { importBytes } from '../core/importing/testing';
import { createService } from '../core/service/createService';
import type { MethodInput, MethodName, MethodOutput } from '../shared/contract/index';
import type { BenchContext, BenchFigure } from './figure';

// DESIGN §7: a 100,000-row xlsx deal sheet imported in ≤ 2× the time the xlsx parser alone needs to read it, and the
// import's peak memory. The import is the real one (contract call, one transaction, filings writes with audit and
// outbox, anomaly checks of the touched deals) into a private copy of the seeded store. Its peak memory is measured
// in a process of its own (`patent-desk import`, getrusage's maxRSS), beside the parser alone in a process of its own:
// this process has seeded, generated and timed other things before, and its resident set never shrinks back.

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const PATENTS_PER_DEAL = 2;

/** The contract's calls on `service` as a bench administrator; a refusal throws its Chinese message. */
function callerOf(service: ReturnType<typeof createService>) {
  const actor = { id: null, name: 'bench', role: '管理员' as const };
  return async <K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> => {
    const result = await service.call(method, input, { actor });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as MethodOutput<K>;
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}

const ROOT = path.resolve(import.meta.dirname, '..');
const PEAK_RSS_HOOK = path.join(ROOT, 'tests', 'testing', 'peakRssHook.mjs');

/** Peak resident set (MB) of `node [tsx] args…` run to its end in a child process. */
function childPeakMb(args: string[]): number {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'peak-')), 'kb');
  const r = spawnSync(process.execPath, ['--import', PEAK_RSS_HOOK, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PEAK_RSS_FILE: out },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return Number(fs.readFileSync(out, 'utf8')) / 1024;
}

let measured: { importMs: number; parseMs: number; importPeakMb: number; parsePeakMb: number } | null = null;

async function measure(ctx: BenchContext) {
  if (measured) return measured;
  const file = path.join(ctx.tmpDir, 'deals-100k.xlsx');
  ctx.log(`import: writing a ${ROWS}-row deal sheet`);
  await writeLargeWorkbook(file, '交易', dealRows(ROWS / PATENTS_PER_DEAL, PATENTS_PER_DEAL, 'BENCH'));
  const bytes = fs.readFileSync(file);

  ctx.log('import: the xlsx parser alone');
  const parse = await timed(async () => {
    let cells = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const sheet of reader) for await (const row of sheet) cells += (row.values as unknown[]).length;
    return cells;
  });

  ctx.log('import: the whole import');
  const service = createService(ctx.freshCopy('import.db'));
  const call = callerOf(service);
  try {
    const run = await timed(() => importBytes(call, bytes, { fileName: 'deals-100k.xlsx' }));
    const report = run.result.report;
    if (
      run.result.state !== '已完成' ||
      !report ||
      report.rejected.length > 0 ||
      report.new !== ROWS / PATENTS_PER_DEAL
    ) {
      throw new Error(
        `import did not take every row: ${run.result.error ?? JSON.stringify(report?.rejected.slice(0, 3))}`,
      );
    }
    ctx.log('import: peak memory, the import and the parser alone each in a process of its own');
    const cliCopy = ctx.freshCopy('import-cli.db');
    const importPeakMb = childPeakMb([
      path.join(ROOT, 'bin', 'patent-desk.mjs'),
      '--db',
      cliCopy,
      'import',
      file,
      '--json',
    ]);
    const parsePeakMb = childPeakMb(['--import', 'tsx', path.join(ROOT, 'bench', 'parseXlsxAlone.ts'), file]);
    measured = { importMs: run.ms, parseMs: parse.ms, importPeakMb, parsePeakMb };
    return measured;
  } finally {
    service.store.close();
  }
}

export const importFigures: readonly BenchFigure[] = [
  {
    name: `import: ${ROWS.toLocaleString('en')}-row xlsx deal sheet`,
    unit: 's',
    budget: 2,
    budgetOn: 'ratio',
    async run(ctx) {
      const m = await measure(ctx);
      return {
        value: m.importMs / 1000,
        baseline: m.parseMs / 1000,
        baselineIs: 'exceljs WorkbookReader alone reading every row of the same file',
      };
    },
  },
  {
    name: 'import: peak memory of the same import',
    unit: 'MB',
    budget: 400,
    async run(ctx) {
      const m = await measure(ctx);
      return {
        value: Math.round(m.importPeakMb),
        baseline: Math.round(m.parsePeakMb),
        baselineIs:
          'peak RSS of a process running the parser alone on the file (both processes load TypeScript through tsx)',
      };
    },
  },
  {
    name: `import: ${ROWS.toLocaleString('en')}-row GBK CSV deal sheet`,
    unit: 's',
    budget: null,
    async run(ctx) {
      ctx.log(`import: writing a ${ROWS}-row GBK CSV`);
      const bytes = iconv.encode(csvTextOf('交易', dealRows(ROWS / PATENTS_PER_DEAL, PATENTS_PER_DEAL, 'GBK')), 'gbk');
      const parse = await timed(async () => {
        let cells = 0;
        for (const event of csvRows(iconv.decode(bytes, 'gb18030')))
          if (event.type === 'row') cells += event.cells.length;
        return cells;
      });
      const service = createService(ctx.freshCopy('import-gbk.db'));
      const call = callerOf(service);
      try {
        const run = await timed(() => importBytes(call, bytes, { fileName: 'deals-gbk.csv' }));
        if (run.result.state !== '已完成' || run.result.report?.new !== ROWS / PATENTS_PER_DEAL) {
          throw new Error(`GBK import did not take every row: ${run.result.error ?? ''}`);
        }
        return {
          value: run.ms / 1000,
          baseline: parse.ms / 1000,
          baselineIs: 'iconv-lite decoding the same file and the CSV reader splitting it into rows, nothing else',
        };
      } finally {
        service.store.close();
      }
    },
  },
];
