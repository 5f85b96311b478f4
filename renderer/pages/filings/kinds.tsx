import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { VirtualColumn } from '../../components/VirtualTable';
import { region, text, wan } from './format';

/** The five kinds of filing, each with its list columns, sorts and filters. */
export type KindKey = 'deals' | 'pledges' | 'registrations' | 'figures' | 'subsidies';

export type ListRow = Record<string, unknown> & {
  id: string;
  version: number;
  voidedAt: string | null;
  flagCount?: number;
};

export interface KindSpec {
  key: KindKey;
  label: string;
  /** Entity name in the audit log and attachments. */
  entity: 'deal' | 'pledge' | 'registration' | 'enterprise_figure' | 'subsidy';
  defaultSort: string;
  /** Filters of this list beyond search, region, year, status and flags. */
  filters: ('kind' | 'assignorKind' | 'assigneeSize' | 'industry' | 'enterpriseSize')[];
  columns: VirtualColumn<ListRow>[];
  hasFlags: boolean;
  /** One line naming a record among others of every kind (the search box of the top bar). */
  describe: (row: ListRow) => string;
}

const s = (row: ListRow, key: string) => row[key] as string | null;
const n = (row: ListRow, key: string) => row[key] as number | null;
const flags = (row: ListRow): ReactNode => (row.flagCount ? <Tag color="orange">{row.flagCount} 项异常</Tag> : null);
const status = (row: ListRow): ReactNode => (row.voidedAt ? <Tag>已作废</Tag> : flags(row));

type Column = VirtualColumn<ListRow>;
interface ColumnExtras {
  /** The list can be sorted by this column's own field. */
  sortable?: boolean;
  align?: 'right';
}
const SORTABLE: ColumnExtras = { sortable: true };

const column = (
  key: string,
  title: string,
  width: string,
  render: Column['render'],
  { sortable, align }: ColumnExtras = {},
): Column => ({
  key,
  title,
  width,
  render,
  ...(align ? { align } : {}),
  ...(sortable ? { sortKey: key } : {}),
});
/** A field shown as stored: an empty one leaves the cell empty. */
const plain = (key: string, title: string, width: string, extras?: ColumnExtras) =>
  column(key, title, width, (r) => r[key] as ReactNode, extras);
/** A field that may be empty, shown as a dash then. */
const orDash = (key: string, title: string, width: string, extras?: ColumnExtras) =>
  column(key, title, width, (r) => text(s(r, key)), extras);
/** An amount in fen, in 万元 and on the right like every amount. */
const money = (key: string, title: string, width: string, extras?: ColumnExtras) =>
  column(key, title, width, (r) => wan(n(r, key)), { align: 'right', ...extras });

/**
 * A business number (合同编号, 登记号 …) is read whole: its column never gets narrower than a long one such as
 * `HT-2023-SX-000815-补充` needs at 1280 px, and grows with the others on wider screens.
 */
const NUMBER_WIDTH = 'minmax(200px, 1.3fr)';
const PATENT_COUNT = plain('patentCount', '专利', '52px', { align: 'right' });
const REGION = column('region', '地区', '80px', (r) => region(s(r, 'regionCode')));
const statusColumn = (width: string) => column('status', '状态', width, status);

export const KINDS: Record<KindKey, KindSpec> = {
  deals: {
    key: 'deals',
    label: '专利交易',
    entity: 'deal',
    defaultSort: 'recordationDate',
    filters: ['kind', 'assignorKind', 'assigneeSize', 'industry'],
    hasFlags: true,
    describe: (r) => `${s(r, 'contractNo')} · ${s(r, 'assignorName')} → ${s(r, 'assigneeName')}`,
    columns: [
      plain('contractNo', '合同编号', NUMBER_WIDTH),
      column('kind', '类型', '90px', (r) => `${s(r, 'kind')}${r.licenseMode ? `·${s(r, 'licenseMode')}` : ''}`),
      plain('assignorName', '让与方', '1.6fr'),
      plain('assigneeName', '受让方', '1.6fr'),
      PATENT_COUNT,
      money('amountFen', '成交金额', '120px', SORTABLE),
      plain('contractDate', '合同日期', '100px', SORTABLE),
      orDash('recordationDate', '备案日期', '100px', SORTABLE),
      REGION,
      statusColumn('90px'),
    ],
  },
  pledges: {
    key: 'pledges',
    label: '质押融资',
    entity: 'pledge',
    defaultSort: 'registrationDate',
    filters: [],
    hasFlags: true,
    describe: (r) => `${s(r, 'registrationNo')} · ${s(r, 'pledgorName')}`,
    columns: [
      plain('registrationNo', '质押登记号', NUMBER_WIDTH),
      plain('pledgorName', '出质人', '1.8fr'),
      plain('pledgeeName', '质权人', '1.5fr'),
      PATENT_COUNT,
      money('amountFen', '融资金额', '130px', SORTABLE),
      plain('registrationDate', '登记日期', '100px', SORTABLE),
      column('termMonths', '期限', '70px', (r) => (r.termMonths ? `${n(r, 'termMonths')} 个月` : '—')),
      REGION,
      statusColumn('90px'),
    ],
  },
  registrations: {
    key: 'registrations',
    label: '产品备案',
    entity: 'registration',
    defaultSort: 'registrationDate',
    filters: ['enterpriseSize'],
    hasFlags: true,
    describe: (r) => `${s(r, 'registrationNo')} · ${s(r, 'enterpriseName')} · ${s(r, 'productName')}`,
    columns: [
      plain('registrationNo', '备案号', NUMBER_WIDTH),
      plain('enterpriseName', '企业', '1.8fr'),
      orDash('enterpriseSize', '规模', '60px'),
      plain('productName', '产品名称', '1.5fr'),
      PATENT_COUNT,
      money('outputValueFen', '产值', '120px'),
      plain('registrationDate', '备案日期', '100px', SORTABLE),
      statusColumn('90px'),
    ],
  },
  figures: {
    key: 'figures',
    label: '企业年度数据',
    entity: 'enterprise_figure',
    defaultSort: 'year',
    filters: [],
    hasFlags: false,
    describe: (r) => `${s(r, 'enterpriseName')} · ${n(r, 'year')} 年度`,
    columns: [
      plain('enterpriseName', '企业', '2fr'),
      orDash('uscc', '统一社会信用代码', '180px'),
      plain('year', '年度', '70px', SORTABLE),
      money('revenueFen', '营业收入', '140px'),
      orDash('employees', '就业人数', '90px', { align: 'right' }),
      orDash('sector', '行业门类', '1fr'),
      REGION,
      statusColumn('80px'),
    ],
  },
  subsidies: {
    key: 'subsidies',
    label: '奖补',
    entity: 'subsidy',
    defaultSort: 'grantedDate',
    filters: [],
    hasFlags: true,
    describe: (r) => `${s(r, 'subsidyNo')} · ${s(r, 'recipientName')}`,
    columns: [
      plain('subsidyNo', '奖补编号', NUMBER_WIDTH),
      plain('recipientName', '受奖单位', '1.8fr'),
      plain('programName', '项目名称', '1.4fr'),
      money('amountFen', '金额', '120px', SORTABLE),
      plain('grantedDate', '日期', '100px', SORTABLE),
      column('link', '关联', NUMBER_WIDTH, (r) => text(s(r, 'dealContractNo') ?? s(r, 'pledgeRegistrationNo'))),
      statusColumn('90px'),
    ],
  },
};

export const KIND_ORDER: KindKey[] = ['deals', 'pledges', 'registrations', 'figures', 'subsidies'];
