import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFigure } from './figure';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/**
 * DESIGN §7: memory of the core process ≤ 400 MB. The core runs in a process of its own (bench/coreProcess.ts, as in
 * the desktop app's utilityProcess) on a copy of the seeded store and serves a caseworker's day through the contract;
 * the value is that process's peak resident set. Baseline: the same process right after it opened the store.
 */
export const memoryFigure: BenchFigure = {
  name: 'memory: core process peak (list, dashboard, evaluation, full scan, backup)',
  unit: 'MB',
  budget: 400,
  run(ctx) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(HERE, 'coreProcess.ts'), ctx.freshCopy()], {
      cwd: path.join(HERE, '..'),
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`core process failed: ${child.stderr}`);
    const report = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      openedMb: number;
      peakMb: number;
      ran: string[];
      failed: string[];
    };
    for (const failure of report.failed) ctx.log(`not measured: ${failure}`);
    return {
      value: report.peakMb,
      baseline: report.openedMb,
      baselineIs: `the core process right after opening the store; calls measured: ${report.ran.join(', ')}`,
    };
  },
};
