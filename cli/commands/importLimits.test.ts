import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cellsInColumnXfd,
  manyOneCellRows,
  oneHugeCell,
  sharedStringsBomb,
} from '../../core/importing/fixtures/hostileWorkbooks';
import { storeFilesHash } from '../../core/importing/testing';
import { initStoreByCli } from '../../tests/testing/cliStore';
import { runCliMeasured } from '../../tests/testing/runCli';

// Issue 12: each hostile workbook is refused, in Chinese, naming the limit and the sheet, before memory is spent
// (the child's own peak resident set stays under DESIGN §7's 400 MB), and the store is left exactly as it was. The
// time limit is the test's: generous, since the machine is shared; the point is that it ends at all.

let cleanup = () => {};
afterEach(() => cleanup());

const HOSTILE: [string, () => Buffer, string][] = [
  [
    'a sheet of 1,000,000 one-cell rows below the header (about 5 MB)',
    () => manyOneCellRows(),
    '工作表“交易”超过行数上限：至少有 1,000,001 行，每个工作表最多 1,000,000 行。',
  ],
  [
    'shared strings that unpack to about 4 GB from about 4 MB',
    () => sharedStringsBomb({ lying: false }),
    '工作簿的共享字符串（各工作表单元格中的文字）解压后至少 3,993.3 MB，超过上限 100 MB。',
  ],
  [
    'the same shared strings under a central directory that claims 4 KB',
    () => sharedStringsBomb({ lying: true }),
    '超过上限 100 MB。',
  ],
  [
    'cells in column XFD',
    () => cellsInColumnXfd(),
    '工作表“交易”超过列数上限：第 16,384 列有内容，此表最多 41 列（模板的列数加 20 列）。',
  ],
  [
    'one cell of about 300 MB of text (about 5 MB packed, under the ratio limit)',
    () => oneHugeCell(),
    '工作表“交易”中有单元格的文字超过 32,767 个字符（Excel 单元格的上限）。',
  ],
];

describe('patent-desk import refuses hostile workbooks', () => {
  for (const [what, make, message] of HOSTILE) {
    it(`refuses ${what} within 400 MB and leaves the store untouched`, () => {
      const store = initStoreByCli('140100');
      cleanup = store.cleanup;
      const file = path.join(store.dir, 'hostile.xlsx');
      fs.writeFileSync(file, make());
      const before = storeFilesHash(store.db);

      const r = runCliMeasured(['--db', store.db, 'import', file]);

      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
      expect(r.peakMb).toBeLessThan(400);
      expect(storeFilesHash(store.db)).toBe(before);
    }, 120_000);
  }
});
