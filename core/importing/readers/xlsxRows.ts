/**
 * Streams an xlsx workbook sheet by sheet and row by row with exceljs' WorkbookReader, so that a 100,000-row sheet is
 * never held whole in memory. Cells come out typed (text, number, Date for date-formatted cells).
 */
import { Readable } from 'node:stream';
import { MAX_CELL_CHARS, type RawCell } from '../cells';
import { ImportFileError } from '../fileErrors';
import { columnLimit, IMPORT_LIMITS, limitRefusals } from '../importLimits';
import { preflightXlsx } from './xlsxPreflight';
import type { ReadProgress, SheetEvent } from './rowSource';
import { DAMAGED_XLSX } from './sniff';
import { Utf8WorkbookReader } from './utf8WorkbookReader';

const CHUNK = 256 * 1024;

function cellOf(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((run) => run.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellOf(v.result);
    if (v.error !== undefined) return null;
    if (typeof v.text === 'string') return v.text;
  }
  return String(value);
}

function tooLong(sheet: string | null, rowNumber: number): ImportFileError {
  return new ImportFileError(
    `工作表“${sheet ?? ''}”第 ${rowNumber} 行有一个单元格超过 ${MAX_CELL_CHARS} 个字符（Excel 单元格的上限），文件可能已损坏。请检查该行后再导入。`,
  );
}

export async function* xlsxRows(bytes: Buffer, onProgress?: (p: ReadProgress) => void): AsyncGenerator<SheetEvent> {
  const totalRows = await preflightXlsx(bytes);
  const input = Readable.from(
    (function* chunks() {
      for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
    })(),
  );
  let rowsSeen = 0;
  const reader = new Utf8WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? null;
      yield { type: 'sheet', name };
      for await (const row of worksheet) {
        // The preflight counted the rows; a row numbered past the limit (far below empty ones) is refused here.
        if (row.number > IMPORT_LIMITS.rowsPerSheet) throw limitRefusals.rows(name ?? '', row.number);
        const values = row.values as unknown[];
        // Checked before any cell is copied: a cell in column XFD makes a row of 16,384 mostly empty cells. Empty
        // (formatted only) cells past the limit are dropped, not refused.
        let width = values.length - 1;
        while (width > columnLimit() && cellOf(values[width]) === null) width--;
        if (width > columnLimit()) throw limitRefusals.columns(name ?? '', width, columnLimit());
        const cells: RawCell[] = [];
        for (let c = 1; c <= width; c++) {
          const cell = cellOf(values[c]);
          if (typeof cell === 'string' && cell.length > MAX_CELL_CHARS) throw tooLong(name, row.number);
          cells.push(cell);
        }
        if (++rowsSeen % 1000 === 0) onProgress?.({ done: rowsSeen, total: totalRows });
        yield { type: 'row', rowNumber: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(DAMAGED_XLSX);
  } finally {
    input.destroy();
  }
  onProgress?.({ done: totalRows, total: totalRows });
}
