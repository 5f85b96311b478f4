/**
 * The import template of DESIGN §3: sheet names, their fixed Chinese headers and what each column holds.
 * The template writer, the readers and the row parsers all work from this one description.
 */
import type { ImportSheet } from '../../shared/contract/importing';
import { INDUSTRIES } from '../../shared/domain/industries';
import { ENTERPRISE_SIZES, PARTY_KINDS, SECTORS } from '../../shared/domain/enterprise';
import { SUPPLY_STATUSES, URGENCIES } from '../../shared/contract/matching';

export const DEAL_KINDS = ['转让', '许可', '作价入股'] as const;
export const LICENSE_MODES = ['独占', '排他', '普通', '开放许可'] as const;
export const PATENT_STATUSES = ['有效', '失效', '届满', '审中'] as const;

export type CellKind =
  | { type: 'text'; max: number }
  | { type: 'code'; max: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'date' }
  | { type: 'money' }
  | { type: 'integer'; min: number; max: number; unit?: string }
  | { type: 'region' }
  | { type: 'patent' }
  | { type: 'uscc' };

export interface ColumnSpec {
  header: string;
  kind: CellKind;
  required: boolean;
  /** One line for the instructions sheet. */
  hint: string;
}

export interface SheetSpec {
  name: ImportSheet;
  /** What one row is. */
  rowIs: string;
  /** The column whose value groups rows into one record, when rows of a record may repeat (one row per patent). */
  groupBy?: string;
  /** Columns that may differ between the rows of one group (the per-patent cells). */
  perRow?: readonly string[];
  columns: readonly ColumnSpec[];
}

const text = (max = 200): CellKind => ({ type: 'text', max });
const code = (max = 64): CellKind => ({ type: 'code', max });
const enumOf = (values: readonly string[]): CellKind => ({ type: 'enum', values });
const DATE: CellKind = { type: 'date' };
const MONEY: CellKind = { type: 'money' };
const REGION: CellKind = { type: 'region' };
const PATENT: CellKind = { type: 'patent' };
const USCC: CellKind = { type: 'uscc' };

const col = (header: string, kind: CellKind, required: boolean, hint: string): ColumnSpec => ({
  header,
  kind,
  required,
  hint,
});

const REGION_HINT = '6 位行政区划代码，或山西省地市名称（太原、太原市、综改区均可）；14 开头以外的代码表示省外';
const USCC_HINT = '18 位统一社会信用代码；个人不填';
const DATE_HINT = '日期：2022-03-05、2022/3/5、2022年3月5日 或 Excel 日期均可';
const MONEY_HINT = '万元，最多 6 位小数；可带千分位逗号';
const PATENT_HINT = '申请号，如 202310999716.6；可带 ZL 或 CN 前缀、可省略小数点';

