/**
 * Reads an import file (xlsx or CSV, told apart by content) into parsed rows per template sheet, with every bad cell
 * named. The caller sees progress and may cancel between rows.
 */
import type { RejectedRow } from '../../shared/contract/importing';
import { isBlank, type RawCell } from './cells';
import { columnLimit, limitRefusals } from './importLimits';
import { ImportCancelled, ImportFileError } from './fileErrors';
import { parseRow, rowIsBlank, type ParsedRow, type Problem } from './parseRow';
import { csvRows } from './readers/csvRows';
import { decodeText } from './readers/decodeText';
import type { ReadProgress, SheetEvent } from './readers/rowSource';
import { sniffFileKind } from './readers/sniff';
import { xlsxRows } from './readers/xlsxRows';
import {
  closestSpec,
  isInstructionsSheet,
  isTemplateName,
  layoutOf,
  looksLikeHeader,
  specFor,
  type SheetLayout,
} from './sheetLayout';
import type { SheetSpec } from './sheets';

export interface SheetPart {
  spec: SheetSpec;
  /** The worksheet's own name, as the report shows it. */
  sheet: string;
  rows: ParsedRow[];
}

export interface ReadResult {
  parts: SheetPart[];
  rejected: RejectedRow[];
  rowsRead: number;
}

export interface ReadHooks {
  onProgress?: (progress: ReadProgress & { rowsRead: number }) => void;
  /** Polled between rows; true stops the read with ImportCancelled. */
  isCancelled?: () => boolean;
  /**
   * Takes each parsed row instead of the part's `rows` (which then stay empty), so that the caller can park it
   * elsewhere; the row's problems are in `rejected` already.
   */
  onRow?: (part: SheetPart, row: ParsedRow, problems: Problem[]) => void;
  /** Takes each refused cell instead of the result's `rejected` (which then stays empty), so nothing of it is held. */
  onRejected?: (rejected: RejectedRow) => void;
}

/** Header search stops here: a title or a note above the header is common, ten lines of it is not. */
const HEADER_SEARCH_ROWS = 10;

interface OpenSheet {
  name: string | null;
  layout: SheetLayout | null;
  part: SheetPart | null;
  rowsSeen: number;
  /** The instructions sheet, or a sheet whose first rows hold no template header. */
  skipped: boolean;
  firstCells: RawCell[] | null;
}

export async function readImportFile(bytes: Buffer, hooks: ReadHooks = {}): Promise<ReadResult> {
  const kind = sniffFileKind(bytes);
  let rowsRead = 0;
  const progress = (p: ReadProgress) => hooks.onProgress?.({ ...p, rowsRead });
  const events: AsyncIterable<SheetEvent> | Iterable<SheetEvent> =
    kind === 'xlsx' ? xlsxRows(bytes, progress) : csvRows(decodeText(bytes).text, progress);

  const parts: SheetPart[] = [];
  const rejected: RejectedRow[] = [];
  const unrecognized: string[] = [];
  let current: OpenSheet | null = null;

  const closeSheet = () => {
    if (!current || current.layout || current.rowsSeen === 0 || isInstructionsSheet(current.name)) return;
    // A sheet named like a template sheet but without its header: say which columns are missing.
    const named = specFor(current.name, []);
    if (named && isTemplateName(current.name)) {
      layoutOf(named, current.firstCells ?? [], 1, current.name ?? '');
    }
    unrecognized.push(current.name ?? '');
  };

  let eventCount = 0;
  for await (const event of events) {
    // Let status polls and the cancel button through now and then: reading is otherwise one long microtask chain.
    if (++eventCount % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    if (hooks.isCancelled?.()) throw new ImportCancelled();
    if (event.type === 'sheet') {
      closeSheet();
      current = {
        name: event.name,
        layout: null,
        part: null,
        rowsSeen: 0,
        skipped: isInstructionsSheet(event.name),
        firstCells: null,
      };
      continue;
    }
    if (!current || current.skipped || rowIsBlank(event.cells)) continue;
    current.rowsSeen++;
    current.firstCells ??= event.cells;
    if (!current.layout) {
      current = openLayout(current, event.cells, event.rowNumber, kind);
      if (current.part) parts.push(current.part);
      continue;
    }
    rowsRead++;
    const limit = columnLimit(current.layout.spec.columns.length);
    for (let c = event.cells.length - 1; c >= limit; c--) {
      if (!isBlank(event.cells[c] ?? null)) throw limitRefusals.columns(current.part?.sheet ?? '', c + 1, limit);
    }
    const { row, problems } = parseRow(current.layout, event.rowNumber, event.cells);
    const part = current.part as SheetPart;
    for (const p of problems) {
      const refused = { sheet: part.sheet, row: event.rowNumber, ...p };
      if (hooks.onRejected) hooks.onRejected(refused);
      else rejected.push(refused);
    }
    if (hooks.onRow) hooks.onRow(part, row, problems);
    else part.rows.push(row);
  }
  closeSheet();

  if (parts.length === 0) {
    if (unrecognized.length > 0) {
      throw new ImportFileError(
        `无法识别${kind === 'csv' ? '此 CSV 文件' : `工作表“${unrecognized.join('”“')}”`}的表头：表头应与导入模板一致（如“合同编号、交易类型、许可方式、专利号……”）。请下载导入模板，按模板填写后再导入。`,
      );
    }
    throw new ImportFileError('文件中没有数据：没有找到可导入的工作表或数据行。请按导入模板填写后再导入。');
  }
  if (rowsRead === 0) {
    throw new ImportFileError(
      `工作表“${parts.map((p) => p.sheet).join('”“')}”只有表头，没有数据行。请填写数据后再导入。`,
    );
  }
  return { parts, rejected, rowsRead };
}

function openLayout(sheet: OpenSheet, cells: RawCell[], rowNumber: number, kind: 'xlsx' | 'csv'): OpenSheet {
  const named = isTemplateName(sheet.name) ? specFor(sheet.name, cells) : null;
  const spec = named ?? specFor(null, cells);
  if (spec && looksLikeHeader(cells, spec)) {
    const shownName = kind === 'csv' ? spec.name : (sheet.name ?? spec.name);
    return {
      ...sheet,
      layout: layoutOf(spec, cells, rowNumber, shownName),
      part: { spec, sheet: shownName, rows: [] },
    };
  }
  if (looksLikeHeader(cells, null)) {
    // Some template headers but not all the required ones: name the missing columns of the closest sheet.
    layoutOf(closestSpec(cells), cells, rowNumber, sheet.name ?? (kind === 'csv' ? 'CSV' : ''));
  }
  if (sheet.rowsSeen >= HEADER_SEARCH_ROWS) return { ...sheet, skipped: true };
  return sheet;
}
