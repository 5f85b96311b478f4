import { afterEach, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { importBytes } from '../importing/testing';
import { buildSampleWorkbook } from './sampleWorkbook';

type Store = Awaited<ReturnType<typeof setUpStore>>;
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

describe('patent-desk sample, larger and under other seeds', () => {
  // Large enough that the shared strings span many of the reader's unpacked chunks, where a Chinese character's
  // bytes can be cut in two; a dry run still checks every row and reference across the sheets.
  it.each([2, 3])('seed %i with 1,500 deals imports with no rejected row', async (seed) => {
    const sample = await buildSampleWorkbook({ seed, deals: 1500 });
    const store = await setUpStore('140100');
    stores.push(store);
    const job = await importBytes(store.call, sample.bytes, { dryRun: true });
    expect(job.report?.rejected.map((r) => `${r.sheet} 第 ${r.row} 行「${r.column}」${r.reason}`)).toEqual([]);
    expect(job.report?.new).toBeGreaterThan(sample.records.deals);
  });
});
