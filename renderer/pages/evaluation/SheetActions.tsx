import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { printSheets, saveSheetsAsPdf } from './printing';

/**
 * 打印 and 保存为 PDF of the A4 sheet on screen (a 成效评价表, a 定期通报), each run by `run` (busy while one runs);
 * `pdfName` names the file the PDF is suggested as.
 */
export function SheetActions({
  ready,
  busy,
  run,
  pdfName,
}: {
  ready: boolean;
  busy: boolean;
  run: (work: () => Promise<string | null>) => Promise<boolean>;
  pdfName: () => string;
}) {
  return (
    <>
      <Button icon={<PrinterOutlined />} disabled={!ready || busy} onClick={() => void run(printSheets)}>
        打印
      </Button>
      <Button
        type="primary"
        icon={<FilePdfOutlined />}
        disabled={!ready || busy}
        onClick={() => void run(() => saveSheetsAsPdf(pdfName()))}
      >
        保存为 PDF
      </Button>
    </>
  );
}

/** A sheet on screen as on paper: white A4 on a grey desk, scrolled sideways on a narrow window. */
export function SheetPaper({ children }: { children: ReactNode }) {
  return <div style={{ background: '#e9ebee', padding: '16px 0', borderRadius: 6, overflowX: 'auto' }}>{children}</div>;
}
