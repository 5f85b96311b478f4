import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { VirtualColumn } from '../../components/VirtualTable';
import { region, text, wan } from './format';

/** The five kinds of filing, each with its list columns, sorts and filters. */
export type KindKey = 'deals' | 'pledges' | 'registrations' | 'figures' | 'subsidies';

export type ListRow = Record<string, unknown> & { id: string; version: number; voidedAt: string | null; flagCount?: number };

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
}

const s = (row: ListRow, key: string) => row[key] as string | null;
const n = (row: ListRow, key: string) => row[key] as number | null;
const flags = (row: ListRow): ReactNode => (row.flagCount ? <Tag color="orange">{row.flagCount} 项异常</Tag> : null);
const status = (row: ListRow): ReactNode => (row.voidedAt ? <Tag>已作废</Tag> : flags(row));

export const KINDS: Record<KindKey, KindSpec> = {
  deals: {
    key: 'deals',
    label: '专利交易',
    entity: 'deal',
    defaultSort: 'recordationDate',
    filters: ['kind', 'assignorKind', 'assigneeSize', 'industry'],
    hasFlags: true,
    columns: [
      { key: 'contractNo', title: '合同编号', width: '1.3fr', render: (r) => s(r, 'contractNo') },
      { key: 'kind', title: '类型', width: '90px', render: (r) => `${s(r, 'kind')}${r.licenseMode ? `·${s(r, 'licenseMode')}` : ''}` },
      { key: 'assignorName', title: '让与方', width: '1.6fr', render: (r) => s(r, 'assignorName') },
      { key: 'assigneeName', title: '受让方', width: '1.6fr', render: (r) => s(r, 'assigneeName') },
      { key: 'patentCount', title: '专利', width: '52px', align: 'right', render: (r) => n(r, 'patentCount') },
      { key: 'amountFen', title: '成交金额', width: '120px', align: 'right', sortKey: 'amountFen', render: (r) => wan(n(r, 'amountFen')) },
      { key: 'contractDate', title: '合同日期', width: '100px', sortKey: 'contractDate', render: (r) => s(r, 'contractDate') },
      { key: 'recordationDate', title: '备案日期', width: '100px', sortKey: 'recordationDate', render: (r) => text(s(r, 'recordationDate')) },
      { key: 'region', title: '地区', width: '80px', render: (r) => region(s(r, 'regionCode')) },
      { key: 'status', title: '状态', width: '90px', render: status },
    ],
  },
  pledges: {
    key: 'pledges',
    label: '质押融资',
    entity: 'pledge',
    defaultSort: 'registrationDate',
    filters: [],
    hasFlags: true,
    columns: [
      { key: 'registrationNo', title: '质押登记号', width: '1.3fr', render: (r) => s(r, 'registrationNo') },
      { key: 'pledgorName', title: '出质人', width: '1.8fr', render: (r) => s(r, 'pledgorName') },
      { key: 'pledgeeName', title: '质权人', width: '1.5fr', render: (r) => s(r, 'pledgeeName') },
      { key: 'patentCount', title: '专利', width: '52px', align: 'right', render: (r) => n(r, 'patentCount') },
      { key: 'amountFen', title: '融资金额', width: '130px', align: 'right', sortKey: 'amountFen', render: (r) => wan(n(r, 'amountFen')) },
      { key: 'registrationDate', title: '登记日期', width: '100px', sortKey: 'registrationDate', render: (r) => s(r, 'registrationDate') },
      { key: 'termMonths', title: '期限', width: '70px', render: (r) => (r.termMonths ? `${n(r, 'termMonths')} 个月` : '—') },
      { key: 'region', title: '地区', width: '80px', render: (r) => region(s(r, 'regionCode')) },
      { key: 'status', title: '状态', width: '90px', render: status },
    ],
  },
  registrations: {
    key: 'registrations',
    label: '产品备案',
    entity: 'registration',
    defaultSort: 'registrationDate',
    filters: ['enterpriseSize'],
    hasFlags: true,
    columns: [
      { key: 'registrationNo', title: '备案号', width: '1.2fr', render: (r) => s(r, 'registrationNo') },
      { key: 'enterpriseName', title: '企业', width: '1.8fr', render: (r) => s(r, 'enterpriseName') },
      { key: 'enterpriseSize', title: '规模', width: '60px', render: (r) => text(s(r, 'enterpriseSize')) },
      { key: 'productName', title: '产品名称', width: '1.5fr', render: (r) => s(r, 'productName') },
      { key: 'patentCount', title: '专利', width: '52px', align: 'right', render: (r) => n(r, 'patentCount') },
      { key: 'outputValueFen', title: '产值', width: '120px', align: 'right', render: (r) => wan(n(r, 'outputValueFen')) },
      { key: 'registrationDate', title: '备案日期', width: '100px', sortKey: 'registrationDate', render: (r) => s(r, 'registrationDate') },
      { key: 'status', title: '状态', width: '90px', render: status },
    ],
  },
  figures: {
    key: 'figures',
    label: '企业年度数据',
    entity: 'enterprise_figure',
    defaultSort: 'year',
    filters: [],
    hasFlags: false,
    columns: [
      { key: 'enterpriseName', title: '企业', width: '2fr', render: (r) => s(r, 'enterpriseName') },
      { key: 'uscc', title: '统一社会信用代码', width: '180px', render: (r) => text(s(r, 'uscc')) },
      { key: 'year', title: '年度', width: '70px', sortKey: 'year', render: (r) => n(r, 'year') },
      { key: 'revenueFen', title: '营业收入', width: '140px', align: 'right', render: (r) => wan(n(r, 'revenueFen')) },
      { key: 'employees', title: '就业人数', width: '90px', align: 'right', render: (r) => text(n(r, 'employees')) },
      { key: 'sector', title: '行业门类', width: '1fr', render: (r) => text(s(r, 'sector')) },
      { key: 'region', title: '地区', width: '80px', render: (r) => region(s(r, 'regionCode')) },
      { key: 'status', title: '状态', width: '80px', render: status },
    ],
  },
  subsidies: {
    key: 'subsidies',
    label: '奖补',
    entity: 'subsidy',
    defaultSort: 'grantedDate',
    filters: [],
    hasFlags: true,
    columns: [
      { key: 'subsidyNo', title: '奖补编号', width: '1.2fr', render: (r) => s(r, 'subsidyNo') },
      { key: 'recipientName', title: '受奖单位', width: '1.8fr', render: (r) => s(r, 'recipientName') },
      { key: 'programName', title: '项目名称', width: '1.4fr', render: (r) => s(r, 'programName') },
      { key: 'amountFen', title: '金额', width: '120px', align: 'right', sortKey: 'amountFen', render: (r) => wan(n(r, 'amountFen')) },
      { key: 'grantedDate', title: '日期', width: '100px', sortKey: 'grantedDate', render: (r) => s(r, 'grantedDate') },
      { key: 'link', title: '关联', width: '1.2fr', render: (r) => text(s(r, 'dealContractNo') ?? s(r, 'pledgeRegistrationNo')) },
      { key: 'status', title: '状态', width: '90px', render: status },
    ],
  },
};

export const KIND_ORDER: KindKey[] = ['deals', 'pledges', 'registrations', 'figures', 'subsidies'];
