/**
 * An independent reading of DOMAIN §7 straight from an import workbook (DESIGN §3 template), for checking the
 * engine end to end: no store, no SQL — rows grouped by their business numbers, parties keyed by USCC (else name).
 */
import ExcelJS from 'exceljs';
import { parseDate } from '../../../shared/domain/dates';
import { parseWanToFen } from '../../../shared/domain/money';
import { parsePatentNumber } from '../../../shared/domain/patentNumber';
import { CITY_REGIONS, PROVINCE_CODE, resolveRegion } from '../../../shared/domain/regions';
import { compactCell } from '../../../shared/domain/text';

type Cell = ExcelJS.CellValue;
const SME = new Set(['微型', '小型', '中型']);

function text(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return text(v.result as Cell);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return compactCell(String(v));
}
function date(v: Cell): string | null {
  if (v === null || v === undefined || text(v) === '') return null;
  const r = parseDate(v instanceof Date ? v : typeof v === 'number' ? v : text(v));
  if (!r.ok) throw new Error(`bad date ${text(v)}`);
  return r.iso;
}
function fen(v: Cell): number {
  const r = parseWanToFen(typeof v === 'number' ? v : text(v));
  if (!r.ok) throw new Error(`bad money ${text(v)}`);
  return r.fen;
}
function city(v: Cell): string | null {
  const r = resolveRegion(text(v));
  return r.ok ? r.cityCode : null;
}
function patent(v: Cell): string {
  const r = parsePatentNumber(text(v));
  if (!r.ok) throw new Error(`bad patent ${text(v)}`);
  return r.normalized;
}
/** A whole number as people write it: 2022年, 85人, 1,234, full width. */
function integer(v: Cell): number {
  const digits = text(v)
    .replace(/(年|人|个月)$/, '')
    .replace(/,/g, '');
  if (!/^\d+$/.test(digits)) throw new Error(`bad integer ${text(v)}`);
  return Number(digits);
}
const party = (uscc: Cell, name: Cell) => text(uscc).toUpperCase() || `name:${text(name)}`;

function rows(book: ExcelJS.Workbook, name: string): Record<string, Cell>[] {
  const sheet = book.getWorksheet(name);
  if (!sheet) return [];
  const headerCells = sheet.getRow(1).values as Cell[];
  const headers = Array.from({ length: headerCells.length }, (_, i) => text(headerCells[i] ?? null));
  const out: Record<string, Cell>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = Array.from({ length: headers.length }, (_, i) => (row.values as Cell[])[i] ?? null);
    if (values.every((v) => text(v) === '')) return;
    out.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  });
  return out;
}

interface Deal {
  patents: Set<string>;
  amount: number;
  year: number | null;
  assigneeCity: string | null;
  assigneeSme: boolean;
  assignee: string;
  assignorCity: string | null;
  assignorAcademic: boolean;
}

