import type { RawCell } from '../cells';

/** What every reader (xlsx, CSV) yields: a sheet starts, then its rows in order. */
export type SheetEvent = { type: 'sheet'; name: string | null } | { type: 'row'; rowNumber: number; cells: RawCell[] };

export interface ReadProgress {
  /** Bytes of the file consumed so far. */
  bytesRead: number;
  totalBytes: number;
}
