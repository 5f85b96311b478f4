/** The import report as a workbook the caseworker can hand back to whoever sent the file: counts, then every refused row. */
import type { FileDownload } from '../../shared/contract/common';
import type { ImportReport } from '../../shared/contract/importing';
import { safeFileName, XLSX_MIME, xlsxOf } from '../exporting/tableFile';
import type { RejectedSpool } from './rejectedSpool';

/**
 * Refused entries the report's workbook lists. The workbook is built in memory (and sent as base64), so a file of a
 * million bad rows would make one of gigabytes; nobody corrects more than this from one sheet, and the page and
 * `patent-desk import --json` still show every entry.
 */
export const REPORT_FILE_ENTRIES = 100_000;

function* listedEntries(rejected: RejectedSpool, total: number, limit: number): Generator<(string | number)[]> {
  let listed = 0;
  for (const r of rejected.all()) {
    if (listed++ === limit) break;
    yield [r.sheet, r.row, r.column, r.value, r.reason];
  }
  if (total > limit) {
    yield [
      '',
      '',
      '',
      '',
      `共 ${total.toLocaleString('en')} 条错误，本表只列出前 ${limit.toLocaleString('en')} 条。请先更正这些行后重新导入，其余错误会在下一次的报告中列出；也可在导入页面逐页查看全部错误。`,
    ];
  }
}

export async function reportDownload(
  report: ImportReport,
  rejected: RejectedSpool,
  maxEntries = REPORT_FILE_ENTRIES,
): Promise<FileDownload> {
  const outcome = report.dryRun ? '试导入（未写入）' : report.written ? '已写入' : '未写入（有错误行，整个文件未导入）';
  const summary = [
    ['文件', report.fileName, '', '', ''],
    ['结果', outcome, '', '', ''],
    [
      '合计',
      report.new,
      report.updated,
      report.unchanged,
      Object.values(report.sheets).reduce((n, c) => n + c.rejected, 0),
    ],
    ...Object.entries(report.sheets).map(([sheet, c]) => [sheet, c.new, c.updated, c.unchanged, c.rejected]),
  ];
  const buffer = await xlsxOf([
    {
      name: '导入结果',
      columns: ['工作表', '新增', '更新', '未变', '错误行数'],
      rows: summary,
      widths: [16, 30, 10, 10, 10],
    },
    {
      name: '错误行',
      columns: ['工作表', '行号', '列', '填写内容', '原因'],
      rows: [...listedEntries(rejected, report.rejectedTotal, maxEntries)],
      widths: [14, 8, 24, 30, 80],
    },
  ]);
  const base = report.fileName.replace(/\.(xlsx|csv|txt)$/i, '');
  return { fileName: safeFileName(`${base}_导入报告.xlsx`), mimeType: XLSX_MIME, base64: buffer.toString('base64') };
}
