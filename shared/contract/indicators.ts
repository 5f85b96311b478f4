import { z } from 'zod';
import { method } from './define';
import { regionCode } from './common';
import { CITY_REGIONS, PROVINCE_CODE } from '../domain/regions';
import { INDICATOR_IDS, type IndicatorId } from '../indicators/ids';
import { scoringScheme } from '../indicators/scoring';

const REPORTING_REGIONS = new Set<string>([PROVINCE_CODE, ...CITY_REGIONS.map((r) => r.code)]);

/** One of the twelve reporting regions, or 140000 for the province (their sum). */
export const reportingRegion = regionCode.refine(
  (code) => REPORTING_REGIONS.has(code),
  '地区应为 11 个地市之一、综改区（140171）或全省（140000）',
);
export const indicatorYear = z
  .number()
  .int('年度应为整数')
  .min(2020, '年度不能早于 2020 年')
  .max(2100, '年度不能晚于 2100 年');

const rate = z.number().nullable();
const amount = z.number().nullable();

/** What `patent-desk indicators --json` prints per indicator (DESIGN §3a). */
export const indicatorValue = z.object({
  year: amount,
  cumulative: amount,
  target: amount,
  completion: rate,
  yoy: rate,
  avgGrowth: rate,
});
export type IndicatorValue = z.infer<typeof indicatorValue>;

const byIndicator = <T extends z.ZodType>(schema: T) =>
  z.object(Object.fromEntries(INDICATOR_IDS.map((id) => [id, schema])) as Record<IndicatorId, T>);

export const indicatorReport = z.object({
  region: z.string(),
  year: z.number().int(),
  indicators: byIndicator(indicatorValue),
});
export type IndicatorReport = z.infer<typeof indicatorReport>;

const regionYear = z.object({ region: reportingRegion, year: indicatorYear });

const yearValues = byIndicator(amount);
export type IndicatorNumbers = z.infer<typeof yearValues>;

export const dashboard = z.object({
  region: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  report: indicatorReport,
  requiredGrowth: byIndicator(rate),
  /** Year values from 2020 through the year asked for. */
  byYear: z.array(z.object({ year: z.number().int(), values: yearValues })),
  /** Cumulative values (2021 through each year) for 2021 through the year asked for. */
  cumulativeByYear: z.array(z.object({ year: z.number().int(), values: yearValues })),
  /** The latest year any deal was recorded in (null: none yet), so that the page can open on a year with data. */
  latestDataYear: z.number().int().nullable(),
  /** Cumulative values per reporting region; empty unless the store holds records of several regions. */
  byRegion: z.array(z.object({ region: z.string(), regionName: z.string(), values: yearValues })),
  /** Counted deals of the year per industry: I1/I2 patents and amounts. */
  byIndustry: z.array(
    z.object({ industry: z.string(), I1: z.number(), I1a: z.number(), I2: z.number(), I2a: z.number() }),
  ),
  /** Month by month in the year. */
  monthly: z.array(z.object({ month: z.string(), I1: z.number(), I2: z.number(), I5: z.number(), I5a: z.number() })),
});
export type Dashboard = z.infer<typeof dashboard>;

export const evaluationRow = indicatorValue.extend({
  indicator: z.enum(INDICATOR_IDS),
  requiredGrowth: rate,
  /** 达标 / 未达标 of the growth that the requirement applies to; null when no rate is required. */
  growthMet: z.boolean().nullable(),
});

export const scoreView = z.object({
  lines: z.array(z.object({ item: z.string(), weight: z.number(), score: z.number() })),
  gross: z.number(),
  deduction: z.number(),
  total: z.number(),
});

export const evaluationSheet = z.object({
  region: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  generatedOn: z.string(),
  rows: z.array(evaluationRow),
  /** Counted deals of the year with an open flag (待审核 or 需补充材料). */
  dealsUnderReview: z.number().int(),
  /** Confirmed anomaly flags concerning the region's deals of the year. */
  confirmedAnomalies: z.number().int(),
  /** Subsidies clawed back (confirmed subsidy fraud) in the year. */
  subsidyFrauds: z.number().int(),
  clawedBackFen: z.number().int(),
  score: scoreView,
  schemeVersion: z.number().int(),
});
export type EvaluationSheet = z.infer<typeof evaluationSheet>;

export const targetRow = z.object({
  regionCode: reportingRegion,
  indicator: z.enum(INDICATOR_IDS),
  yearFrom: indicatorYear,
  yearTo: indicatorYear,
  /** 项 / 家, or 分 for money indicators. */
  target: z.number().int('目标应为整数').min(0, '目标不能为负').nullable(),
  requiredGrowth: z.number().min(-1, '增幅不能低于 -100%').max(100, '增幅过大').nullable(),
});
export type TargetRow = z.infer<typeof targetRow>;

