/** One data row of a template sheet: every cell parsed by its column's kind, every bad cell named. */
import type { RejectedRow } from '../../shared/contract/importing';
import { isBlank, parseCell, shownValue, type CellValue, type RawCell } from './cells';
import type { SheetLayout } from './sheetLayout';

export interface ParsedRow {
  rowNumber: number;
  /** The cells as written, in the order of the sheet spec's columns. */
  raw: RawCell[];
  /** Parsed values in the same order; null for a blank or refused cell. */
  values: CellValue[];
}

export type Problem = Omit<RejectedRow, 'sheet' | 'row'>;

export function rowIsBlank(cells: RawCell[]): boolean {
  return cells.every(isBlank);
}

export function parseRow(
  layout: SheetLayout,
  rowNumber: number,
  cells: RawCell[],
): { row: ParsedRow; problems: Problem[] } {
  const { spec, cellIndex } = layout;
  const raw: RawCell[] = [];
  const values: CellValue[] = [];
  const problems: Problem[] = [];
  spec.columns.forEach((column, i) => {
    const index = cellIndex[i] ?? -1;
    const cell = index >= 0 ? (cells[index] ?? null) : null;
    raw.push(cell);
    if (cell === null || isBlank(cell)) {
      values.push(null);
      if (column.required) problems.push({ column: column.header, value: '', reason: `必填项“${column.header}”为空` });
      return;
    }
    const parsed = parseCell(cell, column.kind);
    if (parsed.ok) {
      values.push(parsed.value);
    } else {
      values.push(null);
      problems.push({ column: column.header, value: shownValue(cell), reason: parsed.reason });
    }
  });
  return { row: { rowNumber, raw, values }, problems };
}
