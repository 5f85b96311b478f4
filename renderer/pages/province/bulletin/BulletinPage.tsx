import { Alert, Button, Segmented, Select } from 'antd';
import type { BulletinPeriod } from '../../../../shared/indicators/bulletinPeriod';
import { Computing } from '../../../components/Computing';
import { PageHeader } from '../../../components/PageHeader';
import { PageRoutes } from '../../../components/PageRoutes';
import { PrintRoot } from '../../../components/PrintRoot';
import { useAction } from '../../../data/useAction';
import { useCall } from '../../../data/useCall';
import { printSheets } from '../../evaluation/printing';
import { YearSelect } from '../../evaluation/RegionYearSelects';
import { SheetActions, SheetPaper } from '../../evaluation/SheetActions';
import { BulletinSheet } from './BulletinSheet';
import { useBulletinPeriod } from './periodQuery';

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1} 月` }));
const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'].map((label, i) => ({ value: i + 1, label }));

/** The bulletin of a period, computed afresh whenever the period (or `run`) changes. */
function useBulletin({ year, kind, number }: BulletinPeriod, printRun: string | null = null) {
  const { value: bulletin = null, error, loading } = useCall('bulletin.build', { year, kind, number }, printRun);
  return { bulletin, error, run: loading ? null : printRun };
}

function BulletinWorkbench() {
  const { period, set, today } = useBulletinPeriod();
  const { bulletin, error } = useBulletin(period);
  const { run, pending: busy } = useAction();

  return (
    <>
      <PageHeader
        title="定期通报"
        description="按月或按季度通报各地区专利转化目标完成情况（晋财行〔2021〕35号“定期通报机制”）：A4 打印或保存为 PDF"
        extra={
          <>
            <YearSelect year={period.year} today={today} onChange={(v) => set({ year: v })} />
            <Segmented
              aria-label="通报周期"
              value={period.kind}
              options={[
                { value: 'quarter', label: '季度' },
                { value: 'month', label: '月度' },
              ]}
              onChange={(v) => set({ kind: v as BulletinPeriod['kind'] })}
            />
            <Select
              aria-label={period.kind === 'month' ? '月份' : '季度'}
              style={{ width: 120 }}
              value={period.number}
              options={period.kind === 'month' ? MONTHS : QUARTERS}
              onChange={(v) => set({ number: v })}
            />
            <SheetActions
              ready={bulletin !== null}
              busy={busy}
              run={run}
              pdfName={() => `山西省专利转化定期通报（${bulletin!.periodLabel}）.pdf`}
            />
          </>
        }
      />
      <Computing done={bulletin !== null} error={error} failed="通报生成失败" tip="正在汇总各地区指标…" height={200} />
      {bulletin && (
        <SheetPaper>
          <BulletinSheet bulletin={bulletin} />
        </SheetPaper>
      )}
      <PrintRoot ready={bulletin !== null}>{bulletin && <BulletinSheet bulletin={bulletin} />}</PrintRoot>
    </>
  );
}

/** /bulletin/print?year=…&kind=month|quarter&number=…: the bulletin alone, for printing or saving as PDF from a script. */
function PrintRoute() {
  const { period, printRun } = useBulletinPeriod();
  const { bulletin, run, error } = useBulletin(period, printRun);
  if (error) return <Alert type="error" showIcon message="通报生成失败" description={error} />;
  return (
    <>
      <PageHeader
        title="定期通报（打印视图）"
        description={bulletin?.periodLabel}
        extra={<Button onClick={() => void printSheets()}>打印</Button>}
      />
      {bulletin && <BulletinSheet bulletin={bulletin} />}
      <PrintRoot ready={bulletin !== null} run={run}>
        {bulletin && <BulletinSheet bulletin={bulletin} />}
      </PrintRoot>
    </>
  );
}

export function BulletinPage() {
  return <PageRoutes main={<BulletinWorkbench />} path="print" element={<PrintRoute />} />;
}
