/**
 * Tables out to files people open in Excel: xlsx (streamed, so a list of a million rows does not sit in memory twice)
 * and CSV in UTF-8 with a BOM (without it, Excel on Chinese Windows reads UTF-8 as GBK and shows mojibake).
 * Every CSV the desk writes goes through csvOf, so formula-like cells are neutralised in this one place.
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { FileDownload } from '../../shared/contract/common';
import type { ExportFormat } from '../../shared/contract/exporting';

export type TableCell = string | number | null;

export interface TableSheet {
  name: string;
  columns: string[];
  rows: Iterable<TableCell[]>;
  /** Column widths in characters; a default fits most Chinese headers. */
  widths?: number[];
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv;charset=utf-8';

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
}

/** A file name without characters Windows refuses. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what Windows refuses in a name
  return name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').trim() || '导出';
}

export async function xlsxOf(sheets: TableSheet[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(safeSheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((header, i) => ({
      header,
      width: sheet.widths?.[i] ?? Math.max(10, Math.min(40, header.length * 2 + 4)),
    }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const row of sheet.rows) ws.addRow(row).commit();
    ws.commit();
  }
  await workbook.commit();
  return Buffer.concat(chunks);
}

// A text cell that starts like a formula (= + - @, or a tab or CR that Excel skips before one) is run by Excel or
// LibreOffice when the CSV is opened: =HYPERLINK(...) leaks data, =cmd|' /C calc'!A0 starts a program. OWASP's rule:
// a single quote in front makes it text, shown as written. Number cells are left as numbers: String() of a number
// is digits, a sign, a point or an exponent only, never a formula, and -5 must stay a number Excel can add up.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: formula-like text neutralised, then quoted where commas, quotes or line breaks need it. */
function csvField(cell: TableCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvOf(sheet: TableSheet): Buffer {
  const lines = [sheet.columns.map(csvField).join(',')];
  for (const row of sheet.rows) lines.push(row.map(csvField).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

/** Today as YYYYMMDD for file names. */
function stamp(now: Date): string {
  return `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
}

export async function tableDownload(
  title: string,
  sheet: TableSheet,
  format: ExportFormat,
  now: Date,
): Promise<FileDownload> {
  const fileName = `${safeFileName(title)}_${stamp(now)}.${format}`;
  if (format === 'csv') return { fileName, mimeType: CSV_MIME, base64: csvOf(sheet).toString('base64') };
  return { fileName, mimeType: XLSX_MIME, base64: (await xlsxOf([sheet])).toString('base64') };
}
