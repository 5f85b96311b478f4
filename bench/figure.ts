import { performance } from 'node:perf_hooks';

/** What every figure gets from the harness. */
export interface BenchContext {
  /** The seeded store. Read it freely; figures that write work on `freshCopy()`. */
  readonly dbPath: string;
  /** How many deals the seeded store holds (`--deals N`). */
  readonly deals: number;
  /** A scratch folder for this figure alone, removed after it ran. */
  readonly tmpDir: string;
  /** A private, complete copy of the seeded store (WAL folded in) inside tmpDir; returns its path. */
  freshCopy(name?: string): string;
  /** Median wall time in milliseconds of `runs` calls of fn, after one unmeasured warm-up call. */
  time(fn: () => unknown, runs?: number): Promise<number>;
  /** Largest resident set size this process reached so far, in MB. */
  peakRssMb(): number;
  /** A progress line on stderr (the table goes to stdout). */
  log(message: string): void;
}

export interface FigureResult {
  /** The measured figure, in the figure's unit. */
  value: number;
  /** The same work done the plainest way, in the same unit and the same run (raw parser, plain SQL scan …). */
  baseline: number;
  /** One line saying what the baseline is, shown under the table. */
  baselineIs?: string;
}

/**
 * One figure of DESIGN §7 (or a supporting one). The budget is compared with the value (`budgetOn: 'value'`,
 * the default) or with value ÷ baseline (`budgetOn: 'ratio'`, e.g. import ≤ 2× the parser alone).
 * `budget: null` for a figure that has no budget in DESIGN §7; it is shown for information.
 */
export interface BenchFigure {
  name: string;
  unit: 'ms' | 's' | 'MB' | '×';
  budget: number | null;
  budgetOn?: 'value' | 'ratio';
  run(ctx: BenchContext): Promise<FigureResult> | FigureResult;
}

/** One row of bench/results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  budget: number | null;
  withinBudget: boolean | null;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function timeMedian(fn: () => unknown, runs = 5): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export function peakRssMb(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS / 1024;
}

export function toResult(figure: BenchFigure, measured: FigureResult): BenchResult {
  const ratio = measured.baseline > 0 ? measured.value / measured.baseline : Number.POSITIVE_INFINITY;
  const compared = figure.budgetOn === 'ratio' ? ratio : measured.value;
  return {
    name: figure.name,
    value: round(measured.value),
    unit: figure.unit,
    baseline: round(measured.baseline),
    ratio: round(ratio),
    budget: figure.budget,
    withinBudget: figure.budget === null ? null : compared <= figure.budget,
  };
}

function round(n: number): number {
  if (!Number.isFinite(n)) return n;
  return Math.round(n * 100) / 100;
}
