import { NotOnServerDatabase } from '../../../components/NotOnServerDatabase';

/** 供需对接 on the server database: its search across cities still needs the SQLite store's index. */
export function MatchingNotOnServer() {
  return (
    <NotOnServerDatabase
      title="供需对接暂未在省级服务器数据库上开放"
      detail="各地市报送的专利供给、企业需求和对接记录已完整保存在省级数据库中；跨地市检索与推荐将在后续版本提供。其他功能不受影响。"
    />
  );
}
