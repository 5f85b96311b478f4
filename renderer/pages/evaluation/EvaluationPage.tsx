import { EmptyHint } from '../../components/EmptyHint';
import { PageHeader } from '../../components/PageHeader';

export function EvaluationPage() {
  return (
    <>
      <PageHeader title="成效评价" description="生成并打印本地区的成效评价表" />
      <EmptyHint title="还没有可评价的数据" next="录入交易并设置目标后，即可在这里生成成效评价表。" />
    </>
  );
}
