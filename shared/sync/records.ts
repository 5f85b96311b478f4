import { z } from 'zod';
import { isoDate, regionCode } from '../contract/common';

/**
 * The records a city sends to the province, one zod schema per syncable entity. A payload is the record's row with
 * column names as keys (DESIGN §4 outbox), plus `patents` (numbers) for deals, pledges and registrations. Unknown
 * keys are dropped; a missing nullable column reads as null.
 */
const text = z.string();
const maybe = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);
const timestamp = z.string().min(10, '时间格式有误');
const version = z.number().int().min(1, '版本号应为正整数');
const fen = z.number().int('金额应为整数（分）').min(0, '金额不能为负数');
const size = z.enum(['微型', '小型', '中型', '大型']);
const patentList = z.array(z.string().min(1)).default([]);

const voidable = {
  version,
  created_at: timestamp,
  updated_at: timestamp,
  voided_at: maybe(timestamp),
  void_reason: maybe(text),
};

export const organizationRecord = z.object({
  id: text.min(1),
  name: text.min(1, '缺少单位名称'),
  name_norm: text,
  uscc: maybe(text),
  kind: z.enum(['高校', '科研院所', '国有企业', '企业', '个人', '其他']),
  region_code: maybe(text),
  city_code: maybe(text),
  size: maybe(size),
  sector: maybe(text),
  legal_rep: maybe(text),
  phone: maybe(text),
  address: maybe(text),
  ...voidable,
});

export const patentRecord = z.object({
  number: text.min(1, '缺少专利号'),
  type: z.enum(['发明', '实用新型', '外观设计']),
  title: text.default(''),
  filing_date: maybe(isoDate),
  status: z.enum(['有效', '失效', '届满', '审中']).default('有效'),
  version,
  updated_at: timestamp,
});

export const dealRecord = z
  .object({
    id: text.min(1),
    region_code: regionCode,
    contract_no: text.min(1, '缺少合同编号'),
    kind: z.enum(['转让', '许可', '作价入股']),
    license_mode: maybe(z.enum(['独占', '排他', '普通', '开放许可'])),
    assignor_id: text.min(1),
    assignee_id: text.min(1),
    assignee_size: maybe(size),
    industry: text.default('其他'),
    contract_date: isoDate,
    recordation_date: maybe(isoDate),
    amount_fen: fen,
    license_end_date: maybe(isoDate),
    patent_count: z.number().int().min(0).default(0),
    created_by: maybe(text),
    updated_by: maybe(text),
    patents: patentList,
    ...voidable,
  })
  .refine((d) => (d.kind === '许可') === (d.license_mode !== null), {
    message: '许可类交易必须填写许可方式，其他交易不填',
    path: ['license_mode'],
  });

export const paymentRecord = z.object({
  id: text.min(1),
  deal_id: text.min(1),
  paid_date: isoDate,
  amount_fen: fen.refine((v) => v > 0, '到账金额应大于 0'),
  voucher_no: text.default(''),
  ...voidable,
});

export const pledgeRecord = z.object({
  id: text.min(1),
  region_code: regionCode,
  registration_no: text.min(1, '缺少质押登记号'),
  pledgor_id: text.min(1),
  pledgee_name: text.min(1, '缺少质权人'),
  amount_fen: fen,
  registration_date: isoDate,
  term_months: maybe(z.number().int().min(0)),
  created_by: maybe(text),
  patents: patentList,
  ...voidable,
});

export const registrationRecord = z.object({
  id: text.min(1),
  region_code: regionCode,
  registration_no: text.min(1, '缺少备案号'),
  enterprise_id: text.min(1),
  enterprise_size: maybe(size),
  product_name: text.min(1, '缺少产品名称'),
  registration_date: isoDate,
  output_value_fen: maybe(fen),
  created_by: maybe(text),
  patents: patentList,
  ...voidable,
});

export const enterpriseFigureRecord = z.object({
  id: text.min(1),
  organization_id: text.min(1),
  year: z.number().int().min(1990).max(2100),
  revenue_fen: maybe(fen),
  employees: maybe(z.number().int().min(0)),
  sector: maybe(text),
  ...voidable,
});

export const subsidyRecord = z.object({
  id: text.min(1),
  region_code: regionCode,
  subsidy_no: text.min(1, '缺少奖补编号'),
  recipient_id: text.min(1),
  program_name: text.min(1, '缺少项目名称'),
  amount_fen: fen,
  granted_date: isoDate,
  deal_id: maybe(text),
  pledge_id: maybe(text),
  clawed_back_at: maybe(timestamp),
  created_by: maybe(text),
  ...voidable,
});

