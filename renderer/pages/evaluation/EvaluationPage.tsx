import { DownOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Select, Space, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { Route, Routes } from 'react-router-dom';
import type { EvaluationSheet } from '../../../shared/contract/indicators';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../transport/desk';
import { EvaluationSheetView } from './EvaluationSheetView';
import { afterPaint, printSheets, saveEachAsPdf, saveSheetsAsPdf, sheetFileName } from './printing';
import { PrintSheets } from './PrintSheets';
import { reportingRegionOptions, useRegionYear, yearOptions } from './regionYear';

function EvaluationWorkbench() {
  const { region, year, set, today } = useRegionYear();
  const { message } = App.useApp();
  const [sheet, setSheet] = useState<EvaluationSheet | null>(null);
  const [printSet, setPrintSet] = useState<EvaluationSheet[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setSheet(null);
    setError(null);
    call('indicators.evaluation', { region, year }).then(
      (s) => live && (setSheet(s), setPrintSet([s])),
      (e: Error) => live && setError(e.message),
    );
    return () => void (live = false);
  }, [region, year]);

  const run = useCallback(
    async (work: () => Promise<string | null>) => {
      setBusy(true);
      try {
        const note = await work();
        if (note) message.info(note);
      } catch (e) {
        message.error((e as Error).message);
      } finally {
        setBusy(false);
        if (sheet) setPrintSet([sheet]);
      }
    },
    [message, sheet],
  );

  const showOnPrintPage = async (sheets: EvaluationSheet[]) => {
    flushSync(() => setPrintSet(sheets));
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
            <Select aria-label="地区" style={{ width: 200 }} value={region} options={reportingRegionOptions} onChange={(v) => set({ region: v })} />
            <Select aria-label="年度" style={{ width: 110 }} value={year} options={yearOptions(today)} onChange={(v) => set({ year: v })} />
            <Button icon={<PrinterOutlined />} disabled={!sheet || busy} onClick={() => void run(printSheets)}>
              打印
            </Button>
            <Button
              type="primary"
              icon={<FilePdfOutlined />}
              disabled={!sheet || busy}
              onClick={() => void run(() => saveSheetsAsPdf(sheetFileName(sheet!.regionName, year)))}
            >
              保存为 PDF
            </Button>
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
      {error && <Alert type="error" showIcon message="评价表生成失败" description={error} />}
      {!sheet && !error && <Spin tip="正在计算指标…"><div style={{ height: 200 }} /></Spin>}
      {sheet && (
        <div style={{ background: '#e9ebee', padding: '16px 0', borderRadius: 6, overflowX: 'auto' }}>
          <EvaluationSheetView sheet={sheet} />
        </div>
      )}
      <PrintSheets sheets={printSet} />
    </>
  );
}

/**
 * /evaluation/print?region=…&year=… (or ?all=1&year=…): the sheets alone, for printing or saving as PDF from a
 * script or a print dialog.
 */
function PrintRoute() {
  const { region, year, all, printRun } = useRegionYear();
  const [loaded, setLoaded] = useState<{ sheets: EvaluationSheet[]; run: string | null }>({ sheets: [], run: null });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setLoaded({ sheets: [], run: null });
    const load = all ? call('indicators.evaluationAll', { year }) : call('indicators.evaluation', { region, year }).then((s) => [s]);
    load.then((sheets) => live && setLoaded({ sheets, run: printRun }), (e: Error) => live && setError(e.message));
    return () => void (live = false);
  }, [region, year, all, printRun]);
  const { sheets } = loaded;
  if (error) return <Alert type="error" showIcon message="评价表生成失败" description={error} />;
  return (
    <>
      <PageHeader title="成效评价表（打印视图）" description={all ? `全部地区 ${year} 年` : undefined} extra={<Button onClick={() => void printSheets()}>打印</Button>} />
      {sheets.map((s) => (
        <EvaluationSheetView key={s.region} sheet={s} />
      ))}
      <PrintSheets sheets={sheets} run={loaded.run} />
    </>
  );
}

export function EvaluationPage() {
  return (
    <Routes>
      <Route index element={<EvaluationWorkbench />} />
      <Route path="print" element={<PrintRoute />} />
    </Routes>
  );
}
