/**
 * What one import file may hold before it is refused unread. A workbook is a zip of XML: a few megabytes can unpack
 * to gigabytes or to millions of rows, so each limit is checked before the memory it guards is spent, and each
 * refusal names the limit and the sheet in Chinese.
 */
import { MAX_CELL_CHARS } from './cells';
import { SHEET_SPECS } from './sheets';
import { ImportFileError } from './fileErrors';

export const IMPORT_LIMITS = {
  /** Rows per sheet, the header row included. Excel itself stops at 1,048,576. */
  rowsPerSheet: 1_000_000,
  /** Columns beyond the template's own, for notes and helper columns people add. */
  extraColumns: 20,
  /** Uncompressed size of the shared strings (the text every sheet's cells point into); it is held while reading. */
  sharedStringsBytes: 100 * 1024 * 1024,
  /** Uncompressed size of any one part of the workbook (a sheet's XML is streamed, but never this much). */
  partBytes: 1024 * 1024 * 1024,
  /** Uncompressed ÷ compressed size of one part: Excel's own files stay far below; a zip bomb is far above. */
  partRatio: 100,
  /** Parts smaller than this are not held to the ratio: a tiny, repetitive styles part may compress very well. */
  ratioFromBytes: 1024 * 1024,
  /**
   * Bytes of one piece of text in a sheet or the shared strings, before the parser builds it as a string: Excel's own
   * limit of characters per cell, at up to 6 bytes each as written in XML (UTF-8, or an entity such as &quot;).
   */
  cellTextBytes: MAX_CELL_CHARS * 6,
} as const;

const WIDEST_TEMPLATE_SHEET = Math.max(...SHEET_SPECS.map((s) => s.columns.length));

/** Columns a sheet may have: its template sheet's plus the extra ones (the widest template sheet's before its header is known). */
export function columnLimit(templateColumns = WIDEST_TEMPLATE_SHEET): number {
  return templateColumns + IMPORT_LIMITS.extraColumns;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} MB`;
const n = (count: number) => count.toLocaleString('en');

export const limitRefusals = {
  rows: (sheet: string, rows: number) =>
    new ImportFileError(
      `工作表“${sheet}”超过行数上限：至少有 ${n(rows)} 行，每个工作表最多 ${n(IMPORT_LIMITS.rowsPerSheet)} 行。请把数据拆分到多个文件中分批导入。`,
    ),
  columns: (sheet: string, column: number, limit: number) =>
    new ImportFileError(
      `工作表“${sheet}”超过列数上限：第 ${n(column)} 列有内容，此表最多 ${limit} 列（模板的列数加 ${IMPORT_LIMITS.extraColumns} 列）。请删除多余的列后再导入。`,
    ),
  sharedStrings: (bytes: number) =>
    new ImportFileError(
      `工作簿的共享字符串（各工作表单元格中的文字）解压后至少 ${mb(bytes)}，超过上限 ${mb(IMPORT_LIMITS.sharedStringsBytes)}。文件可能已损坏或被恶意构造；请拆分为多个文件后再导入。`,
    ),
  partSize: (part: string, bytes: number) =>
    new ImportFileError(
      `${part}解压后至少 ${mb(bytes)}，超过单个部件的上限 ${mb(IMPORT_LIMITS.partBytes)}。文件可能已损坏或被恶意构造；请拆分为多个文件后再导入。`,
    ),
  cellText: (part: string) =>
    new ImportFileError(
      `${part}中有单元格的文字超过 ${n(MAX_CELL_CHARS)} 个字符（Excel 单元格的上限）。文件可能已损坏或被恶意构造；请检查该表后再导入。`,
    ),
  partRatio: (part: string, ratio: number) =>
    new ImportFileError(
      `${part}的压缩比异常：解压后是压缩后的 ${n(Math.round(ratio))} 倍，上限为 ${IMPORT_LIMITS.partRatio} 倍。文件可能是恶意构造的“压缩炸弹”，未导入。`,
    ),
};
