import { DownOutlined } from '@ant-design/icons';
import { Alert, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { Link } from 'react-router-dom';
import type { EvaluationSheet } from '../../../shared/contract/indicators';
import { Computing } from '../../components/Computing';
import { PageHeader } from '../../components/PageHeader';
import { PageRoutes } from '../../components/PageRoutes';
import { TARGETS_SETTINGS } from '../charts/TargetsLink';
import { useAction } from '../../data/useAction';
import { useCall } from '../../data/useCall';
import { call } from '../../transport/desk';
import { EvaluationSheetView } from './EvaluationSheetView';
import { afterPaint, printSheets, saveEachAsPdf, saveSheetsAsPdf, sheetFileName } from './printing';
import { PrintSheets } from './PrintSheets';
import { SheetActions, SheetPaper } from './SheetActions';
import { useRegionYear } from './regionYear';
import { RegionYearSelects } from './RegionYearSelects';

function EvaluationWorkbench() {
  const { region, year, set, today } = useRegionYear();
  const { value: sheet, error } = useCall('indicators.evaluation', { region, year });
  // What the print page holds: this sheet, or for a moment the sheets of all regions being printed.
  const [printing, setPrinting] = useState<EvaluationSheet[] | null>(null);
  const { run: act, pending: busy } = useAction();
  const run = (work: () => Promise<string | null>) => act(work).finally(() => setPrinting(null));

  const showOnPrintPage = async (sheets: EvaluationSheet[]) => {
    flushSync(() => setPrinting(sheets));
    await afterPaint();
  };

  const allRegions = async (mode: 'one' | 'each') => {
    const sheets = await call('indicators.evaluationAll', { year });
    if (mode === 'one') {
      await showOnPrintPage(sheets);
      return saveSheetsAsPdf(`全省各地区${year}年度成效评价表.pdf`);
    }
    return saveEachAsPdf(
      sheets.map((s) => sheetFileName(s.regionName, year)),
      (index) => showOnPrintPage([sheets[index]!]),
    );
  };

  return (
    <>
      <PageHeader
        title="成效评价"
        description="按晋财行〔2021〕35号“四、奖补条件”生成成效评价表：A4 打印，签字盖章"
        extra={
          <>
            <RegionYearSelects region={region} year={year} today={today} set={set} />
            <SheetActions
              ready={sheet !== undefined}
              busy={busy}
              run={run}
              pdfName={() => sheetFileName(sheet!.regionName, year)}
            />
            <Dropdown
              disabled={busy}
              menu={{
                items: [
                  { key: 'one', label: '全部 12 个地区合并为一个 PDF' },
                  { key: 'each', label: '全部 12 个地区，每个地区一个文件' },
                ],
                onClick: ({ key }) => void run(() => allRegions(key as 'one' | 'each')),
              }}
            >
              <Button>
                <Space>
                  全部地区
                  <DownOutlined />
                </Space>
              </Button>
            </Dropdown>
          </>
        }
      />
      <Computing done={sheet !== undefined} error={error} failed="评价表生成失败" tip="正在计算指标…" height={200} />
      {sheet && sheet.rows.every((r) => r.target === null) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`尚未设置${sheet.regionName} ${sheet.year} 年的目标，因此各项得分均为 0`}
          description={
            <span>
              得分按各项指标完成目标的比例计算，没有目标就无从计算完成率。请在{' '}
              <Link to={TARGETS_SETTINGS}>设置 → 目标与基期</Link> 中填写或导入省定目标。
            </span>
          }
        />
      )}
      {sheet && (
        <SheetPaper>
          <EvaluationSheetView sheet={sheet} />
        </SheetPaper>
      )}
      <PrintSheets sheets={printing ?? (sheet ? [sheet] : [])} />
    </>
  );
}

/**
 * /evaluation/print?region=…&year=… (or ?all=1&year=…): the sheets alone, for printing or saving as PDF from a
 * script or a print dialog.
 */
function PrintRoute() {
  const { region, year, all, printRun } = useRegionYear();
  const one = useCall('indicators.evaluation', all ? null : { region, year }, printRun);
  const every = useCall('indicators.evaluationAll', all ? { year } : null, printRun);
  const error = all ? every.error : one.error;
  const sheets = all ? (every.value ?? []) : one.value ? [one.value] : [];
  // The run token tells a script that the sheets shown were computed for its request.
  const run = (all ? every : one).loading ? null : printRun;
  if (error) return <Alert type="error" showIcon message="评价表生成失败" description={error} />;
  return (
    <>
      <PageHeader
        title="成效评价表（打印视图）"
        description={all ? `全部地区 ${year} 年` : undefined}
        extra={<Button onClick={() => void printSheets()}>打印</Button>}
      />
      {sheets.map((s) => (
        <EvaluationSheetView key={s.region} sheet={s} />
      ))}
      <PrintSheets sheets={sheets} run={run} />
    </>
  );
}

export function EvaluationPage() {
  return <PageRoutes main={<EvaluationWorkbench />} path="print" element={<PrintRoute />} />;
}
