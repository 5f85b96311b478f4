import { App, Button, Card, Input, Table, Tag, Tooltip, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { QueueFilters as Filters, QueueRow, QueueSort } from '../../../shared/contract/rules';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { call } from '../../transport/desk';
import { ageText, SourceTag, StatusTag } from './flagTags';
import { QueueFilters } from './QueueFilters';
import { saveDownload } from '../../transport/files';
import { ScanButton } from './ScanButton';
import { loadQueueView, saveQueueView } from './queueView';

const SORTABLE: Partial<Record<string, QueueSort['field']>> = {
  ruleId: 'ruleId',
  regionName: 'regionCode',
  status: 'status',
  ageDays: 'firstSeenAt',
};

/** antd's sorter as the queue's sort; 发现 sorts by age, so its ascending order is the oldest flag last. */
function sortOf(sorter: SorterResult<QueueRow>): QueueSort | undefined {
  const field = SORTABLE[String(sorter.columnKey)];
  if (!field || !sorter.order) return undefined;
  const order = field === 'firstSeenAt' ? (sorter.order === 'ascend' ? 'descend' : 'ascend') : sorter.order;
  return { field, order };
}

/** The order a column shows for the queue's sort (the inverse of sortOf). */
function orderShown(sort: QueueSort | undefined, field: QueueSort['field']) {
  if (sort?.field !== field) return null;
  if (field !== 'firstSeenAt') return sort.order;
  return sort.order === 'ascend' ? 'descend' : 'ascend';
}

const PAGE_SIZE = 50;

/** 异常审核: the queue, longest waiting first. */
export function ReviewQueue() {
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>(() => loadQueueView().filters);
  const [sort, setSort] = useState<QueueSort | undefined>(() => loadQueueView().sort);
  const [page, setPage] = useState(1);
  useEffect(() => saveQueueView({ filters, sort }), [filters, sort]);
  const queue = useCall('review.queue', { ...filters, sort, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const data = queue.latest ?? { total: 0, rows: [] };
  useShownError(queue.error);

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
            {canScan && <ScanButton onFinished={queue.reload} />}
          </>
        }
      />
      <Card>
        <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
          <Input.Search
            allowClear
            aria-label="搜索编号"
            placeholder="合同编号 / 质押登记号 / 奖补编号"
            style={{ width: 260, flex: 'none' }}
            defaultValue={filters.search}
            onSearch={(search) => {
              setPage(1);
              setFilters({ ...filters, search: search.trim() || undefined });
            }}
          />
          <QueueFilters
            value={filters}
            onChange={(next) => {
              setPage(1);
              setFilters(next);
            }}
          />
        </div>
        <Table<QueueRow>
          rowKey="id"
          size="middle"
          loading={queue.loading}
          dataSource={data.rows}
          onRow={(row) => ({ onClick: () => navigate(`/review/${row.id}`), style: { cursor: 'pointer' } })}
          onChange={(_pagination, _filters, sorter, { action }) => {
            if (action !== 'sort') return;
            setPage(1);
            setSort(sortOf(Array.isArray(sorter) ? sorter[0]! : sorter));
          }}
          locale={{ emptyText: '没有符合条件的异常。录入或导入交易时系统会自动检查，也可点击“全面扫描”。' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data.total,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (total) => `共 ${total} 条`,
          }}
          columns={[
            {
              title: '规则',
              key: 'ruleId',
              dataIndex: 'ruleId',
              width: 130,
              sorter: true,
              sortOrder: orderShown(sort, 'ruleId'),
              render: (_, r) => `${r.ruleId} ${r.ruleName}`,
            },
            {
              title: '地区',
              key: 'regionName',
              dataIndex: 'regionName',
              width: 90,
              sorter: true,
              sortOrder: orderShown(sort, 'regionCode'),
            },
            {
              title: '合同 / 登记号',
              width: 210,
              render: (_, r) => [...r.contracts, ...r.pledges, ...r.subsidies].join('、'),
            },
            { title: '说明', dataIndex: 'explanation', ellipsis: true },
            {
              title: '状态',
              key: 'status',
              dataIndex: 'status',
              width: 170,
              sorter: true,
              sortOrder: orderShown(sort, 'status'),
              render: (_, r) => (
                <>
                  <StatusTag status={r.status} active={r.active} />
                  {r.enteredByYou && (
                    <Tooltip title="所涉记录由您本人录入，按“双人复核”须由其他审核员审核">
                      <Tag color="default">本人录入，不能审核</Tag>
                    </Tooltip>
                  )}
                </>
              ),
            },
            { title: '来源', dataIndex: 'source', width: 96, render: (_, r) => <SourceTag source={r.source} /> },
            {
              title: '发现',
              key: 'ageDays',
              dataIndex: 'ageDays',
              width: 96,
              sorter: true,
              sortOrder: orderShown(sort, 'firstSeenAt'),
              render: (_, r) => (
                <Typography.Text type={r.ageDays >= 30 ? 'danger' : undefined}>{ageText(r.ageDays)}</Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
