import { Alert, DatePicker, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { auditActionLabel, auditKindLabel } from '../../../shared/audit/labels';
import type { MethodInput, MethodOutput } from '../../../shared/contract/index';
import { FilterSelects, type FilterSelectSpec } from '../../components/FilterSelects';
import { formatDateTime } from '../../components/formatDateTime';
import { useCall } from '../../data/useCall';
import { useSession } from '../../app/session';
import { PROVINCE_CODE } from '../../../shared/domain/regions';

type Verification = MethodOutput<'audit.verify'>;
type Filters = Pick<MethodInput<'audit.search'>, 'actorName' | 'action' | 'entity'> & { days?: [Dayjs, Dayjs] | null };

const PAGE_SIZE = 50;

/**
 * Whether the log is as it was written: the hash chain, and on a city desk the anchors of the batches it sent (the
 * province reports to no one, so its log has the chain alone).
 */
function ChainStatus({ verification }: { verification: Verification | null }) {
  const atProvince = useSession().status.region?.code === PROVINCE_CODE;
  if (!verification) return <Alert type="info" showIcon message="正在校验审计日志的完整性…" />;
  if (verification.ok)
    return (
      <Alert
        type="success"
        showIcon
        message={`审计日志完整：共 ${verification.rows.toLocaleString('zh-CN')} 条，${atProvince ? '哈希链前后衔接' : '哈希链与已报送批次的锚点一致'}，未发现改动或删除。`}
      />
    );
  return <Alert type="error" showIcon message="审计日志校验未通过" description={verification.message} />;
}

const options = (values: string[], label: (value: string) => string = (v) => v) =>
  values.map((v) => ({ value: v, label: label(v) }));

/** 审计日志: who did what, when — read-only, filtered by actor, action, kind of record and dates, newest first. */
export function AuditLogTab() {
  const [filters, setFilters] = useState<Filters>({});
  const [pageNo, setPageNo] = useState(1);
  const { days, ...rest } = filters;
  // A day is the user's local day: from its first moment to the first moment of the day after the last.
  const range = days
    ? { from: days[0].startOf('day').toISOString(), to: days[1].add(1, 'day').startOf('day').toISOString() }
    : {};
  // The page shown stays while the next page or filter is read.
  const search = useCall('audit.search', { ...rest, ...range, offset: (pageNo - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const page = search.latest;
  const verify = useCall('audit.verify', {});
  const verification = verify.value ?? null;
  // A refusal shows above the table, in place: the log is a page to read, not a passing toast.
  const problem = verify.error ?? search.error;

  const change = (next: Partial<Filters>) => {
    setFilters((before) => ({ ...before, ...next }));
    setPageNo(1);
  };

  const selects: FilterSelectSpec<Filters>[] = [
    { name: 'actorName', label: '操作人', placeholder: '操作人', width: 160, options: options(page?.actors ?? []) },
    {
      name: 'action',
      label: '操作',
      placeholder: '操作',
      width: 220,
      options: options(page?.actions ?? [], auditActionLabel),
      showSearch: true,
    },
    {
      name: 'entity',
      label: '对象类别',
      placeholder: '对象类别',
      width: 180,
      options: options(page?.entities ?? [], auditKindLabel),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ChainStatus verification={verification} />
      {problem && <Alert type="error" showIcon message={problem} />}
      <Space wrap>
        <FilterSelects selects={selects} filters={filters} onChange={change} />
        <DatePicker.RangePicker
          aria-label="日期范围"
          value={filters.days ?? null}
          onChange={(days) => change({ days: days?.[0] && days[1] ? [days[0], days[1]] : null })}
        />
      </Space>
      <Table
        size="small"
        rowKey="seq"
        dataSource={page?.rows ?? []}
        loading={!page && !search.error}
        pagination={{
          current: pageNo,
          pageSize: PAGE_SIZE,
          total: page?.total ?? 0,
          showSizeChanger: false,
          onChange: setPageNo,
          showTotal: (total) => `共 ${total.toLocaleString('zh-CN')} 条`,
        }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 80 },
          { title: '时间', dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
          { title: '操作人', dataIndex: 'actorName', width: 120 },
          {
            title: '操作',
            dataIndex: 'action',
            width: 200,
            // The stored code stays at hand (it is what `patent-desk audit` and the exported log show).
            render: (action: string) => <span title={action}>{auditActionLabel(action)}</span>,
          },
          {
            title: '对象',
            width: 240,
            render: (_, r) => `${auditKindLabel(r.entity)}${r.entityId ? ` ${r.entityId}` : ''}`,
          },
          {
            title: '内容',
            render: (_, r) => (
              <Typography.Text ellipsis={{ tooltip: JSON.stringify(r.detail) }} style={{ maxWidth: 360 }}>
                {JSON.stringify(r.detail)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Space>
  );
}
