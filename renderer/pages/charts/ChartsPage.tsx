import { EmptyHint } from '../../components/EmptyHint';
import { PageHeader } from '../../components/PageHeader';

export function ChartsPage() {
  return (
    <>
      <PageHeader title="统计图表" description="各项指标相对省定目标的进度" />
      <EmptyHint title="还没有可统计的数据" next="录入或导入交易后，这里会显示各项指标的进度图表。" />
    </>
  );
}
