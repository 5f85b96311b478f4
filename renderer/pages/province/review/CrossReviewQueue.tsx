import { Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PROVINCE_REVIEW_STATUSES, type CrossReviewRow } from '../../../../shared/contract/provinceReview';
import { formatDateTime } from '../../../components/formatDateTime';
import { PageHeader } from '../../../components/PageHeader';
import { useCall } from '../../../data/useCall';
import { useShownError } from '../../../data/useShownError';
import { StatusTag } from '../../review/flagTags';

type Status = (typeof PROVINCE_REVIEW_STATUSES)[number];

/** The findings only the province can see, open ones first; a row opens the finding with both cities' records. */
export function CrossReviewQueue() {
  const navigate = useNavigate();
  const [status, setStatus] = useState<Status | undefined>('待审核');
  // Another status keeps the rows of the last one on screen until its own arrive.
  const { latest, error } = useCall('provinceReview.queue', { status });
  useShownError(error);
  const rows = latest?.rows;
  return (
    <>
      <PageHeader
        title="跨地市审核"
        description="涉及两个及以上地区的重复转让、回流交易、重复登记（R01、R02、R10），以及共享专利或单位在各地报送不一致（CLAIM）。审核结论连同理由下发到所涉各地市。"
      />
      <Space style={{ marginBottom: 12 }}>
        <span>审核状态</span>
        <Select
          aria-label="审核状态"
          style={{ width: 140 }}
          allowClear
          placeholder="全部"
          value={status}
          onChange={setStatus}
          options={PROVINCE_REVIEW_STATUSES.map((s) => ({ value: s, label: s }))}
        />
      </Space>
      <Table<CrossReviewRow>
        size="small"
        rowKey="fingerprint"
        loading={rows === undefined && !error}
        dataSource={rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: status === '待审核' ? '没有待审核的跨地市异常' : '没有符合条件的记录' }}
        onRow={(r) => ({
          onClick: () => navigate(`/cross-review/${encodeURIComponent(r.fingerprint)}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: '规则', dataIndex: 'ruleId', width: 170, render: (_, r) => `${r.ruleId} ${r.ruleName}` },
          {
            title: '所涉地区',
            dataIndex: 'regions',
            width: 160,
            render: (_, r) => r.regions.map((g) => <Tag key={g.code}>{g.name}</Tag>),
          },
          {
            title: '所涉记录',
            dataIndex: 'records',
            render: (_, r) => r.records.map((x) => `${x.regionName} ${x.label} ${x.number}`).join('；'),
          },
          { title: '发现时间', dataIndex: 'foundAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: '状态', dataIndex: 'status', width: 100, render: (v: Status) => <StatusTag status={v} /> },
          {
            title: '结论',
            dataIndex: 'reason',
            render: (_, r) =>
              r.decidedBy ? (
                <Typography.Text type="secondary">
                  {r.decidedBy}：{r.reason}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}
