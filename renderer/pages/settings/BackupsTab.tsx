import { Alert, App, Button, Card, Descriptions, Modal, Space, Table, Tag, Typography } from 'antd';
import type { BackupEntry, BackupFacts, BackupKind } from '../../../shared/contract/backup';
import { formatFileSize } from '../../../shared/domain/fileSize';
import { formatDateTime } from '../../components/formatDateTime';
import { useAction } from '../../data/useAction';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { call } from '../../transport/desk';
import { useSession } from '../../app/session';

const KIND_COLORS: Record<BackupKind, string> = { 每日自动: 'blue', 升级前自动: 'purple', 手动: 'green' };

/** What the backup holds, read from the file itself, so the caseworker sees what comes back before confirming. */
function BackupFactsList({ facts }: { facts: BackupFacts }) {
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      style={{ marginBottom: 12 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      aria-label="备份内容"
    >
      <Descriptions.Item label="文件">{facts.file}</Descriptions.Item>
      <Descriptions.Item label="所属地区">{`${facts.regionName}（${facts.regionCode}）`}</Descriptions.Item>
      <Descriptions.Item label="备份时间">{formatDateTime(facts.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="最后改动">{formatDateTime(facts.lastChangeAt)}</Descriptions.Item>
      <Descriptions.Item label="大小">{formatFileSize(facts.bytes)}</Descriptions.Item>
      <Descriptions.Item label="记录数">
        {facts.counts.map((c) => `${c.kind} ${c.count.toLocaleString('zh-CN')}`).join('，')}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 设置 → 备份与恢复: the desk's own backups of its file, or where the province's server database is backed up. */
export function BackupsTab() {
  return useSession().status.database === 'postgres' ? <ServerDatabaseBackups /> : <FileBackups />;
}

/** On the province's PostgreSQL database nothing is kept on this machine: the data centre backs it up. */
function ServerDatabaseBackups() {
  return (
    <Card title="备份与恢复">
      <Alert
        type="info"
        showIcon
        message="省级数据保存在数据中心的 PostgreSQL 数据库中，不在本机"
        description="备份与恢复由数据中心的管理员用 pg_dump / pg_restore 定期进行（见部署说明），本页不提供。如需恢复到某一时点的数据，请联系数据中心。"
      />
    </Card>
  );
}

/** The automatic and manual backups of the desk's file, a backup now, and a restore carried out at the next start. */
function FileBackups() {
  const { message } = App.useApp();
  // The list keeps showing while it is read again after a backup, a restore scheduled or cancelled.
  const { latest: overview, error, reload } = useCall('backup.list', {});
  useShownError(error);
  const backingUp = useAction();
  const { run } = useAction();

  const backUpNow = async () => {
    const made = await call('backup.create', {});
    message.success(`已备份：${made.name}`);
    reload();
  };

  const scheduleRestore = (backup: BackupEntry) =>
    run(async () => {
      await call('backup.requestRestore', { name: backup.name });
      reload();
    }, '已安排恢复，请关闭并重新打开工作台');

  // The backup is read before anything is offered: a damaged file or another installation's backup is refused here.
  const confirmRestore = async (backup: BackupEntry) => {
    let facts: BackupFacts;
    try {
      facts = await call('backup.inspect', { name: backup.name });
    } catch (error) {
      Modal.error({ title: '不能从此备份恢复', content: (error as Error).message, okText: '知道了' });
      return;
    }
    if (facts.otherStore) {
      Modal.error({
        title: '不能从此备份恢复',
        width: 560,
        content: (
          <>
            <BackupFactsList facts={facts} />
            {facts.otherStore}请在它所属的工作台上恢复。
          </>
        ),
        okText: '知道了',
      });
      return;
    }
    Modal.confirm({
      title: '从此备份恢复？',
      width: 560,
      content: (
        <>
          <BackupFactsList facts={facts} />
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            恢复在<strong>下次启动工作台时</strong>
            进行：此后录入的数据将不在恢复后的数据库中，但当前数据库会另存一份，不会丢失。请确认后关闭并重新打开工作台。
          </Typography.Paragraph>
        </>
      ),
      okText: '安排恢复',
      cancelText: '取消',
      onOk: () => scheduleRestore(backup),
    });
  };

  const cancelRestore = () => run(() => call('backup.cancelRestore', {}).then(reload), '已取消恢复');

  return (
    <Card
      title="备份与恢复"
      extra={
        <Button type="primary" loading={backingUp.pending} onClick={() => void backingUp.run(backUpNow)}>
          立即备份
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          工作台每天自动备份一次，并在程序升级改动数据库结构前自动备份。保留最近 7 天的每日备份和此前 4
          周每周一份；手动备份和升级前备份不会自动删除。 备份文件夹：
          <Typography.Text copyable code>
            {overview?.folder ?? '…'}
          </Typography.Text>
          ，建议定期复制到移动硬盘等其他介质。
        </Typography.Text>
        {overview?.pendingRestore && (
          <Alert
            type="warning"
            showIcon
            title={`已安排从“${overview.pendingRestore.name}”恢复（${overview.pendingRestore.requestedBy}，${formatDateTime(overview.pendingRestore.requestedAt)}）`}
            description="关闭并重新打开工作台后生效；当前数据库会另存一份。"
            action={
              <Button size="small" onClick={() => void cancelRestore()}>
                取消恢复
              </Button>
            }
          />
        )}
        <Table<BackupEntry>
          rowKey="name"
          size="small"
          dataSource={overview?.backups ?? []}
          loading={overview === undefined && !error}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有备份。点击“立即备份”，或等待今天的自动备份。' }}
          columns={[
            { title: '时间', dataIndex: 'createdAt', render: formatDateTime, width: 190 },
            {
              title: '类型',
              dataIndex: 'kind',
              width: 110,
              render: (kind: BackupKind) => <Tag color={KIND_COLORS[kind]}>{kind}</Tag>,
            },
            { title: '文件', dataIndex: 'name' },
            { title: '大小', dataIndex: 'bytes', render: formatFileSize, width: 100 },
            {
              title: '操作',
              width: 120,
              render: (_, backup) => (
                <Button size="small" onClick={() => void confirmRestore(backup)}>
                  恢复到此备份
                </Button>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
