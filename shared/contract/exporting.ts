import { z } from 'zod';
import { fileDownload } from './common';
import { method } from './define';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export const exportFormat = z.enum(EXPORT_FORMATS, { error: '请选择导出格式（xlsx 或 csv）' });
export type ExportFormat = z.infer<typeof exportFormat>;

/** The lists that can be exported with their current filters (the filings lists). */
export const EXPORT_LISTS = ['deals', 'pledges', 'registrations', 'enterpriseFigures', 'subsidies'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

const tableCell = z.union([z.string(), z.number(), z.null()]);

export const exportingMethods = {
  /** One list with the filters the page shows, every matching row, as xlsx or CSV (UTF-8 with BOM). */
  'export.list': method({
    access: 'user',
    input: z.object({
      list: z.enum(EXPORT_LISTS, { error: '未知的列表' }),
      filters: z.record(z.string(), z.unknown()).default({}),
      format: exportFormat,
    }),
    output: fileDownload,
  }),
  /** A table as shown on screen (indicator tables, evaluation tables) as xlsx or CSV (UTF-8 with BOM). */
  'export.table': method({
    access: 'user',
    input: z.object({
      title: z.string().trim().min(1, '缺少表格名称').max(100, '表格名称过长'),
      columns: z.array(z.string()).min(1, '表格没有列').max(200, '列数过多'),
      rows: z.array(z.array(tableCell)).max(1_000_000, '行数过多'),
      format: exportFormat,
    }),
    output: fileDownload,
  }),
};
