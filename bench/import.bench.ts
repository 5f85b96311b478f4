import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dealRows, writeLargeWorkbook } from '../core/importing/fixtures/generateRows';
import { importBytes } from '../core/importing/testing';
import { createService } from '../core/service/createService';
import type { MethodInput, MethodName, MethodOutput } from '../shared/contract/index';
import type { BenchContext, BenchFigure } from './figure';

// DESIGN §7: a 100,000-row xlsx deal sheet imported in ≤ 2× the time the xlsx parser alone needs to read it, and the
// import's peak memory. The import is the real one (contract call, one transaction, filings writes with audit and
// outbox, anomaly checks of the touched deals) into a private copy of the seeded store.

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const PATENTS_PER_DEAL = 2;

/** Highest RSS (MB) seen while fn runs, sampled every 50 ms. */
async function peakRssDuring<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number; ms: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const start = performance.now();
  try {
    const result = await fn();
    return { result, peakMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024, ms: performance.now() - start };
  } finally {
    clearInterval(timer);
  }
}

let measured: { importMs: number; parseMs: number; importPeakMb: number; parsePeakMb: number } | null = null;

async function measure(ctx: BenchContext) {
  if (measured) return measured;
  const file = path.join(ctx.tmpDir, 'deals-100k.xlsx');
  ctx.log(`import: writing a ${ROWS}-row deal sheet`);
  await writeLargeWorkbook(file, '交易', dealRows(ROWS / PATENTS_PER_DEAL, PATENTS_PER_DEAL, 'BENCH'));
  const bytes = fs.readFileSync(file);

  ctx.log('import: the xlsx parser alone');
  const parse = await peakRssDuring(async () => {
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
  const actor = { id: null, name: 'bench', role: '管理员' as const };
  const call = async <K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> => {
    const result = await service.call(method, input, { actor });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as MethodOutput<K>;
  };
  try {
    const run = await peakRssDuring(() => importBytes(call, bytes, { fileName: 'deals-100k.xlsx' }));
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
    measured = { importMs: run.ms, parseMs: parse.ms, importPeakMb: run.peakMb, parsePeakMb: parse.peakMb };
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
        baselineIs: 'peak RSS while the parser alone reads the file',
      };
    },
  },
];
