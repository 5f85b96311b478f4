import { EmptyHint } from '../../components/EmptyHint';
import { PageHeader } from '../../components/PageHeader';

export function SyncPage() {
  return (
    <>
      <PageHeader title="数据同步" description="把本地记录以签名批次报送省级" />
      <EmptyHint title="还没有需要报送的记录" next="录入记录后，它们会出现在待发送列表中。请先在“设置”中填写省级接口地址。" />
    </>
  );
}
