import { Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { BatchState, BatchView } from '../../../shared/contract/sync';

const STATE_COLORS: Record<BatchState, string> = {
  待发送: 'default',
  发送中: 'processing',
  已接收: 'success',
  部分拒收: 'warning',
  失败: 'error',
};

export const formatTime = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

function explain(b: BatchView): string {
  if (b.state === '已接收' || b.state === '部分拒收') {
    return `接收 ${b.accepted ?? 0} 条，重复 ${b.duplicates ?? 0} 条，拒收 ${b.rejected.length} 条`;
  }
  const retry = b.state === '失败' && b.nextAttemptAt ? `；将于 ${formatTime(b.nextAttemptAt)} 自动重试` : '';
  return `${b.lastError ?? ''}${retry}` || '—';
}

/** The province's reasons for each rejected record, with a link to open the record. */
function Rejections({ batch }: { batch: BatchView }) {
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.entity}:${r.id}:${r.version}`}
      pagination={false}
      dataSource={batch.rejected}
      columns={[
        { title: '记录', width: 90, render: (_, r) => r.label },
        { title: '编号', width: 260, render: (_, r) => (r.link ? <Link to={r.link}>{r.id}</Link> : <Typography.Text copyable>{r.id}</Typography.Text>) },
        { title: '版本', width: 60, dataIndex: 'version' },
        { title: '省级拒收原因', render: (_, r) => r.message },
      ]}
    />
  );
}

export function BatchTable({ batches }: { batches: BatchView[] }) {
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={batches}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      expandable={{ rowExpandable: (b) => b.rejected.length > 0, expandedRowRender: (b) => <Rejections batch={b} /> }}
      columns={[
        { title: '批次', width: 150, render: (_, b) => <span title={b.id}>第 {b.seqFrom}–{b.seqTo} 号</span> },
        { title: '记录数', width: 80, align: 'right', dataIndex: 'recordCount' },
        { title: '状态', width: 96, render: (_, b) => <Tag color={STATE_COLORS[b.state]}>{b.state}</Tag> },
        { title: '发送次数', width: 84, align: 'right', dataIndex: 'attempts' },
        { title: '更新时间', width: 170, render: (_, b) => formatTime(b.updatedAt) },
        { title: '省级回执 / 原因', render: (_, b) => explain(b) },
      ]}
    />
  );
}
