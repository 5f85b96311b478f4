/**
 * A filings list with the filters the page shows, every matching row (paged through the list queries, so the export
 * is exactly what the list holds), to xlsx or CSV. Money in 万元 exactly (six decimals at most), Chinese headers.
 */
import type { z } from 'zod';
import { dealListInput } from '../../shared/contract/filings/deals';
import { figuresListInput } from '../../shared/contract/filings/figures';
import { pledgeListInput } from '../../shared/contract/filings/pledges';
import { registrationListInput } from '../../shared/contract/filings/registrations';
import { subsidyListInput } from '../../shared/contract/filings/subsidies';
import type { FileDownload } from '../../shared/contract/common';
import type { ExportFormat, ExportList } from '../../shared/contract/exporting';
import { formatFenAsWan } from '../../shared/domain/money';
import { regionName } from '../../shared/domain/regions';
import { listDeals } from '../filings/queries/listDeals';
import { listFigures } from '../filings/queries/listFigures';
import { listPledges } from '../filings/queries/listPledges';
import { listRegistrations } from '../filings/queries/listRegistrations';
import { listSubsidies } from '../filings/queries/listSubsidies';
import type { Page } from '../filings/queries/keyset';
import type { ServiceContext } from '../service/context';
import { DeskError } from '../service/errors';
import { runPlan, runPlanAsync, type ReadPlan, type SqlDialect } from '../store/readPlan';
import { tableDownload, type TableCell } from './tableFile';

const PAGE = 500;

/** 万元 with the digits that carry meaning: 388.3332, never 388.333200 nor a rounded 388.33. */
export function wan(fen: number | null): TableCell {
  if (fen === null) return null;
  return Number(formatFenAsWan(fen, 6));
}

const region = (code: string | null) => (code ? (regionName(code) ?? code) : null);
const voided = (at: string | null) => (at ? '已作废' : '');

interface ListExport<F, R> {
  title: string;
  filters: z.ZodType<F>;
  list: (filters: F, page: { cursor?: string | null; limit: number }, dialect: SqlDialect) => ReadPlan<Page<R>>;
  columns: string[];
  cells: (row: R) => TableCell[];
}

function listExport<F, R>(spec: ListExport<F, R>): ListExport<unknown, unknown> {
  return spec as unknown as ListExport<unknown, unknown>;
}

