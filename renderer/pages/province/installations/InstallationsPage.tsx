import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { InstallationView } from '../../../../shared/contract/provinceInstallations';
import { useSession } from '../../../app/session';
import { formatDateTime } from '../../../components/formatDateTime';
import { PageHeader } from '../../../components/PageHeader';
import { useCall } from '../../../data/useCall';
import { useShownError } from '../../../data/useShownError';
import { EnrollModal, ReplaceModal, RevokeModal } from './KeyModals';

const STATUS_COLOR: Record<InstallationView['status'], string> = { 在用: 'green', 已替换: 'default', 已吊销: 'red' };

/** 安装登记: the cities' installations whose signed batches the province takes, with enroll, replace and revoke. */
export function InstallationsPage() {
  const { user } = useSession();
  const [enrolling, setEnrolling] = useState(false);
  const [replacing, setReplacing] = useState<InstallationView | null>(null);
  const [revoking, setRevoking] = useState<InstallationView | null>(null);
  const isAdmin = user.role === '管理员';
  // Only an administrator reads the list; the table keeps its rows while it is read again after a change.
  const { latest: rows, error, reload } = useCall('installations.list', isAdmin ? {} : null);
  useShownError(error);
  const done = (changed: boolean) => {
    setEnrolling(false);
    setReplacing(null);
    setRevoking(null);
    if (changed) reload();
  };

  return (
    <>
      <PageHeader
        title="安装登记"
        description="各地市安装的签名公钥：省级只接收已登记且在用的公钥签名的批次"
        extra={
          isAdmin && (
            <Button type="primary" onClick={() => setEnrolling(true)}>
              登记安装
            </Button>
          )
        }
      />
      {!isAdmin ? (
        <Alert type="info" showIcon message="只有管理员可以查看和管理安装登记" />
      ) : (
        <Card size="small">
          <Table<InstallationView>
            size="small"
            rowKey="fingerprint"
            loading={rows === undefined && !error}
            dataSource={rows ?? []}
            pagination={false}
            locale={{ emptyText: '尚未登记任何安装' }}
            columns={[
              {
                title: '地区',
                dataIndex: 'regionName',
                width: 150,
                sorter: (a, b) => a.regionCode.localeCompare(b.regionCode),
              },
              {
                title: '公钥指纹',
                dataIndex: 'readable',
                render: (t: string) => (
                  <Typography.Text code copyable style={{ fontSize: 12 }}>
                    {t}
                  </Typography.Text>
                ),
              },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (s: InstallationView['status']) => <Tag color={STATUS_COLOR[s]}>{s}</Tag>,
              },
              { title: '下一序号', dataIndex: 'nextSeq', align: 'right', width: 90 },
              { title: '批次', dataIndex: 'batches', align: 'right', width: 70 },
              { title: '最近批次', dataIndex: 'lastBatchAt', width: 140, render: formatDateTime },
              {
                title: '最近联系',
                dataIndex: 'lastContactAt',
                width: 140,
                render: formatDateTime,
                sorter: (a, b) => (a.lastContactAt ?? '').localeCompare(b.lastContactAt ?? ''),
              },
              { title: '登记时间', dataIndex: 'enrolledAt', width: 140, render: formatDateTime },
              {
                title: '操作',
                key: 'actions',
                width: 130,
                render: (_: unknown, row) =>
                  row.status === '在用' ? (
                    <Space size="small">
                      <Button size="small" onClick={() => setReplacing(row)}>
                        替换
                      </Button>
                      <Button size="small" danger onClick={() => setRevoking(row)}>
                        吊销
                      </Button>
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">{formatDateTime(row.retiredAt)}停用</Typography.Text>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <EnrollModal open={enrolling} onClose={done} />
      <ReplaceModal installation={replacing} onClose={done} />
      <RevokeModal installation={revoking} onClose={done} />
    </>
  );
}
