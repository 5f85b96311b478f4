import { NotificationOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CityNotice } from '../../../shared/contract/provinceNotices';
import { formatDateTime } from '../../components/formatDateTime';
import { call } from '../../transport/desk';

/** The province's notices not yet read here; 已读 takes one off (audited, and the receipt goes back with the next sync). */
export function NoticesCard() {
  const { message } = App.useApp();
  const [rows, setRows] = useState<CityNotice[]>([]);
  const load = useCallback(() => call('notices.list', { unreadOnly: true }).then((v) => setRows(v.rows), (e: Error) => message.error(e.message)), [message]);
  useEffect(() => void load(), [load]);
  const markRead = async (id: string) => {
    try {
      await call('notices.markRead', { id });
      message.success('已标为已读');
      await load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  if (rows.length === 0) return null;
  return (
    <Card title={<><NotificationOutlined /> 省级通知（{rows.length} 条未读）</>} style={{ marginBottom: 16 }}>
      <List
        itemLayout="vertical"
        dataSource={rows}
        renderItem={(n) => (
          <List.Item key={n.id} actions={[<Button key="read" size="small" onClick={() => void markRead(n.id)} aria-label={`将“${n.title}”标为已读`}>已读</Button>]}>
            <List.Item.Meta title={n.title} description={`省级发布于 ${formatDateTime(n.sentAt)}`} />
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{n.body}</Typography.Paragraph>
          </List.Item>
        )}
      />
    </Card>
  );
}
