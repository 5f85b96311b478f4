import { App, Button, Card, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { QueueFilters as Filters, QueueRow } from '../../../shared/contract/rules';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../transport/desk';
import { SourceTag, StatusTag } from './flagTags';
import { QueueFilters } from './QueueFilters';
import { saveDownload } from '../../components/export/saveDownload';
import { ScanButton } from './ScanButton';

const PAGE_SIZE = 50;

/** 异常审核: the queue, longest waiting first. */
export function ReviewQueue() {
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({ status: '待审核' });
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ total: number; rows: QueueRow[] }>({ total: 0, rows: [] });
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await call('review.queue', { ...filters, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }));
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setLoading(false);
    }
  }, [filters, page, message]);
  useEffect(() => void load(), [load]);

  const exportQueue = async () => {
    try {
      saveDownload(await call('review.exportQueue', filters));
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const canScan = user.role === '审核员' || user.role === '管理员';
  return (
    <>
      <PageHeader
        title="异常审核"
        description="系统按 R01–R12 规则发现的可疑交易；确认异常的交易不计入各项指标。"
        extra={
          <>
            <Button onClick={() => void exportQueue()}>导出 Excel</Button>
            {canScan && <ScanButton onFinished={() => void load()} />}
          </>
        }
      />
      <Card>
        <QueueFilters value={filters} onChange={(next) => { setPage(1); setFilters(next); }} />
        <Table<QueueRow>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data.rows}
          onRow={(row) => ({ onClick: () => navigate(`/review/${row.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: '没有符合条件的异常。录入或导入交易时系统会自动检查，也可点击“全面扫描”。' }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, showSizeChanger: false, onChange: setPage, showTotal: (total) => `共 ${total} 条` }}
          columns={[
            { title: '规则', dataIndex: 'ruleId', width: 120, render: (_, r) => `${r.ruleId} ${r.ruleName}` },
            { title: '地区', dataIndex: 'regionName', width: 90 },
            { title: '合同 / 登记号', width: 210, render: (_, r) => [...r.contracts, ...r.pledges, ...r.subsidies].join('、') },
            { title: '说明', dataIndex: 'explanation', ellipsis: true },
            { title: '状态', dataIndex: 'status', width: 150, render: (_, r) => <StatusTag status={r.status} active={r.active} /> },
            { title: '来源', dataIndex: 'source', width: 96, render: (_, r) => <SourceTag source={r.source} /> },
            {
              title: '发现',
              dataIndex: 'ageDays',
              width: 96,
              render: (_, r) => <Typography.Text type={r.ageDays >= 30 ? 'danger' : undefined}>{r.ageDays === 0 ? '今天' : `${r.ageDays} 天前`}</Typography.Text>,
            },
          ]}
        />
      </Card>
    </>
  );
}
