import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../data/useCall';
import { usePoll } from '../../data/usePoll';
import { useShownError } from '../../data/useShownError';
import { call } from '../../transport/desk';
import { downloadText } from '../../transport/files';
import { formatDateTime } from '../../components/formatDateTime';
import { BatchTable, rejectionsLeft } from './BatchTable';

export function SyncPage() {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const sync = useCall('sync.overview', {});
  useShownError(sync.error);
  const overview = sync.latest;
  const [syncing, setSyncing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const mayWrite = user.role === '录入员' || user.role === '管理员';

  // While a sync runs in core — this page's 立即同步 or the background sync — follow its progress, and show the
  // outcome when it ends: each tick's answer is shown as the overview's, one read at a time.
  const backgroundRunning = overview?.running != null;
  usePoll(async () => sync.replace(await call('sync.overview', {})), 700, syncing || backgroundRunning);

  const syncNow = async () => {
    setSyncing(true);
    try {
      const result = await call('sync.run', {});
      if (result.failed > 0 || result.waiting > 0) message.warning(result.message, 8);
      else message.success(result.message, 6);
    } catch (error) {
      message.error((error as Error).message, 8);
    } finally {
      setSyncing(false);
      sync.reload();
    }
  };

  const exportFile = async () => {
    setExporting(true);
    try {
      const file = await call('sync.exportBatch', {});
      if (!file) {
        // Nothing is pending, but records the province refused are not "received": say what is left to do.
        const left = rejectionsLeft(overview?.batches ?? []);
        if (left > 0)
          message.warning(
            `没有新的待报送记录，但有 ${left} 条记录被省级拒收：请按下方“报送批次”中的原因更正，更正后的记录会进入下一次导出或同步`,
            8,
          );
        else message.info('没有需要报送的新记录：所有记录都已打包进报送批次');
        return;
      }
      downloadText(file.content, file.fileName);
      modal.success({
        title: '已导出报送文件',
        content: `${file.fileName}（${file.recordCount} 条记录）。请用移动介质交省级，由省级管理员导入。联网后本批次也会照常发送，省级不会重复入库。`,
      });
    } catch (error) {
      message.error((error as Error).message, 8);
    } finally {
      setExporting(false);
      sync.reload();
    }
  };

  const running = overview?.running ?? null;
  return (
    <>
      <PageHeader
        title="数据同步"
        description="把本地记录以签名批次报送省级，并接收省级的异常反馈"
        extra={
          mayWrite && (
            <>
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportFile()}>
                导出报送文件
              </Button>
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                loading={syncing}
                disabled={!overview?.endpoint}
                onClick={() => void syncNow()}
              >
                立即同步
              </Button>
            </>
          )
        }
      />
      {overview && !overview.endpoint && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="尚未填写省级接口地址"
          description={
            <span>
              请管理员在 <Link to="/settings">设置 → 常规</Link> 中填写；离线办公时可用“导出报送文件”经移动介质报送。
            </span>
          }
        />
      )}
      {(syncing || backgroundRunning) && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Typography.Text>{running?.phase ?? '正在准备批次'}</Typography.Text>
          <Progress
            percent={running && running.total > 0 ? Math.round((running.done / running.total) * 100) : 0}
            status="active"
            aria-label="同步进度"
          />
        </Card>
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label="待报送记录">
            <Space wrap>
              <Typography.Text strong>{overview?.pendingRecords ?? '…'} 条</Typography.Text>
              {overview?.pendingByEntity.map((p) => (
                <Tag key={p.entity}>
                  {p.label} {p.count}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="最近联系省级">{formatDateTime(overview?.lastContactAt)}</Descriptions.Item>
          <Descriptions.Item label="省级接口地址">{overview?.endpoint || '未填写'}</Descriptions.Item>
          <Descriptions.Item label="最近一次问题">{overview?.lastError ?? '无'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="报送批次">
        {overview && overview.batches.length === 0 ? (
          <Typography.Text type="secondary">还没有报送批次。录入的记录会在同步或导出时打包成签名批次。</Typography.Text>
        ) : (
          <BatchTable batches={overview?.batches ?? []} />
        )}
      </Card>
    </>
  );
}
