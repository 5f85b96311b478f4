import { EmptyHint } from '../../components/EmptyHint';
import { PageHeader } from '../../components/PageHeader';

export function FilingsPage() {
  return (
    <>
      <PageHeader title="备案登记" description="登记专利交易、质押融资、产品备案、企业年度数据和奖补" />
      <EmptyHint title="还没有任何备案记录" next="请先录入第一笔交易，或从 Excel 模板批量导入。" />
    </>
  );
}
