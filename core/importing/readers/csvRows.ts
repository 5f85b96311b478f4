/**
 * CSV as Excel writes it (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes), separated by comma,
 * tab or semicolon, whichever the header line uses. A CSV is one sheet; which one is told by its headers.
 */
import { MAX_CELL_CHARS } from '../cells';
import { ImportFileError } from '../fileErrors';
import { columnLimit, IMPORT_LIMITS, limitRefusals } from '../importLimits';
import type { ReadProgress, SheetEvent } from './rowSource';

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length).replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ',';
}

function tooLong(rowNumber: number): ImportFileError {
  return new ImportFileError(
    `第 ${rowNumber} 行有一个单元格超过 ${MAX_CELL_CHARS} 个字符（Excel 单元格的上限），文件可能已损坏或引号未闭合。请检查该行后再导入。`,
  );
}

export function* csvRows(text: string, onProgress?: (p: ReadProgress) => void): Generator<SheetEvent> {
  const delimiter = detectDelimiter(text);
  yield { type: 'sheet', name: null };
  const length = text.length;
  let i = 0;
  let rowNumber = 0;
  while (i < length) {
    if (++rowNumber > IMPORT_LIMITS.rowsPerSheet) throw limitRefusals.rows('CSV', rowNumber);
    const cells: string[] = [];
    let endOfRow = false;
    while (!endOfRow) {
      let field: string;
      if (text[i] === '"') {
        let j = i + 1;
        let value = '';
        for (;;) {
          const quote = text.indexOf('"', j);
          if (quote < 0) throw tooLong(rowNumber);
          value += text.slice(j, quote);
          if (text[quote + 1] === '"') {
            value += '"';
            j = quote + 2;
          } else {
            i = quote + 1;
            break;
          }
          if (value.length > MAX_CELL_CHARS) throw tooLong(rowNumber);
        }
        if (value.length > MAX_CELL_CHARS) throw tooLong(rowNumber);
        // Anything between the closing quote and the next separator is kept, as Excel does.
        const rest = /^[^,\t;\r\n]*/.exec(text.slice(i, i + MAX_CELL_CHARS + 1))?.[0] ?? '';
        field = value + rest;
        i += rest.length;
      } else {
        let j = i;
        while (j < length) {
          const ch = text[j];
          if (ch === delimiter || ch === '\n' || ch === '\r') break;
          j++;
          if (j - i > MAX_CELL_CHARS) throw tooLong(rowNumber);
        }
        field = text.slice(i, j);
        i = j;
      }
      cells.push(field);
      if (cells.length > columnLimit()) throw limitRefusals.columns('CSV', cells.length, columnLimit());
      const ch = text[i];
      if (ch === delimiter) {
        i++;
      } else {
        if (ch === '\r' && text[i + 1] === '\n') i += 2;
        else if (ch === '\r' || ch === '\n') i++;
        endOfRow = true;
      }
    }
    if (rowNumber % 2000 === 0) onProgress?.({ done: i, total: length });
    yield { type: 'row', rowNumber, cells: cells.map((c) => (c === '' ? null : c)) };
  }
  onProgress?.({ done: length, total: length });
}