const EXPORTS: Record<ExportList, ListExport<unknown, unknown>> = {
  deals: listExport({
    title: '交易列表',
    filters: dealListInput,
    list: (f, page, dialect) => listDeals(f, { ...page, direction: f.direction }, dialect),
    columns: [
      '合同编号',
      '交易类型',
      '许可方式',
      '地区',
      '合同日期',
      '备案日期',
      '成交金额（万元）',
      '专利数',
      '所属产业',
      '让与方',
      '让与方类型',
      '受让方',
      '受让方规模',
      '待审异常',
      '状态',
    ],
    cells: (r) => [
      r.contractNo,
      r.kind,
      r.licenseMode,
      region(r.regionCode),
      r.contractDate,
      r.recordationDate,
      wan(r.amountFen),
      r.patentCount,
      r.industry,
      r.assignorName,
      r.assignorKind,
      r.assigneeName,
      r.assigneeSize,
      r.flagCount,
      voided(r.voidedAt),
    ],
  }),
  pledges: listExport({
    title: '质押列表',
    filters: pledgeListInput,
    list: (f, page, dialect) => listPledges(f, { ...page, direction: f.direction }, dialect),
    columns: [
      '质押登记号',
      '地区',
      '出质人',
      '质权人',
      '融资金额（万元）',
      '登记日期',
      '期限（月）',
      '专利数',
      '待审异常',
      '状态',
    ],
    cells: (r) => [
      r.registrationNo,
      region(r.regionCode),
      r.pledgorName,
      r.pledgeeName,
      wan(r.amountFen),
      r.registrationDate,
      r.termMonths,
      r.patentCount,
      r.flagCount,
      voided(r.voidedAt),
    ],
  }),
  registrations: listExport({
    title: '产品备案列表',
    filters: registrationListInput,
    list: (f, page, dialect) => listRegistrations(f, { ...page, direction: f.direction }, dialect),
    columns: ['备案号', '地区', '企业名称', '企业规模', '产品名称', '备案日期', '产值（万元）', '专利数', '状态'],
    cells: (r) => [
      r.registrationNo,
      region(r.regionCode),
      r.enterpriseName,
      r.enterpriseSize,
      r.productName,
      r.registrationDate,
      wan(r.outputValueFen),
      r.patentCount,
      voided(r.voidedAt),
    ],
  }),
  enterpriseFigures: listExport({
    title: '企业年度数据',
    filters: figuresListInput,
    list: (f, page, dialect) => listFigures(f, { ...page, direction: f.direction }, dialect),
    columns: ['企业名称', '统一社会信用代码', '地区', '年度', '营业收入（万元）', '就业人数', '行业门类', '状态'],
    cells: (r) => [
      r.enterpriseName,
      r.uscc,
      region(r.regionCode),
      r.year,
      wan(r.revenueFen),
      r.employees,
      r.sector,
      voided(r.voidedAt),
    ],
  }),
  subsidies: listExport({
    title: '奖补列表',
    filters: subsidyListInput,
    list: (f, page, dialect) => listSubsidies(f, { ...page, direction: f.direction }, dialect),
    columns: [
      '奖补编号',
      '地区',
      '受奖单位',
      '项目名称',
      '金额（万元）',
      '日期',
      '关联合同编号',
      '关联质押登记号',
      '状态',
    ],
    cells: (r) => [
      r.subsidyNo,
      region(r.regionCode),
      r.recipientName,
      r.programName,
      wan(r.amountFen),
      r.grantedDate,
      r.dealContractNo,
      r.pledgeRegistrationNo,
      voided(r.voidedAt),
    ],
  }),
};

/**
 * Every row of the list, a page at a time. On the desk's SQLite store the pages are read as the file is written; on
 * the province's PostgreSQL database they are read first (each page is a round trip to the server).
 */
async function allRows(
  ctx: ServiceContext,
  spec: ListExport<unknown, unknown>,
  filters: unknown,
): Promise<Iterable<TableCell[]>> {
  const pages = function* (read: (page: { cursor: string | null; limit: number }) => Page<unknown>) {
    let cursor: string | null = null;
    do {
      const page = read({ cursor, limit: PAGE });
      for (const row of page.rows) yield spec.cells(row);
      cursor = page.nextCursor;
    } while (cursor);
  };
  const plan = (dialect: SqlDialect) => (page: { cursor: string | null; limit: number }) =>
    spec.list(filters, page, dialect);
  if (ctx.province.dialect === 'sqlite') {
    const db = ctx.store.db;
    return pages((page) => runPlan(db, plan('sqlite')(page)));
  }
  const rows: TableCell[][] = [];
  let cursor: string | null = null;
  do {
    const page: Page<unknown> = await runPlanAsync(ctx.province, plan('postgres')({ cursor, limit: PAGE }));
    for (const row of page.rows) rows.push(spec.cells(row));
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

export async function exportList(
  ctx: ServiceContext,
  list: ExportList,
  rawFilters: Record<string, unknown>,
  format: ExportFormat,
): Promise<FileDownload> {
  const spec = EXPORTS[list];
  const { cursor: _cursor, limit: _limit, ...rest } = rawFilters;
  const parsed = spec.filters.safeParse(rest);
  if (!parsed.success)
    throw new DeskError('VALIDATION', `筛选条件有误：${parsed.error.issues[0]?.message ?? ''}`, { field: 'filters' });
  return tableDownload(
    spec.title,
    { name: spec.title, columns: spec.columns, rows: await allRows(ctx, spec, parsed.data) },
    format,
    ctx.now(),
  );
}
