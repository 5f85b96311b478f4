import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { MatchmakingView } from '../../../../shared/contract/filings/deals';
import { PageHeader } from '../../../components/PageHeader';
import { useAction } from '../../../data/useAction';
import { useCall } from '../../../data/useCall';
import { useShownError } from '../../../data/useShownError';
import { callKind, kindMethod } from '../calls';
import { formatDateTime } from '../../../components/formatDateTime';
import { text, wan } from '../format';
import type { KindSpec } from '../kinds';
import { useRecordsPlace } from '../recordsPlace';
import { AttachmentsCard } from './AttachmentsCard';
import { type AnyDetail, fieldsOf } from './fieldsOf';
import { HistoryCard } from './HistoryCard';
import { VoidButton } from './VoidButton';

/** A list inside a record (its patents, payments, 对接), all rows on one card. */
function DetailTable<T extends object>({
  title,
  rowKey,
  rows,
  emptyText,
  columns,
}: {
  title: string;
  rowKey: keyof T & string;
  rows: T[];
  emptyText?: string;
  columns: TableColumnsType<T>;
}) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      <Table<T>
        size="small"
        rowKey={rowKey}
        pagination={false}
        dataSource={rows}
        locale={emptyText ? { emptyText } : undefined}
        columns={columns}
      />
    </Card>
  );
}

/** Every field of a record, its patents, payments, attachments, anomaly flags and version history. */
const DETAIL_COLUMNS = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 } as const;

export function RecordDetail({ spec, id }: { spec: KindSpec; id: string }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { run } = useAction();
  const { base, canEdit, atProvince } = useRecordsPlace();
  const record = useCall(kindMethod(spec.key, 'get'), { id });
  useShownError(record.error);
  // Read again after a restore or an attachment change, with its history; the page keeps showing the record meanwhile.
  const [round, setRound] = useState(0);
  const load = () => {
    record.reload();
    setRound((r) => r + 1);
  };
  const detail: AnyDetail | undefined = record.latest?.id === id ? record.latest : undefined;
  if (!detail) return null;

  const voided = detail.voidedAt !== null;
  return (
    <div>
      <PageHeader
        title={`${spec.label}详情`}
        description={`第 ${detail.version} 版 · 最后修改 ${formatDateTime(detail.updatedAt)}`}
        extra={
          <>
            <Button onClick={() => navigate(`${base}/${spec.key}`)}>返回列表</Button>
            {canEdit && !voided && (
              <Button type="primary" onClick={() => navigate(`/filings/${spec.key}/${id}/edit`)}>
                修改
              </Button>
            )}
            {canEdit && !voided && (
              <VoidButton
                what={spec.label}
                onVoid={async (reason) => {
                  await callKind(spec.key, 'void', { id, reason });
                  message.success('已作废');
                  navigate(`/filings/${spec.key}`);
                }}
              />
            )}
          </>
        }
      />
      {voided && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`已于 ${formatDateTime(detail.voidedAt)} 作废：${detail.voidReason ?? ''}`}
          action={
            canEdit && (
              <Popconfirm
                title="恢复该记录？"
                description="恢复后生成新版本，记入修改记录，并作为新版本报送省级。"
                okText="恢复"
                cancelText="取消"
                onConfirm={async () => {
                  const restore = async () =>
                    void (await callKind(spec.key, 'restore', { id, version: detail.version }));
                  await run(restore, '已恢复');
                  load();
                }}
              >
                <Button size="small">恢复</Button>
              </Popconfirm>
            )
          }
        />
      )}
      {(detail.flags ?? []).length > 0 && (
        <Card size="small" title="异常提示" style={{ marginBottom: 12 }}>
          <Space direction="vertical">
            {(detail.flags ?? []).map((f) => (
              <div key={f.id}>
                <Tag color={f.status === '确认异常' ? 'red' : 'orange'}>
                  {f.ruleId} {f.status}
                </Tag>{' '}
                {f.explanation} {!atProvince && <Link to={`/review/${f.id}`}>查看审核</Link>}
              </div>
            ))}
          </Space>
        </Card>
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        {/* Two columns up to full-HD widths: party names with their USCC need the room, and dates must not wrap. */}
        <Descriptions
          size="small"
          column={DETAIL_COLUMNS}
          items={fieldsOf(spec.key, detail).map(([label, value]) => ({ key: label, label, children: value }))}
        />
      </Card>
      {detail.patents && (
        <DetailTable
          title={`专利（${detail.patents.length} 件）`}
          rowKey="number"
          rows={detail.patents}
          columns={[
            { title: '专利号', dataIndex: 'number' },
            { title: '类型', dataIndex: 'type', render: (t: string) => <Tag color="blue">{t}</Tag> },
            { title: '专利名称', dataIndex: 'title', render: text },
            { title: '申请日', dataIndex: 'filingDate', render: text },
            { title: '法律状态', dataIndex: 'status' },
            { title: '届满日', dataIndex: 'naturalExpiry', render: text },
          ]}
        />
      )}
      {detail.fromMatchmakings && detail.fromMatchmakings.length > 0 && (
        <DetailTable
          title="来源对接"
          rowKey="id"
          rows={detail.fromMatchmakings}
          columns={[
            // The province reads a city's deal but has no 供需对接 section of its own to open the 对接 in.
            {
              title: '对接日期',
              key: 'date',
              render: (_: unknown, m: MatchmakingView) =>
                atProvince ? m.eventDate : <Link to={`/matching/matchmakings/${m.id}`}>{m.eventDate}</Link>,
            },
            { title: '对接活动', dataIndex: 'event' },
            {
              title: '技术需求',
              key: 'need',
              render: (_: unknown, m: MatchmakingView) => `${m.needNo} · ${m.enterpriseName}`,
            },
            {
              title: '供给专利',
              key: 'supply',
              render: (_: unknown, m: MatchmakingView) => `${m.patentNumber} ${m.patentTitle}`,
            },
          ]}
        />
      )}
      {detail.payments && (
        <DetailTable
          title={`到账（${detail.payments.length} 笔）`}
          rowKey="id"
          rows={detail.payments}
          emptyText={'尚无到账记录'}
          columns={[
            { title: '到账日期', dataIndex: 'paidDate' },
            { title: '金额', dataIndex: 'amountFen', align: 'right', render: (f: number) => wan(f) },
            { title: '凭证号', dataIndex: 'voucherNo', render: text },
          ]}
        />
      )}
      <AttachmentsCard
        entity={spec.entity}
        id={id}
        attachments={detail.attachments}
        onChange={load}
        canEdit={canEdit && !voided}
        atProvince={atProvince}
      />
      <HistoryCard entity={spec.entity} id={id} refreshKey={round} atProvince={atProvince} />
    </div>
  );
}
