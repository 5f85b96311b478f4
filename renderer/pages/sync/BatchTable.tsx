import { Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { BatchState, BatchView, ReferenceView, RejectionView } from '../../../shared/contract/sync';
import { formatDateTime } from '../../components/formatDateTime';

const STATE_COLORS: Record<BatchState, string> = {
  待发送: 'default',
  发送中: 'processing',
  已接收: 'success',
  部分拒收: 'warning',
  失败: 'error',
};

function explain(b: BatchView): string {
  if (b.state === '已接收' || b.state === '部分拒收') {
    return `接收 ${b.accepted ?? 0} 条，重复 ${b.duplicates ?? 0} 条，拒收 ${b.rejected.length} 条`;
  }
  const retry = b.state === '失败' && b.nextAttemptAt ? `；将于 ${formatDateTime(b.nextAttemptAt)} 自动重试` : '';
  return `${b.lastError ?? ''}${retry}` || '—';
}

/** Each rejected record by its kind and business number (opening its detail page), with the province's reasons. */
function Rejections({ batch }: { batch: BatchView }) {
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.entity}:${r.id}:${r.version}`}
      pagination={false}
      dataSource={batch.rejected}
      columns={[
        { title: '被拒收的记录', width: 110, render: (_, r) => r.label },
        { title: '编号', width: 300, render: (_, r) => <RecordNumber rejection={r} /> },
        {
          title: '省级拒收原因及处理办法',
          render: (_, r) =>
            r.corrected ? (
              <Space direction="vertical" size={2}>
                <Tag color="success">已更正，省级已接收新版本</Tag>
                <Typography.Text type="secondary">
                  <Reasons reasons={r.reasons} />
                </Typography.Text>
              </Space>
            ) : (
              <Space direction="vertical" size={2}>
                <Reasons reasons={r.reasons} />
                <References references={r.references} />
              </Space>
            ),
        },
      ]}
    />
  );
}

function RecordNumber({ rejection }: { rejection: Pick<RejectionView, 'number' | 'link'> }) {
  const number = rejection.number ?? '本机未找到该记录';
  return rejection.link ? <Link to={rejection.link}>{number}</Link> : <Typography.Text>{number}</Typography.Text>;
}

/** The records a rejection refers to that the province lacks, each by kind and number, opening its page. */
function References({ references }: { references: ReferenceView[] }) {
  if (references.length === 0) return null;
  return (
    <Typography.Text>
      引用的记录：
      {references.map((ref, i) => (
        <span key={`${ref.label}:${ref.number ?? i}`}>
          {i > 0 && '、'}
          {ref.label} <RecordNumber rejection={ref} />
        </span>
      ))}
    </Typography.Text>
  );
}

function Reasons({ reasons }: { reasons: string[] }) {
  if (reasons.length === 1) return <>{reasons[0]}</>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}

/** A batch with a rejected record still to correct opens on its rejections until the caseworker folds it. */
const hasWorkLeft = (b: BatchView) => b.rejected.some((r) => !r.corrected);

/** How many rejected records are still to correct, across all batches. */
export const rejectionsLeft = (batches: readonly BatchView[]) =>
  batches.reduce((n, b) => n + b.rejected.filter((r) => !r.corrected).length, 0);

/** The batches with their states and, under each, the records the province rejected. */
export function BatchTable({ batches }: { batches: BatchView[] }) {
  // The caseworker's own opening and folding wins over the default.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const isOpen = (b: BatchView) => b.rejected.length > 0 && (toggled.get(b.id) ?? hasWorkLeft(b));
  const toggle = (open: boolean, batch: BatchView) => setToggled((prev) => new Map(prev).set(batch.id, open));
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={batches}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      expandable={{
        rowExpandable: (b) => b.rejected.length > 0,
        expandedRowRender: (b) => <Rejections batch={b} />,
        expandedRowKeys: batches.filter(isOpen).map((b) => b.id),
        onExpand: toggle,
      }}
      columns={[
        {
          title: '批次',
          width: 150,
          render: (_, b) => (b.seqFrom === b.seqTo ? `第 ${b.seqFrom} 号` : `第 ${b.seqFrom}–${b.seqTo} 号`),
        },
        { title: '记录数', width: 80, align: 'right', dataIndex: 'recordCount' },
        { title: '状态', width: 96, render: (_, b) => <Tag color={STATE_COLORS[b.state]}>{b.state}</Tag> },
        { title: '发送次数', width: 84, align: 'right', dataIndex: 'attempts' },
        { title: '更新时间', width: 170, render: (_, b) => formatDateTime(b.updatedAt) },
        { title: '省级回执 / 原因', render: (_, b) => explain(b) },
      ]}
    />
  );
}
