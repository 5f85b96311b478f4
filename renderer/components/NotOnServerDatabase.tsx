import { Card, Result } from 'antd';
import type { ReactNode } from 'react';

/**
 * A part of the province's workbench not served on its PostgreSQL database yet: said on the page, rather than an
 * error on every call it would make. What the cities reported is stored there all the same.
 */
export function NotOnServerDatabase({ title, detail, extra }: { title: string; detail: string; extra?: ReactNode }) {
  return (
    <Card>
      <Result status="info" title={title} subTitle={detail} extra={extra} />
    </Card>
  );
}

/** 供需对接 on the server database: its search across cities still needs the SQLite store's index. */
export function MatchingNotOnServer() {
  return (
    <NotOnServerDatabase
      title="供需对接暂未在省级服务器数据库上开放"
      detail="各地市报送的专利供给、企业需求和对接记录已完整保存在省级数据库中；跨地市检索与推荐将在后续版本提供。其他功能不受影响。"
    />
  );
}
