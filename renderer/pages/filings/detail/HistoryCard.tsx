import { Card, Empty, Timeline, Typography } from 'antd';
import type { MethodOutput } from '../../../../shared/contract/index';
import { useCall } from '../../../data/useCall';
import { useShownError } from '../../../data/useShownError';
import { formatDateTime } from '../../../components/formatDateTime';

const ACTIONS: Record<string, string> = { create: '新建', update: '修改', void: '作废', restore: '恢复' };
const COLUMN_LABELS: Record<string, string> = {
  amount_fen: '成交金额（分）',
  contract_no: '合同编号',
  contract_date: '合同日期',
  recordation_date: '备案日期',
  kind: '交易类型',
  license_mode: '许可方式',
  license_end_date: '许可期限止',
  assignor_id: '让与方',
  assignee_id: '受让方',
  assignee_size: '受让方规模',
  industry: '所属产业',
  patent_count: '专利件数',
  patents: '专利',
  payments: '到账',
  registration_no: '登记号',
  registration_date: '登记日期',
  pledgee_name: '质权人',
  term_months: '期限（月）',
  product_name: '产品名称',
  output_value_fen: '产值（分）',
  revenue_fen: '营业收入（分）',
  employees: '就业人数',
  program_name: '项目名称',
  granted_date: '奖补日期',
};

type Entry = MethodOutput<'audit.history'>[number];

/** A list (a deal's payments, its patents) reads as its items; anything else as stored. */
const shown = (value: unknown) =>
  Array.isArray(value) ? (value.length ? value.join('、') : '无') : JSON.stringify(value);

function describe(entry: Entry): string {
  const verb = entry.action.split('.').pop() ?? entry.action;
  const version = entry.detail.version ? `第 ${String(entry.detail.version)} 版` : '';
  if (verb === 'void') return `作废（${version}）：${String(entry.detail.reason ?? '')}`;
  if (verb === 'restore') return `恢复（${version}），撤销作废：${String(entry.detail.voidReason ?? '')}`;
  const changes = entry.detail.changes as Record<string, { from: unknown; to: unknown }> | undefined;
  if (verb === 'update' && changes) {
    const parts = Object.entries(changes).map(
      ([k, c]) => `${COLUMN_LABELS[k] ?? k}：${shown(c.from)} → ${shown(c.to)}`,
    );
    return `修改（${version}）：${parts.join('；')}`;
  }
  if (entry.action === 'attachment.add') return `添加附件 ${String(entry.detail.fileName ?? '')}`;
  if (entry.action === 'attachment.void') return `移除附件 ${String(entry.detail.fileName ?? '')}`;
  return `${ACTIONS[verb] ?? entry.action}${version ? `（${version}）` : ''}`;
}

/** Who changed what, when: the record's versions from the audit log. */
export function HistoryCard({
  entity,
  id,
  refreshKey,
  atProvince = false,
}: {
  entity: string;
  id: string;
  refreshKey: number;
  /** The province holds the versions the city reported, not the city's own log of who changed what. */
  atProvince?: boolean;
}) {
  // Read again whenever the record is (refreshKey): a restore or an attachment adds a line.
  const history = useCall('audit.history', { entity, entityId: id }, refreshKey);
  useShownError(history.error);
  const entries = history.latest ?? [];
  return (
    <Card size="small" title="修改记录" style={{ marginBottom: 12 }} data-testid="history">
      {history.latest && entries.length === 0 && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            atProvince ? '逐次修改的经过记录在报送该记录的地市工作台上；此处为地市报送的最新版本' : '暂无修改记录'
          }
        />
      )}
      <Timeline
        items={entries.map((e) => ({
          children: (
            <div data-testid="history-entry">
              <Typography.Text strong>{e.actorName}</Typography.Text>{' '}
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
              <div>{describe(e)}</div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
