import { EmptyHint } from '../../components/EmptyHint';
import { PageHeader } from '../../components/PageHeader';

export function ImportPage() {
  return (
    <>
      <PageHeader title="从 Excel 导入" description="按导入模板批量导入交易、到账、质押、产品备案、企业年度数据和奖补" />
      <EmptyHint title="请选择要导入的文件" next="先下载导入模板，按模板填写后再导入。" />
    </>
  );
}
