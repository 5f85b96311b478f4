import v8 from 'node:v8';
import vm from 'node:vm';

// Each rule of a full scan builds a working set of millions of values and drops it when it returns (R05's price
// columns, R06's payment sums, R01's patent pairs). V8 collects such garbage only once the heap has grown well past
// what the next rule needs, which took the core process over its 400 MB budget at 1,000,000 deals (DESIGN §7): a peak
// of 455 MB, 371 MB with this. Collecting between rules keeps the peak at what one rule needs, at a few milliseconds
// a rule; with less than HEAP_WORTH_COLLECTING in the heap there is nothing worth the pause.
const HEAP_WORTH_COLLECTING = 32 * 1024 * 1024;

let collect: (() => void) | null = null;

/** A full garbage collection when the heap holds enough to matter. */
export function collectGarbageBetweenRules(): void {
  if (process.memoryUsage().heapUsed < HEAP_WORTH_COLLECTING) return;
  if (!collect) {
    // The documented way to reach V8's collector without starting the process with --expose-gc (which Electron's
    // utility process, the CLI and browser mode would each have to pass): expose it, then read it in a new context.
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}
