import { Card, Result } from 'antd';

/**
 * 供需对接 on the province's PostgreSQL database: its search across cities still needs the SQLite store's index, so
 * the section says so rather than failing on every list. The cities' pools are kept in the database all the same.
 */
export function MatchingNotOnServer() {
  return (
    <Card>
      <Result
        status="info"
        title="供需对接暂未在省级服务器数据库上开放"
        subTitle="各地市报送的专利供给、企业需求和对接记录已完整保存在省级数据库中；跨地市检索与推荐将在后续版本提供。其他功能不受影响。"
      />
    </Card>
  );
}
