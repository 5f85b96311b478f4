import fs from 'node:fs';
import path from 'node:path';
import { buildSampleWorkbook, type SampleWorkbook } from '../../core/seed/sampleWorkbook';

/** The seed the tests' sample uses; any seed imports cleanly, this one keeps failures reproducible. */
export const TEST_SAMPLE_SEED = 1;

/**
 * Writes the project's own sample workbook (what `patent-desk sample` writes) into `dir` as `sample-import.xlsx`,
 * and returns its path with what the generator put in it.
 */
export async function writeSampleWorkbook(
  dir: string,
  seed = TEST_SAMPLE_SEED,
): Promise<{ file: string; sample: SampleWorkbook }> {
  const sample = await buildSampleWorkbook({ seed });
  const file = path.join(dir, 'sample-import.xlsx');
  fs.writeFileSync(file, sample.bytes);
  return { file, sample };
}
