/**
 * What kind of file arrived, from its first bytes rather than its name: people rename files, and a browser hands
 * over whatever was picked.
 */
import { ImportFileError } from '../fileErrors';

export type FileKind = 'xlsx' | 'csv';

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** A complete zip ends with its central directory; a download or copy cut short does not. */
function hasZipEnd(bytes: Buffer): boolean {
  const from = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === ZIP_END_OF_CENTRAL_DIRECTORY) return true;
  }
  return false;
}

export const NOT_A_SPREADSHEET =
  '无法读取此文件：它不是 Excel 工作簿（.xlsx）或 CSV 文件。请下载导入模板，按模板填写后再导入。';
export const DAMAGED_XLSX =
  '无法读取此 Excel 文件：文件不完整或已损坏（可能下载或复制未完成）。请在 Excel 中打开并另存为 .xlsx 后再导入。';

export function sniffFileKind(bytes: Buffer): FileKind {
  if (bytes.length === 0) throw new ImportFileError('文件是空的（0 字节），请选择填写好的导入文件。');
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) {
    if (bytes.length < 22 || !hasZipEnd(bytes)) throw new ImportFileError(DAMAGED_XLSX);
    return 'xlsx';
  }
  if (startsWith(bytes, OLE2)) {
    throw new ImportFileError(
      '这是旧版 Excel 文件（.xls），本程序只读取 .xlsx 和 CSV。请在 Excel 中“另存为” .xlsx 后再导入。',
    );
  }
  return 'csv';
}
