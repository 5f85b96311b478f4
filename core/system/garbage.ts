import v8 from 'node:v8';
import vm from 'node:vm';

// V8 collects the old generation only once the heap has grown well past what is live: a long job that allocates as
// it goes (an import's rows, a full scan's rules) lets 150–200 MB of garbage pile up on top of a live set of 50 MB,
// which took the core process over its 400 MB budget (DESIGN §7). Such a job collects at its own pauses instead.

let collect: (() => void) | null = null;

/** A full garbage collection, now. */
function collectNow(): void {
  if (!collect) {
    // The documented way to reach V8's collector without starting the process with --expose-gc (which Electron's
    // utility process, the CLI and browser mode would each have to pass): expose it, then read it in a new context.
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}

const heapUsed = () => process.memoryUsage().heapUsed;

/**
 * Between the rules of a full scan: each rule builds a working set of millions of values and drops it when it
 * returns (R05's price columns, R06's payment sums, R01's patent pairs); collecting then keeps the peak at what one
 * rule needs (at 1,000,000 deals: 371 MB against 455 MB), at a few milliseconds a rule. Under 32 MB in the heap
 * there is nothing worth the pause.
 */
export function collectGarbageBetweenRules(): void {
  if (heapUsed() >= 32 * 1024 * 1024) collectNow();
}

/**
 * For a job that allocates as it goes: call what it returns at the job's pauses (between pages of rows); it collects
 * once the heap has grown by `allowanceMb` since the last collection. Measured from what was live after it, not from
 * a fixed size, so a job whose live set is large (a workbook of many shared strings) does not collect at every pause.
 */
export function garbageAllowance(allowanceMb: number): () => void {
  const allowance = allowanceMb * 1024 * 1024;
  let limit = heapUsed() + allowance;
  return () => {
    if (heapUsed() < limit) return;
    collectNow();
    limit = heapUsed() + allowance;
  };
}
