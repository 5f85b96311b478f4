import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/contract/importing';
import { RejectedSpool } from './rejectedSpool';
import { reportDownload } from './reportFile';

const report = (rejectedTotal: number): ImportReport => ({
  new: 0,
  updated: 0,
  unchanged: 0,
  rejected: [],
  rejectedTotal,
  sheets: { 交易: { new: 0, updated: 0, unchanged: 0, rejected: rejectedTotal } },
  written: false,
  dryRun: false,
  validOnly: false,
  rowsRead: rejectedTotal,
  fileName: '交易.xlsx',
});

async function errorSheetOf(file: { base64: string }): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.getWorksheet('错误行')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
  return rows;
}

describe('the import report workbook', () => {
  let spool: RejectedSpool;
  afterEach(() => spool.remove());

  function spoolOf(entries: number): RejectedSpool {
    spool = new RejectedSpool();
    for (let i = 0; i < entries; i++)
      spool.add({ sheet: '交易', row: i + 2, column: '专利号', value: 'X', reason: '专利号校验位错误' });
    return spool;
  }

  it('lists every refused entry when they fit', async () => {
    const rows = await errorSheetOf(await reportDownload(report(12), spoolOf(12), 12));
    expect(rows).toHaveLength(1 + 12);
    expect(rows.at(-1)).toEqual(['交易', '13', '专利号', 'X', '专利号校验位错误']);
  });

  it('lists the first entries of a file of too many, and says how many there are and how to see the rest', async () => {
    const rows = await errorSheetOf(await reportDownload(report(12), spoolOf(12), 10));
    expect(rows).toHaveLength(1 + 10 + 1);
    expect(rows[10]![1]).toBe('11');
    expect(rows.at(-1)!.at(-1)).toBe(
      '共 12 条错误，本表只列出前 10 条。请先更正这些行后重新导入，其余错误会在下一次的报告中列出；也可在导入页面逐页查看全部错误。',
    );
  });
});
