import type { RawCell } from '../cells';

/** What every reader (xlsx, CSV) yields: a sheet starts, then its rows in order. */
export type SheetEvent = { type: 'sheet'; name: string | null } | { type: 'row'; rowNumber: number; cells: RawCell[] };

/**
 * How far a reader is through its file, in its own unit: bytes of a CSV's text, rows of a workbook (counted by the
 * preflight; a workbook's zip is unpacked ahead of the rows, so its bytes would say 100 % while most rows are unread).
 */
export interface ReadProgress {
  done: number;
  total: number;
}
