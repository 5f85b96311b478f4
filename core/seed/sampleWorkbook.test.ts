import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../shared/domain/dates';
import { CITY_REGIONS, resolveRegion } from '../../shared/domain/regions';
import { SHEET_SPECS } from '../importing/sheets';
import { buildSampleWorkbook } from './sampleWorkbook';

type Cell = ExcelJS.CellValue;

async function sheetsOf(bytes: Buffer): Promise<Map<string, Cell[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, Cell[][]>();
  for (const ws of book.worksheets) {
    const rows: Cell[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push(Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).value));
    });
    sheets.set(ws.name, rows);
  }
  return sheets;
}

const column = (sheet: string, header: string) =>
  SHEET_SPECS.find((s) => s.name === sheet)!.columns.findIndex((c) => c.header === header);
const isoOf = (cell: Cell) => {
  const r = parseDate(cell instanceof Date || typeof cell === 'number' ? cell : String(cell));
  if (!r.ok) throw new Error(`not a date: ${String(cell)}`);
  return r.iso;
};

describe('patent-desk sample', () => {
  it('gives the same bytes for the same seed and other content for another seed', async () => {
    const a = await buildSampleWorkbook({ seed: 7, deals: 60 });
    const b = await buildSampleWorkbook({ seed: 7, deals: 60 });
    const c = await buildSampleWorkbook({ seed: 8, deals: 60 });
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(await sheetsOf(a.bytes)).toEqual(await sheetsOf(b.bytes));
    expect(await sheetsOf(a.bytes)).not.toEqual(await sheetsOf(c.bytes));
  });

  it('fills every template sheet: twelve regions, deals of 2020–2023 with several patents, payments in later years', async () => {
    const { bytes, rows, records } = await buildSampleWorkbook({ seed: 1 });
    const sheets = await sheetsOf(bytes);
    for (const spec of SHEET_SPECS) {
      expect(sheets.get(spec.name)?.length, spec.name).toBe(rows[spec.name]);
      expect(rows[spec.name], spec.name).toBeGreaterThan(0);
    }
    const deals = sheets.get('交易')!;
    const contract = column('交易', '合同编号');
    const dealYear = new Map(deals.map((r) => [String(r[contract]), isoOf(r[column('交易', '合同日期')]).slice(0, 4)]));
    expect(dealYear.size).toBe(records.deals);
    expect(new Set(dealYear.values())).toEqual(new Set(['2020', '2021', '2022', '2023']));
    expect(deals.length).toBeGreaterThan(records.deals); // some deals name several patents

    const cities = new Set(
      deals.map((r) => {
        const region = resolveRegion(String(r[column('交易', '受让方所在地')]).trim());
        return region.ok ? region.cityCode : null;
      }),
    );
    for (const region of CITY_REGIONS) expect(cities.has(region.code), region.name).toBe(true);

    const paidLater = sheets
      .get('到账')!
      .filter(
        (r) => isoOf(r[column('到账', '到账日期')]).slice(0, 4) > dealYear.get(String(r[column('到账', '合同编号')]))!,
      );
    expect(paidLater.length).toBeGreaterThan(0);
  });

  it('writes cells the ways people write them', async () => {
    const { bytes } = await buildSampleWorkbook({ seed: 1 });
    const sheets = await sheetsOf(bytes);
    const cells = SHEET_SPECS.flatMap((spec) => sheets.get(spec.name)!.flat());
    const dateCells = SHEET_SPECS.flatMap((spec) =>
      spec.columns.flatMap((c, i) => (c.kind.type === 'date' ? sheets.get(spec.name)!.map((r) => r[i]) : [])),
    );
    const texts = cells.filter((c): c is string => typeof c === 'string');
    const seen = {
      'a date cell': dateCells.some((c) => c instanceof Date),
      'a bare Excel serial': dateCells.some((c) => typeof c === 'number'),
      '2022/3/5': texts.some((t) => /^20\d\d\/\d{1,2}\/\d{1,2}$/.test(t)),
      '2022年3月5日': texts.some((t) => /^20\d\d年\d{1,2}月\d{1,2}日$/.test(t)),
      'full-width digits': texts.some((t) => /[０-９]/.test(t)),
      'thousands separators': texts.some((t) => /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)),
      'trailing spaces': texts.some((t) => /[ \u3000]$/.test(t)),
      'a region by name': texts.includes('太原'),
      'a region by its full name': texts.includes('太原市'),
      'a region by code': texts.includes('140100'),
      'a ZL patent number': texts.some((t) => /^ZL\d{12}\.[\dX]$/.test(t)),
      'a number with a unit': texts.some((t) => /^\d+(个月|人|年)$/.test(t)),
    };
    expect(
      Object.entries(seen)
        .filter(([, found]) => !found)
        .map(([what]) => what),
    ).toEqual([]);
  });
});
