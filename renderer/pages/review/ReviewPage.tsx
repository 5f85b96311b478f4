import { EmptyHint } from '../../components/EmptyHint';
import { PageHeader } from '../../components/PageHeader';

export function ReviewPage() {
  return (
    <>
      <PageHeader title="异常审核" description="系统发现的异常交易在这里逐条审核" />
      <EmptyHint title="暂无待审核的异常" next="录入或导入交易后，系统会自动检查并把可疑的交易列在这里。" />
    </>
  );
}
