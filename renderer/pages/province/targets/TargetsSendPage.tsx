import { Card, Space, Table, Typography } from 'antd';
import { formatDateTime } from '../../../components/formatDateTime';
import { PageHeader } from '../../../components/PageHeader';
import { useCall } from '../../../data/useCall';
import { useShownError } from '../../../data/useShownError';
import { TargetsSettingsTab } from '../../settings/TargetsSettingsTab';

/**
 * 目标下达: the province sets each city's targets in the same table (or xlsx) as 设置 → 目标; saving a city's targets sends
 * them to that city, where they show as 省级下达 and cannot be edited.
 */
export function TargetsSendPage() {
  const { latest: sent, error, reload } = useCall('provinceTargets.sent', {});
  useShownError(error);
  const rows = sent?.rows;
  return (
    <>
      <PageHeader
        title="目标下达"
        description="选择地区，填写或从 Excel 导入目标后保存，即下达到该地市；地市下次同步后在“设置 → 目标”中显示为省级下达（只读），统计图表和成效评价按此计算。"
      />
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <TargetsSettingsTab onSaved={reload} />
        <Card size="small" title="各地市下达情况">
          <Table
            size="small"
            rowKey="code"
            loading={rows === undefined && !error}
            dataSource={rows ?? []}
            pagination={false}
            columns={[
              { title: '地区', dataIndex: 'name', width: 160 },
              { title: '目标项数', dataIndex: 'targets', width: 100 },
              {
                title: '最近下达',
                dataIndex: 'sentAt',
                render: (v: string | null) =>
                  v ? formatDateTime(v) : <Typography.Text type="secondary">尚未下达</Typography.Text>,
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
