import { z } from 'zod';
import { fileDownload } from './common';
import { method } from './define';

/** The sheets of the import template (DESIGN §3), in template order. */
export const IMPORT_SHEETS = [
  '交易',
  '到账',
  '质押',
  '产品备案',
  '企业年度数据',
  '奖补',
  '专利供给',
  '技术需求',
] as const;
export type ImportSheet = (typeof IMPORT_SHEETS)[number];

/** Largest file accepted for import: 100 MB (a year of a province is far below it). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export const rejectedRow = z.object({
  sheet: z.string(),
  /** The row number as Excel shows it (the header is row 1). */
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});
export type RejectedRow = z.infer<typeof rejectedRow>;

export const importCounts = z.object({
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows refused (each may have several entries in `rejected`, one per bad column). */
  rejected: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCounts>;

/** The report carries this many refused entries; import.rejectedPage reads the others a page at a time. */
export const REPORT_REJECTED_SHOWN = 200;

/** The report of DESIGN §3a: records new/updated/unchanged, the refused rows, and the same counts per sheet. */
export const importReport = z.object({
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** The first REPORT_REJECTED_SHOWN refused entries in report order (sheet, row); `rejectedTotal` counts them all. */
  rejected: z.array(rejectedRow),
  rejectedTotal: z.number().int(),
  sheets: z.record(z.string(), importCounts),
  /** Whether anything was written: false for a dry run and for an all-or-nothing import with refused rows. */
  written: z.boolean(),
  dryRun: z.boolean(),
  validOnly: z.boolean(),
  rowsRead: z.number().int(),
  fileName: z.string(),
});
export type ImportReport = z.infer<typeof importReport>;

export const IMPORT_JOB_STATES = ['读取中', '写入中', '已完成', '已取消', '失败'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

export const sheetProgress = z.object({
  sheet: z.string(),
  rowsRead: z.number().int(),
  /** Rows whose records were written (or refused by the filings checks) inside the import's transaction so far. */
  rowsWritten: z.number().int(),
});
export type SheetProgress = z.infer<typeof sheetProgress>;

export const importJob = z.object({
  jobId: z.string(),
  state: z.enum(IMPORT_JOB_STATES),
  fileName: z.string(),
  rowsRead: z.number().int(),
  /** Rows read per second so far. */
  rowsPerSecond: z.number(),
  /** 0–1 of the file's bytes read while reading, of the rows read written while writing: the progress bar. */
  fraction: z.number(),
  /** Per sheet, in the order the sheets were met. */
  sheets: z.array(sheetProgress),
  report: importReport.nullable(),
  /** For 失败: one Chinese sentence saying what is wrong with the file and what to do. */
  error: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJob>;

const base64File = z
  .string()
  .min(1, '文件为空')
  .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分后分批导入`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码有误（应为 base64）');

export const importingMethods = {
  /** The empty template 导入模板.xlsx: one sheet per kind, fixed headers, drop-downs and an instructions sheet. */
  'import.template': method({ access: 'user', input: z.object({}), output: fileDownload }),
  /** Starts reading a file in the background; poll import.status for progress and the report. */
  'import.start': method({
    access: 'entry',
    input: z.object({
      fileName: z.string().trim().min(1, '缺少文件名').max(255, '文件名过长'),
      base64: base64File,
      /** Write the valid rows even when some rows are refused (default: all or nothing). */
      validOnly: z.boolean().default(false),
      /** Check and report only; write nothing. */
      dryRun: z.boolean().default(false),
    }),
    output: importJob,
  }),
  'import.status': method({ access: 'entry', input: z.object({ jobId: z.string().min(1) }), output: importJob }),
  /** Stops a running import; nothing of it is written. */
  'import.cancel': method({ access: 'entry', input: z.object({ jobId: z.string().min(1) }), output: importJob }),
  /** Refused entries `offset` to `offset + limit` of a finished import's report, in report order. */
  'import.rejectedPage': method({
    access: 'entry',
    input: z.object({
      jobId: z.string().min(1),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(2000),
    }),
    output: z.object({ rows: z.array(rejectedRow), total: z.number().int() }),
  }),
  /** The report of a finished import as an xlsx workbook (summary and every refused row). */
  'import.reportFile': method({ access: 'entry', input: z.object({ jobId: z.string().min(1) }), output: fileDownload }),
};
