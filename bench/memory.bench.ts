import type { BenchFigure } from './figure';

/**
 * DESIGN §7: memory of the core process ≤ 400 MB. Every figure runs core in this process, so the peak resident set
 * of the whole run is an upper bound for the core process at this store size. Baseline: the resident set right after
 * the harness opened the store, before any figure ran. Run it last.
 */
export function memoryFigure(rssAtStartMb: number): BenchFigure {
  return {
    name: 'memory: peak of the core process over all figures',
    unit: 'MB',
    budget: 400,
    run: (ctx) => ({ value: ctx.peakRssMb(), baseline: rssAtStartMb, baselineIs: 'resident set after opening the store, before any figure' }),
  };
}
