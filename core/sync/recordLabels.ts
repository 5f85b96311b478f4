import type { ImportSheet } from '../../shared/contract/importing';
import type { SyncEntityName } from '../../shared/sync/records';
import { sheetSpec } from '../importing/sheets';

/**
 * The Chinese name a caseworker knows each column of a synced record by. The words are the import template's
 * headers (DESIGN §3, core/importing/sheets.ts); this map only says which header a stored column is filled from, and
 * refuses at load a header the template no longer has. Columns the desk fills itself (ids, versions, times) have
 * no label: a problem there is not the caseworker's to fix.
 */
interface EntityColumns {
  /** The template sheet the headers come from; none for a record only the desk's forms write (对接). */
  sheet: ImportSheet | null;
  columns: Record<string, string>;
  /** The column holding the record's business number. */
  numberColumn: string;
  /** Header words that only make sense on the template's sheet (an organization is 让与方 only within a deal). */
  dropPrefix?: string;
}

const ENTITY_COLUMNS: Record<SyncEntityName, EntityColumns> = {
  deal: {
    sheet: '交易',
    numberColumn: 'contract_no',
    columns: {
      contract_no: '合同编号',
      kind: '交易类型',
      license_mode: '许可方式',
      assignor_id: '让与方名称',
      assignee_id: '受让方名称',
      assignee_size: '受让方规模',
      industry: '所属产业',
      contract_date: '合同日期',
      recordation_date: '备案日期',
      amount_fen: '成交金额（万元）',
      license_end_date: '许可期限止',
      patents: '专利号',
    },
  },
  payment: {
    sheet: '到账',
    numberColumn: 'deal_id',
    columns: { deal_id: '合同编号', paid_date: '到账日期', amount_fen: '到账金额（万元）', voucher_no: '凭证号' },
  },
  pledge: {
    sheet: '质押',
    numberColumn: 'registration_no',
    columns: {
      registration_no: '质押登记号',
      pledgor_id: '出质人名称',
      pledgee_name: '质权人',
      amount_fen: '融资金额（万元）',
      registration_date: '登记日期',
      term_months: '期限（月）',
      patents: '专利号',
    },
  },
  registration: {
    sheet: '产品备案',
    numberColumn: 'registration_no',
    columns: {
      registration_no: '备案号',
      enterprise_id: '企业名称',
      enterprise_size: '企业规模',
      product_name: '产品名称',
      registration_date: '备案日期',
      output_value_fen: '产值（万元）',
      patents: '专利号',
    },
  },
  enterprise_figure: {
    sheet: '企业年度数据',
    numberColumn: 'organization_id',
    columns: {
      organization_id: '统一社会信用代码',
      year: '年度',
      revenue_fen: '营业收入（万元）',
      employees: '就业人数',
      sector: '行业门类',
    },
  },
  subsidy: {
    sheet: '奖补',
    numberColumn: 'subsidy_no',
    columns: {
      subsidy_no: '奖补编号',
      recipient_id: '受奖单位名称',
      program_name: '项目名称',
      amount_fen: '金额（万元）',
      granted_date: '日期',
      deal_id: '关联合同编号',
      pledge_id: '关联质押登记号',
    },
  },
  organization: {
    sheet: '交易',
    numberColumn: 'uscc',
    dropPrefix: '让与方',
    columns: { name: '让与方名称', uscc: '让与方统一社会信用代码', kind: '让与方类型', region_code: '让与方所在地' },
  },
  supply_patent: {
    sheet: '专利供给',
    numberColumn: 'patent_number',
    columns: {
      patent_number: '专利号',
      title: '专利名称',
      owner_id: '权利人名称',
      industry: '所属产业',
      ipc_class: 'IPC分类号',
      keywords: '关键词',
      abstract: '摘要',
      asking_terms: '转化意向与报价',
      open_license: '开放许可',
      open_license_fee_fen: '开放许可使用费（万元）',
      open_license_years: '开放许可期限（年）',
      status: '状态',
    },
  },
  tech_need: {
    sheet: '技术需求',
    numberColumn: 'need_no',
    columns: {
      need_no: '需求编号',
      enterprise_id: '企业名称',
      industry: '所属产业',
      need_text: '需求描述',
      keywords: '关键词',
      budget_fen: '预算（万元）',
      urgency: '紧迫程度',
    },
  },
  matchmaking: {
    sheet: null,
    numberColumn: 'event_date',
    columns: {
      need_id: '技术需求',
      supply_id: '供给专利',
      event_date: '对接日期',
      event: '对接活动',
      outcome: '对接结果',
      deal_id: '成交合同',
    },
  },
  patent: {
    sheet: '交易',
    numberColumn: 'number',
    columns: { number: '专利号', title: '专利名称', filing_date: '申请日', status: '专利状态' },
  },
};

for (const [entity, { sheet, columns }] of Object.entries(ENTITY_COLUMNS)) {
  if (!sheet) continue;
  const headers = new Set(sheetSpec(sheet).columns.map((c) => c.header));
  for (const header of Object.values(columns)) {
    if (!headers.has(header)) throw new Error(`recordLabels: sheet ${sheet} has no header ${header} (for ${entity})`);
  }
}

/** The header as a caseworker says it: without the unit the template cell is filled in (the record holds 分). */
function spoken(header: string, dropPrefix?: string): string {
  const bare = header.replace(/（[^）]*）$/, '');
  return dropPrefix && bare.startsWith(dropPrefix) ? bare.slice(dropPrefix.length) : bare;
}

/** The Chinese label of a record's column, or null for a column the desk fills itself. */
export function fieldLabel(entity: SyncEntityName, column: string): string | null {
  const spec = ENTITY_COLUMNS[entity];
  const header = spec.columns[column];
  return header ? spoken(header, spec.dropPrefix) : null;
}

/** The column holding the record's business number and its label (合同编号, 质押登记号, …). */
export function numberColumn(entity: SyncEntityName): { column: string; label: string } {
  const spec = ENTITY_COLUMNS[entity];
  return { column: spec.numberColumn, label: fieldLabel(entity, spec.numberColumn)! };
}
