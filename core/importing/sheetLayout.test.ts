import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dealRows, headersOf } from './fixtures/generateRows';
import { readImportFile } from './readImportFile';

async function xlsx(name: string, rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(name);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('finding the template sheet and its columns', () => {
  it('knows a deal sheet by its headers under any sheet name, below a title line, with headers written loosely', async () => {
    const loose = headersOf('交易').map((h) => h.replace('（万元）', '(万元)').replace('合同编号', ' ＊合同编号 '));
    const read = await readImportFile(await xlsx('Sheet1', [['2022年专利转让明细'], loose, ...dealRows(2)]));
    expect(read.parts.map((p) => [p.spec.name, p.sheet, p.rows.length])).toEqual([['交易', 'Sheet1', 2]]);
    expect(read.rejected).toEqual([]);
  });

  it('reads columns in any order and ignores columns the template does not have', async () => {
    const headers = [...headersOf('到账')].reverse().concat('备注');
    const read = await readImportFile(await xlsx('到账', [headers, ['P-1', '5', '2022/3/5', 'HT-1', '首付款']]));
    expect(read.rejected).toEqual([]);
    expect(read.parts[0]?.rows[0]?.values).toEqual(['HT-1', '2022-03-05', 5_000_000, 'P-1']);
  });

  it('skips the instructions sheet of the template', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('填写说明').addRow(['工作表', '列名', '必填', '类型', '填写说明']);
    const deals = workbook.addWorksheet('交易');
    deals.addRow(headersOf('交易'));
    for (const row of dealRows(1)) deals.addRow(row);
    const read = await readImportFile(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(read.parts.map((p) => p.sheet)).toEqual(['交易']);
  });
});
