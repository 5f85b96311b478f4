import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { parseCell } from './cells';
import { csvTextOf, dealRows, type Row } from './fixtures/generateRows';
import { SHEET_SPECS } from './sheets';
import { importBytes, storeFilesHash } from './testing';

// What people paste into cells: digits in both widths, Chinese, separators, quotes, line breaks, control characters.
const cellText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(...'0123456789０１２３４５６７８９.,，。-/年月日 万元ZLCN"\n\t'.split('')),
    maxLength: 20,
  }),
  fc.constantFrom(
    '',
    ' ',
    '2022/3/5',
    '2022年3月5日',
    '44621',
    '1,234.5',
    '太原',
    '综改区',
    '140100',
    '202310999716.6',
    'NaN',
    '-0',
    '1e309',
  ),
);
const cellValue = fc.oneof(cellText, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.date());

describe('cells under fuzzing', () => {
  it('every kind of column reads any cell as a value or a Chinese reason, never an exception', () => {
    const kinds = SHEET_SPECS.flatMap((s) => s.columns.map((c) => c.kind));
    fc.assert(
      fc.property(cellValue, fc.constantFrom(...kinds), (raw, kind) => {
        const result = parseCell(raw, kind);
        if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: 3000 },
    );
  });

  describe('through a whole import', () => {
    let store: Awaited<ReturnType<typeof setUpStore>>;
    beforeAll(async () => {
      store = await setUpStore('140100');
    });
    afterAll(() => store.close());

    it('a deal sheet with fuzzed cells is reported row by row, or refused whole with one message, and nothing is written', async () => {
      const before = storeFilesHash(store.dbPath);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat(20), cellText), { minLength: 1, maxLength: 8 }), async (edits) => {
          const rows = dealRows(3, 2);
          for (const [column, text] of edits) (rows[column % rows.length] as Row)[column] = text;
          const job = await importBytes(store.call, Buffer.from(csvTextOf('交易', rows), 'utf8'), {
            fileName: '交易.csv',
            dryRun: true,
          });
          if (job.state === '失败') expect(job.error).toMatch(/[\u4e00-\u9fff]/);
          else {
            expect(job.state).toBe('已完成');
            for (const r of job.report?.rejected ?? []) expect(r.reason).toMatch(/[\u4e00-\u9fff]/);
          }
        }),
        { numRuns: 60 },
      );
      expect(storeFilesHash(store.dbPath)).toBe(before);
    });
  });
});
