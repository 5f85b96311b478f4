import { Descriptions, Table } from 'antd';
import type { ReactNode } from 'react';
import { formatWan } from '../../../shared/domain/money';
import { regionName } from '../../../shared/domain/regions';

/** Chinese names of the evidence fields the rules write (core/rules/rules/*). */
const LABELS: Record<string, string> = {
  patents: '专利',
  daysApart: '相隔天数',
  withinDays: '监测期（天）',
  first: '前一笔',
  second: '后一笔',
  outbound: '转出',
  returning: '转回',
  sameContractNo: '合同编号相同',
  sameContractDate: '合同日期相同',
  assignor: '让与方',
  assignee: '受让方',
  shared: '相同信息',
  field: '项目',
  value: '内容',
  kind: '类型',
  amountFen: '金额',
  belowYuan: '阈值（元）',
  group: '分组',
  label: '分组',
  deals: '交易',
  patentCount: '专利件数',
  amountPerPatentFen: '每件价格',
  medianPerPatentFen: '同组中位数（每件）',
  median: '中位数 ln',
  zScore: '修正 Z 分数',
  limit: '阈值',
  lnAmountPerPatent: 'ln(每件价格)',
  typeRank: '类型序号',
  asOf: '计算截至',
  contractDate: '合同日期',
  daysSinceContract: '签订后天数',
  receivedFen: '实际到账',
  paidPercent: '到账比例（%）',
  minPaidPercent: '最低比例（%）',
  afterDays: '起算天数',
  payments: '到账记录',
  date: '日期',
  voucherNo: '凭证号',
  referenceDate: '参照日期',
  referenceIsRecordation: '参照备案日',
  number: '编号',
  type: '类型',
  status: '状态',
  filingDate: '申请日',
  naturalExpiry: '自然到期日',
  daysToExpiry: '距到期天数',
  reason: '原因',
  from: '起',
  to: '止',
  spanDays: '跨度（天）',
  minPatents: '最少件数',
  dealId: '交易',
  contractNo: '合同编号',
  region: '地区',
  recordationDate: '备案日期',
  countedSize: '统计规模',
  dealYear: '交易年度',
  figuresYear: '数据年度',
  employees: '从业人员',
  revenueFen: '营业收入',
  sector: '行业',
  judgedAgainst: '对照标准',
  target: '对象',
  targetNo: '编号',
  programs: '项目',
  subsidies: '奖补',
  subsidyId: '奖补',
  subsidyNo: '奖补编号',
  programName: '项目名称',
  grantedDate: '发放日期',
  openLicense: '开放许可',
  conflict: '冲突记录',
  id: '记录',
  regionCode: '地区',
  targetRegion: '地区',
  // A CLAIM (a shared record two regions describe differently) and the province's decision on a finding.
  owner: '最先报送',
  claimant: '另一报送方',
  differences: '不同之处',
  held: '省级保留',
  claimed: '该地区报送',
  entity: '记录类型',
  record: '记录',
  name: '名称',
  version: '版本',
  decision: '结论',
  decidedAt: '审核时间',
};

/**
 * Internal ids and the log-scale statistics behind the modified Z score: nothing a caseworker can check by hand; and
 * the province's decision, which the flag shows above its evidence.
 */
const HIDDEN = new Set([
  'dealId',
  'subsidyId',
  'id',
  'typeRank',
  'lnAmountPerPatent',
  'median',
  'mad',
  'target',
  '省级审核',
]);
/** Evidence fields that hold a region code: shown by the region's name. */
const REGION_KEYS = new Set(['region', 'regionCode', 'targetRegion']);
const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
/** A year is a name, not a quantity: 2023, never 2,023. */
const isYear = (key: string) => /year$/i.test(key);
const label = (key: string) => LABELS[key] ?? key;

function show(key: string, value: unknown): ReactNode {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number')
    return key.endsWith('Fen') ? formatWan(Math.round(value)) : isYear(key) ? String(value) : grouped.format(value);
  if (typeof value === 'string' && REGION_KEYS.has(key)) return regionName(value) ?? value;
  if (Array.isArray(value)) {
    if (value.length === 0) return '无';
    if (value.every((v) => typeof v !== 'object' || v === null)) return value.join('、');
    const rows = value as Record<string, unknown>[];
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !HIDDEN.has(k));
    return (
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={rows}
        columns={keys.map((k) => ({ title: label(k), dataIndex: k, render: (v: unknown) => show(k, v) }))}
      />
    );
  }
  if (typeof value === 'object') return <EvidenceList evidence={value as Record<string, unknown>} nested />;
  return String(value);
}

/** Every piece of evidence a rule recorded, under Chinese names, so that a person can check it. */
export function EvidenceList({ evidence, nested = false }: { evidence: Record<string, unknown>; nested?: boolean }) {
  const entries = Object.entries(evidence).filter(([k]) => !HIDDEN.has(k));
  return (
    <Descriptions size="small" column={nested ? 1 : 2} bordered={!nested}>
      {entries.map(([k, v]) => (
        <Descriptions.Item
          key={k}
          label={label(k)}
          span={Array.isArray(v) || (typeof v === 'object' && v !== null) ? (nested ? 1 : 2) : 1}
        >
          {show(k, v)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