/** The pool of DOMAIN §9 (migration 22): a patent offered, an enterprise's need, and a 对接 between them. */
export const supplyPatentRecord = z.object({
  id: text.min(1),
  region_code: regionCode,
  patent_number: text.min(1, '缺少专利号'),
  title: text.min(1, '缺少专利名称'),
  owner_id: text.min(1),
  industry: text.default('其他'),
  ipc_class: maybe(text),
  keywords: text.default(''),
  abstract: text.default(''),
  asking_terms: maybe(text),
  open_license: z.union([z.literal(0), z.literal(1)]).default(0),
  open_license_fee_fen: maybe(fen),
  open_license_years: maybe(z.number().int().min(1)),
  status: z.enum(['在库', '对接中', '已成交', '撤回']),
  created_by: maybe(text),
  ...voidable,
});

export const techNeedRecord = z.object({
  id: text.min(1),
  region_code: regionCode,
  need_no: text.min(1, '缺少需求编号'),
  enterprise_id: text.min(1),
  industry: text.default('其他'),
  need_text: text.min(1, '缺少需求描述'),
  keywords: text.default(''),
  budget_fen: maybe(fen),
  urgency: z.enum(['一般', '较急', '紧急']).default('一般'),
  created_by: maybe(text),
  ...voidable,
});

export const matchmakingRecord = z.object({
  id: text.min(1),
  region_code: regionCode,
  need_id: text.min(1),
  supply_id: text.min(1),
  event_date: isoDate,
  event: text.min(1, '缺少对接活动'),
  outcome: z.enum(['洽谈中', '达成意向', '已成交', '未成功']),
  deal_id: maybe(text),
  created_by: maybe(text),
  ...voidable,
});

export type SyncEntityName =
  | 'organization'
  | 'patent'
  | 'deal'
  | 'payment'
  | 'pledge'
  | 'registration'
  | 'enterprise_figure'
  | 'subsidy'
  | 'supply_patent'
  | 'tech_need'
  | 'matchmaking';

export interface SyncEntityMeta {
  schema: z.ZodType<Record<string, unknown>>;
  /** The table the province stores it in (the same table as in the city). */
  table: string;
  key: 'id' | 'number';
  label: string;
  /** Link table for `patents`, with the column that points back at the record. */
  patentLink?: { table: string; column: string; ordered: boolean };
  /** Columns that reference organizations (resolved through the province's USCC aliases). */
  organizationRefs: readonly string[];
  /** Column holding the reporting region, which must be the batch's region. */
  regionColumn?: string;
}

export const SYNC_ENTITIES: Record<SyncEntityName, SyncEntityMeta> = {
  organization: { schema: organizationRecord, table: 'organizations', key: 'id', label: '单位', organizationRefs: [] },
  patent: { schema: patentRecord, table: 'patents', key: 'number', label: '专利', organizationRefs: [] },
  deal: {
    schema: dealRecord,
    table: 'deals',
    key: 'id',
    label: '交易',
    patentLink: { table: 'deal_patents', column: 'deal_id', ordered: true },
    organizationRefs: ['assignor_id', 'assignee_id'],
    regionColumn: 'region_code',
  },
  payment: { schema: paymentRecord, table: 'payments', key: 'id', label: '到账', organizationRefs: [] },
  pledge: {
    schema: pledgeRecord,
    table: 'pledges',
    key: 'id',
    label: '质押',
    patentLink: { table: 'pledge_patents', column: 'pledge_id', ordered: false },
    organizationRefs: ['pledgor_id'],
    regionColumn: 'region_code',
  },
  registration: {
    schema: registrationRecord,
    table: 'product_registrations',
    key: 'id',
    label: '产品备案',
    patentLink: { table: 'registration_patents', column: 'registration_id', ordered: false },
    organizationRefs: ['enterprise_id'],
    regionColumn: 'region_code',
  },
  enterprise_figure: {
    schema: enterpriseFigureRecord,
    table: 'enterprise_figures',
    key: 'id',
    label: '企业年度数据',
    organizationRefs: ['organization_id'],
  },
  subsidy: {
    schema: subsidyRecord,
    table: 'subsidies',
    key: 'id',
    label: '奖补',
    organizationRefs: ['recipient_id'],
    regionColumn: 'region_code',
  },
  supply_patent: {
    schema: supplyPatentRecord,
    table: 'supply_patents',
    key: 'id',
    label: '专利供给',
    organizationRefs: ['owner_id'],
    regionColumn: 'region_code',
  },
  tech_need: {
    schema: techNeedRecord,
    table: 'tech_needs',
    key: 'id',
    label: '技术需求',
    organizationRefs: ['enterprise_id'],
    regionColumn: 'region_code',
  },
  matchmaking: {
    schema: matchmakingRecord,
    table: 'matchmakings',
    key: 'id',
    label: '对接',
    organizationRefs: [],
    regionColumn: 'region_code',
  },
};

export const SYNC_ENTITY_NAMES = Object.keys(SYNC_ENTITIES) as SyncEntityName[];

export function isSyncEntity(name: string): name is SyncEntityName {
  return Object.prototype.hasOwnProperty.call(SYNC_ENTITIES, name);
}