export const baselineRow = z.object({
  regionCode: reportingRegion,
  indicator: z.enum(INDICATOR_IDS),
  year: indicatorYear,
  /** 项 / 家, or 分 for money indicators. */
  value: z.number().int('基期值应为整数').min(0, '基期值不能为负'),
});
export type BaselineRow = z.infer<typeof baselineRow>;

export const targetsView = z.object({
  /** setByProvince: 省级下达 (received through feedback), read-only at the city. */
  targets: z.array(targetRow.extend({ isDefault: z.boolean(), setByProvince: z.boolean() })),
  baselines: z.array(baselineRow),
});

export const importRejection = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});

export const scoringView = z.object({ scheme: scoringScheme, version: z.number().int() });

/** The counted deals behind a chart's bar: I1 (SME assignees) or I2 (university/institute assignors). */
export const countedDealsQuery = z.object({
  region: reportingRegion,
  year: indicatorYear,
  family: z.enum(['I1', 'I2']),
  industry: z.string().max(40).optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, '月份格式应为 YYYY-MM')
    .optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});

export const countedDeals = z.object({
  total: z.number().int(),
  patents: z.number().int(),
  rows: z.array(
    z.object({
      id: z.string(),
      contractNo: z.string(),
      kind: z.string(),
      recordationDate: z.string(),
      assignorName: z.string(),
      assigneeName: z.string(),
      industry: z.string(),
      patentCount: z.number().int(),
      amountFen: z.number().int(),
    }),
  ),
});

const tableCell = z.union([z.string().max(500), z.number(), z.null()]);
/** A chart's table, as the user sees it, written to xlsx. */
export const tableExport = z.object({
  title: z.string().trim().min(1).max(100),
  headers: z.array(z.string().max(100)).min(1).max(50),
  rows: z.array(z.array(tableCell).max(50)).max(5000),
});

export const indicatorsMethods = {
  /** All indicators of a region and year, as `patent-desk indicators --json` prints them. */
  'indicators.report': method({ access: 'user', input: regionYear, output: indicatorReport }),
  /** Everything the 统计图表 page draws. */
  'indicators.dashboard': method({ access: 'user', input: regionYear, output: dashboard }),
  /** One 成效评价表. */
  'indicators.evaluation': method({ access: 'user', input: regionYear, output: evaluationSheet }),
  /** The sheets of all twelve regions for one year, for printing them at once. */
  'indicators.evaluationAll': method({
    access: 'user',
    input: z.object({ year: indicatorYear }),
    output: z.array(evaluationSheet),
  }),
  'indicators.deals': method({ access: 'user', input: countedDealsQuery, output: countedDeals }),
  'indicators.exportTable': method({
    access: 'user',
    input: tableExport,
    output: z.object({ fileName: z.string(), contentBase64: z.string() }),
  }),
  'targets.get': method({ access: 'user', input: z.object({}), output: targetsView }),
  /** Sets targets and 2020 baselines (upsert by region, indicator and period/year). */
  'targets.save': method({
    access: 'admin',
    input: z.object({ targets: z.array(targetRow).default([]), baselines: z.array(baselineRow).default([]) }),
    output: targetsView,
  }),
  /** The import template, filled with what is set now. */
  'targets.template': method({
    access: 'user',
    input: z.object({}),
    output: z.object({ fileName: z.string(), contentBase64: z.string() }),
  }),
  /** Reads targets and baselines from an xlsx in the template of `targets.template`; all or nothing. */
  'targets.import': method({
    access: 'admin',
    input: z.object({
      fileName: z.string().default('目标与基期.xlsx'),
      contentBase64: z.string().min(1, '文件为空'),
      dryRun: z.boolean().default(false),
    }),
    output: z.object({
      targets: z.number().int(),
      baselines: z.number().int(),
      rejected: z.array(importRejection),
      written: z.boolean(),
    }),
  }),
  'scoring.get': method({ access: 'user', input: z.object({}), output: scoringView }),
  'scoring.update': method({ access: 'admin', input: scoringScheme, output: scoringView }),
};

/**
 * What the desktop preload exposes as `window.deskPrint` (electron/print.ts): printing the current page, which shows
 * only the evaluation sheets in print media. Absent in browser mode, where Chromium's own print dialog does it.
 */
export interface PrintBridge {
  /** The system print dialog. */
  print(): Promise<{ ok: boolean; message?: string }>;
  /** A4 PDF of the page; asks where to save it (suggested file name). */
  saveAsPdf(suggestedName: string): Promise<{ ok: boolean; path?: string; message?: string }>;
  /** Asks for a folder once, for saving several PDFs one by one. */
  chooseFolder(): Promise<{ ok: boolean; folder?: string }>;
  /** A4 PDF of the page into a folder chosen before. */
  savePdfInFolder(folder: string, fileName: string): Promise<{ ok: boolean; path?: string; message?: string }>;
}
