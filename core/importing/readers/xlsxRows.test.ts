import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReadProgress } from './rowSource';
import { xlsxRows } from './xlsxRows';

describe('xlsxRows', () => {
  // Some 250 KB of three-byte characters, in the shared strings or inline in the sheet: many of the unpacked chunks'
  // ends fall inside a character.
  it.each([true, false])(
    'reads Chinese text intact wherever a part is cut into chunks (shared strings: %s)',
    async (useSharedStrings) => {
      const texts = Array.from(
        { length: 3000 },
        (_, i) => `中国邮政储蓄银行山西省分行第${i}号营业部，吕梁鑫盛光电科技有限公司`,
      );
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('交易');
      for (const text of texts) sheet.addRow([text]);
      const bytes = Buffer.from(await book.xlsx.writeBuffer({ useSharedStrings }));

      const read: unknown[][] = [];
      for await (const event of xlsxRows(bytes)) if (event.type === 'row') read.push(event.cells);
      expect(read).toEqual(texts.map((text) => [text]));
    },
  );

  // The zip is unpacked far ahead of the rows: a progress bar by bytes stood at 100 % with most rows still unread.
  it('says how far it is by rows read of the rows the workbook holds', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('交易');
    for (let i = 0; i < 5000; i++) sheet.addRow([`HT-${i}`, i]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());

    const seen: { rows: number; progress: ReadProgress }[] = [];
    let rows = 0;
    for await (const event of xlsxRows(bytes, (progress) => seen.push({ rows, progress: { ...progress } }))) {
      if (event.type === 'row') rows++;
    }
    expect(seen.length).toBeGreaterThan(4);
    for (const { rows: before, progress } of seen) {
      expect(progress.total).toBe(5000);
      expect(Math.abs(progress.done - before)).toBeLessThanOrEqual(1);
    }
    expect(seen.at(-1)?.progress).toEqual({ done: 5000, total: 5000 });
  });
});
