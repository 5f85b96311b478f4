import { NotificationOutlined } from '@ant-design/icons';
import { Button, Card, List, Typography } from 'antd';
import { formatDateTime } from '../../components/formatDateTime';
import { useAction } from '../../data/useAction';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { call } from '../../transport/desk';

/** The province's notices not yet read here; 已读 takes one off (audited, and the receipt goes back with the next sync). */
export function NoticesCard() {
  const notices = useCall('notices.list', { unreadOnly: true });
  useShownError(notices.error);
  const { run } = useAction();
  const markRead = (id: string) => run(() => call('notices.markRead', { id }).then(notices.reload), '已标为已读');
  const rows = notices.latest?.rows ?? [];
  if (rows.length === 0) return null;
  return (
    <Card
      title={
        <>
          <NotificationOutlined /> 省级通知（{rows.length} 条未读）
        </>
      }
      style={{ marginBottom: 16 }}
    >
      <List
        itemLayout="vertical"
        dataSource={rows}
        renderItem={(n) => (
          <List.Item
            key={n.id}
            actions={[
              <Button key="read" size="small" onClick={() => void markRead(n.id)} aria-label={`将“${n.title}”标为已读`}>
                已读
              </Button>,
            ]}
          >
            <List.Item.Meta title={n.title} description={`省级发布于 ${formatDateTime(n.sentAt)}`} />
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{n.body}</Typography.Paragraph>
          </List.Item>
        )}
      />
    </Card>
  );
}