export async function referenceIndicators(file: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const deals = new Map<string, Deal>();
  for (const r of rows(book, '交易')) {
    const no = text(r['合同编号']);
    let d = deals.get(no);
    if (!d) {
      const recorded = date(r['备案日期']);
      d = {
        patents: new Set(),
        amount: fen(r['成交金额(万元)']),
        year: recorded ? Number(recorded.slice(0, 4)) : null,
        assigneeCity: city(r['受让方所在地']),
        assigneeSme: SME.has(text(r['受让方规模'])),
        assignee: party(r['受让方统一社会信用代码'], r['受让方名称']),
        assignorCity: city(r['让与方所在地']),
        assignorAcademic: ['高校', '科研院所'].includes(text(r['让与方类型'])),
      };
      deals.set(no, d);
    }
    d.patents.add(patent(r['专利号']));
  }
  const payments = rows(book, '到账').map((r) => ({
    deal: deals.get(text(r['合同编号'])),
    date: date(r['到账日期'])!,
    fen: fen(r['到账金额(万元)']),
  }));
  const pledges = new Map<string, { city: string | null; fen: number; year: number }>();
  for (const r of rows(book, '质押')) {
    const no = text(r['质押登记号']);
    if (!pledges.has(no))
      pledges.set(no, {
        city: city(r['出质人所在地']),
        fen: fen(r['融资金额(万元)']),
        year: Number(date(r['登记日期'])!.slice(0, 4)),
      });
  }
  const registrations = new Map<string, { city: string | null; sme: boolean; year: number; patents: Set<string> }>();
  for (const r of rows(book, '产品备案')) {
    const no = text(r['备案号']);
    let g = registrations.get(no);
    if (!g)
      registrations.set(
        no,
        (g = {
          city: city(r['企业所在地']),
          sme: SME.has(text(r['企业规模'])),
          year: Number(date(r['备案日期'])!.slice(0, 4)),
          patents: new Set(),
        }),
      );
    g.patents.add(patent(r['专利号']));
  }
  const figures = new Map<string, { revenue: number | null; employees: number | null }>();
  for (const r of rows(book, '企业年度数据')) {
    const revenue = text(r['营业收入(万元)']);
    const employees = text(r['就业人数']);
    figures.set(`${party(r['统一社会信用代码'], r['企业名称'])}|${integer(r['年度'])}`, {
      revenue: revenue === '' ? null : fen(r['营业收入(万元)']),
      employees: employees === '' ? null : integer(r['就业人数']),
    });
  }

  /** Year value of every summable indicator for the regions given, plus the I3 enterprises of the year. */
  return (regions: readonly string[], year: number) => {
    const inArea = (c: string | null) => c !== null && regions.includes(c);
    const i1 = [...deals.values()].filter((d) => d.year !== null && d.assigneeSme && inArea(d.assigneeCity));
    const i2 = [...deals.values()].filter((d) => d.year !== null && d.assignorAcademic && inArea(d.assignorCity));
    const ofYear = (list: Deal[], y: number) => list.filter((d) => d.year === y);
    const paid = (list: Deal[], y: number) =>
      payments
        .filter((p) => p.deal && list.includes(p.deal) && p.date.startsWith(`${y}-`))
        .reduce((s, p) => s + p.fen, 0);
    const enterprises = (from: number, to: number) =>
      new Set(i1.filter((d) => d.year! >= from && d.year! <= to).map((d) => d.assignee));
    const regs = (y: number) => [...registrations.values()].filter((g) => g.sme && inArea(g.city) && g.year === y);
    const pl = (y: number) => [...pledges.values()].filter((p) => inArea(p.city) && p.year === y);
    const growth = (key: 'revenue' | 'employees') => {
      let now = 0,
        before = 0;
      for (const e of enterprises(year, year)) {
        const a = figures.get(`${e}|${year}`)?.[key];
        const b = figures.get(`${e}|${year - 1}`)?.[key];
        if (a !== null && a !== undefined && b !== null && b !== undefined) {
          now += a;
          before += b;
        }
      }
      return before > 0 ? now / before - 1 : null;
    };
    const v = (y: number) => ({
      I1: ofYear(i1, y).reduce((s, d) => s + d.patents.size, 0),
      I1a: ofYear(i1, y).reduce((s, d) => s + d.amount, 0),
      I1b: paid(i1, y),
      I2: ofYear(i2, y).reduce((s, d) => s + d.patents.size, 0),
      I2a: ofYear(i2, y).reduce((s, d) => s + d.amount, 0),
      I2b: paid(i2, y),
      I3: enterprises(y, y).size,
      I4: regs(y).length,
      I4a: new Set(regs(y).flatMap((g) => [...g.patents])).size,
      I5: pl(y).reduce((s, p) => s + p.fen, 0),
      I5a: pl(y).length,
    });
    return {
      year: v(year),
      before: v(year - 1),
      base: v(2020),
      I3a: growth('revenue'),
      I3b: growth('employees'),
      cumulativeEnterprises: enterprises(2021, year).size,
      v,
    };
  };
}

export const REFERENCE_REGIONS: readonly (readonly string[])[] = [
  ...CITY_REGIONS.map((r) => [r.code]),
  CITY_REGIONS.map((r) => r.code),
];
export const areaCode = (regions: readonly string[]) => (regions.length > 1 ? PROVINCE_CODE : regions[0]!);