export const SHEET_SPECS: readonly SheetSpec[] = [
  {
    name: '交易',
    rowIs: '一个专利；同一合同编号的多行为一笔交易，交易层面的各列必须一致',
    groupBy: '合同编号',
    perRow: ['专利号', '专利名称', '申请日', '专利状态'],
    columns: [
      col('合同编号', code(), true, '同一合同的多个专利各占一行，合同编号相同'),
      col('交易类型', enumOf(DEAL_KINDS), true, '转让、许可 或 作价入股'),
      col('许可方式', enumOf(LICENSE_MODES), false, '仅许可填写：独占、排他、普通 或 开放许可'),
      col('专利号', PATENT, true, PATENT_HINT),
      col('专利名称', text(300), false, '专利名称'),
      col('申请日', DATE, false, DATE_HINT),
      col('专利状态', enumOf(PATENT_STATUSES), false, '有效、失效、届满 或 审中；不填为有效'),
      col('让与方名称', text(), true, '让与方 / 许可方 / 出资方的全称'),
      col('让与方统一社会信用代码', USCC, false, USCC_HINT),
      col('让与方类型', enumOf(PARTY_KINDS), true, PARTY_KINDS.join('、')),
      col('让与方所在地', REGION, true, REGION_HINT),
      col('受让方名称', text(), true, '受让方 / 被许可方 / 被投资企业的全称'),
      col('受让方统一社会信用代码', USCC, false, USCC_HINT),
      col('受让方类型', enumOf(PARTY_KINDS), true, PARTY_KINDS.join('、')),
      col('受让方规模', enumOf(ENTERPRISE_SIZES), false, '微型、小型、中型 或 大型（企业填写）'),
      col('受让方所在地', REGION, true, REGION_HINT),
      col('所属产业', enumOf(INDUSTRIES), false, '山西省 14 个战略性新兴产业之一，或 其他；不填为其他'),
      col('合同日期', DATE, true, DATE_HINT),
      col('备案日期', DATE, false, '备案或登记日期；' + DATE_HINT),
      col('成交金额（万元）', MONEY, true, '合同金额，' + MONEY_HINT),
      col('许可期限止', DATE, false, '仅许可填写；不填表示无期限'),
    ],
  },
  {
    name: '到账',
    rowIs: '一笔到账款',
    columns: [
      col('合同编号', code(), true, '交易的合同编号（本文件“交易”表中或已录入的交易）'),
      col('到账日期', DATE, true, DATE_HINT),
      col('到账金额（万元）', MONEY, true, MONEY_HINT),
      col('凭证号', code(100), false, '银行回单或凭证编号'),
    ],
  },
  {
    name: '质押',
    rowIs: '一个出质专利；同一质押登记号的多行为一笔质押',
    groupBy: '质押登记号',
    perRow: ['专利号'],
    columns: [
      col('质押登记号', code(), true, '同一笔质押的多个专利各占一行'),
      col('出质人名称', text(), true, '出质企业全称'),
      col('出质人统一社会信用代码', USCC, true, '18 位统一社会信用代码'),
      col('出质人所在地', REGION, true, REGION_HINT),
      col('质权人', text(), true, '银行或其他金融机构'),
      col('专利号', PATENT, true, PATENT_HINT),
      col('融资金额（万元）', MONEY, true, MONEY_HINT),
      col('登记日期', DATE, true, DATE_HINT),
      col('期限（月）', { type: 'integer', min: 1, max: 600, unit: '个月' }, false, '融资期限，月数'),
    ],
  },
  {
    name: '产品备案',
    rowIs: '一个专利；同一备案号的多行为一项备案',
    groupBy: '备案号',
    perRow: ['专利号'],
    columns: [
      col('备案号', code(), true, '同一备案的多个专利各占一行'),
      col('企业名称', text(), true, '企业全称'),
      col('企业统一社会信用代码', USCC, true, '18 位统一社会信用代码'),
      col('企业规模', enumOf(ENTERPRISE_SIZES), false, '微型、小型、中型 或 大型'),
      col('企业所在地', REGION, true, REGION_HINT),
      col('产品名称', text(), true, '专利产品名称'),
      col('专利号', PATENT, true, PATENT_HINT),
      col('备案日期', DATE, true, DATE_HINT),
      col('产值（万元）', MONEY, false, '已知时填写，' + MONEY_HINT),
    ],
  },
  {
    name: '企业年度数据',
    rowIs: '一家企业一个年度的数据',
    columns: [
      col('企业名称', text(), true, '企业全称'),
      col('统一社会信用代码', USCC, true, '18 位统一社会信用代码'),
      col('年度', { type: 'integer', min: 2000, max: 2100, unit: '年' }, true, '四位年份，如 2022'),
      col('营业收入（万元）', MONEY, false, MONEY_HINT),
      col('就业人数', { type: 'integer', min: 0, max: 10_000_000, unit: '人' }, false, '年末从业人员数'),
      col('行业门类', enumOf(SECTORS), false, SECTORS.join('、')),
    ],
  },
  {
    name: '奖补',
    rowIs: '一笔奖补',
    columns: [
      col('奖补编号', code(), true, '奖补文件或拨付编号'),
      col('受奖单位名称', text(), true, '受奖单位全称'),
      col('统一社会信用代码', USCC, true, '18 位统一社会信用代码'),
      col('项目名称', text(), true, '奖补项目或政策名称'),
      col('金额（万元）', MONEY, true, MONEY_HINT),
      col('日期', DATE, true, '拨付日期；' + DATE_HINT),
      col('关联合同编号', code(), false, '所奖励交易的合同编号'),
      col('关联质押登记号', code(), false, '所奖励质押的登记号'),
    ],
  },
  {
    name: '专利供给',
    rowIs: '一件可转让或许可的专利（入库）；同一专利号再次导入即更新',
    columns: [
      col('专利号', PATENT, true, PATENT_HINT),
      col('专利名称', text(300), true, '专利名称'),
      col('权利人名称', text(), true, '专利权人全称（高校、科研院所或其他单位）'),
      col('权利人统一社会信用代码', USCC, false, USCC_HINT),
      col('权利人类型', enumOf(PARTY_KINDS), true, PARTY_KINDS.join('、')),
      col('权利人所在地', REGION, false, REGION_HINT),
      col('所属产业', enumOf(INDUSTRIES), false, '山西省 14 个战略性新兴产业之一；不填为其他'),
      col('IPC分类号', code(32), false, '如 H01M 4/36 或 H01M'),
      col('关键词', text(200), false, '多个关键词用逗号或顿号分隔'),
      col('摘要', text(2000), false, '专利摘要或技术简介'),
      col('转化意向与报价', text(300), false, '转让或许可的意向、报价等'),
      col('开放许可', enumOf(['是', '否']), false, '已声明开放许可填“是”，并填写使用费和期限'),
      col('开放许可使用费（万元）', MONEY, false, '声明开放许可时必填，' + MONEY_HINT),
      col('开放许可期限（年）', { type: 'integer', min: 1, max: 20, unit: '年' }, false, '声明开放许可时必填，1–20 年'),
      col('状态', enumOf(SUPPLY_STATUSES), false, '在库、对接中、已成交 或 撤回；不填为在库'),
    ],
  },
  {
    name: '技术需求',
    rowIs: '一家企业的一项技术需求；同一需求编号再次导入即更新',
    columns: [
      col('需求编号', code(), true, '需求调查表或登记编号'),
      col('企业名称', text(), true, '企业全称'),
      col('企业统一社会信用代码', USCC, false, '18 位统一社会信用代码'),
      col('企业规模', enumOf(ENTERPRISE_SIZES), false, '微型、小型、中型 或 大型（中小企业优先推荐）'),
      col('企业所在地', REGION, false, REGION_HINT),
      col('所属产业', enumOf(INDUSTRIES), false, '山西省 14 个战略性新兴产业之一；不填为其他'),
      col('需求描述', text(2000), true, '想解决的技术问题、想引进的技术'),
      col('关键词', text(200), false, '多个关键词用逗号或顿号分隔'),
      col('预算（万元）', MONEY, false, MONEY_HINT),
      col('紧迫程度', enumOf(URGENCIES), false, '一般、较急 或 紧急；不填为一般'),
    ],
  },
];

export const INSTRUCTIONS_SHEET = '填写说明';

export function sheetSpec(name: ImportSheet): SheetSpec {
  const spec = SHEET_SPECS.find((s) => s.name === name);
  if (!spec) throw new RangeError(`no sheet spec named ${name}`);
  return spec;
}
