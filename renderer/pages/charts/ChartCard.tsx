import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Segmented, Select, Space, Table, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { call } from '../../transport/desk';
import { downloadBase64, downloadBlob, XLSX_TYPE } from '../../transport/files';
import { chartToPng } from './chartToPng';

export interface ChartTable {
  headers: string[];
  rows: (string | number | null)[][];
}

/**
 * One chart: Chinese title and unit, the chart or its table, export of the chart as PNG and of the table as xlsx.
 */
export function ChartCard({
  title,
  exportName,
  unit,
  extra,
  table,
  children,
  testId,
  empty = false,
  note,
}: {
  title: string;
  /** The name of exported files and of the xlsx sheet, when the title alone does not say which indicator. */
  exportName?: string;
  unit: string;
  /** What the chart shows (an indicator's select): a line of its own above the chart, not in the crowded header. */
  extra?: ReactNode;
  table: ChartTable;
  children: ReactNode;
  testId?: string;
  /** Nothing to draw (no records counted): the card says 暂无数据 instead of an empty frame of axes. */
  empty?: boolean;
  /** A line under the chart, e.g. that no target is set. */
  note?: ReactNode;
}) {
  const { message } = App.useApp();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const chartBox = useRef<HTMLDivElement>(null);

  const fileTitle = exportName ?? title;
  const exportPng = async () => {
    const svg = chartBox.current?.querySelector('svg.recharts-surface');
    if (!(svg instanceof SVGSVGElement)) {
      message.warning('请先切换到图表视图再导出图片');
      return;
    }
    try {
      downloadBlob(await chartToPng(svg, `${fileTitle}（单位：${unit}）`), `${fileTitle}.png`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const exportXlsx = async () => {
    try {
      const file = await call('indicators.exportTable', { title: fileTitle, headers: table.headers, rows: table.rows });
      downloadBase64(file.contentBase64, file.fileName, XLSX_TYPE);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Card
      data-testid={testId}
      title={
        <Space size={[8, 0]} wrap>
          <span>{title}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
            单位：{unit}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space size={4} wrap>
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { value: 'chart', label: '图表' },
              { value: 'table', label: '表格' },
            ]}
          />
          <ExportAs icon={<DownloadOutlined />} label={`${fileTitle} 导出图片`} onClick={() => void exportPng()}>
            PNG
          </ExportAs>
          <ExportAs icon={<FileExcelOutlined />} label={`${fileTitle} 导出表格`} onClick={() => void exportXlsx()}>
            xlsx
          </ExportAs>
        </Space>
      }
      // A narrow card (1280×720, two charts side by side) wraps its title onto a second line rather than cutting it.
      styles={{ body: { padding: 12 }, title: { whiteSpace: 'normal', overflow: 'visible', minWidth: 140 } }}
    >
      {extra && <div style={{ marginBottom: 8 }}>{extra}</div>}
      {empty ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="暂无数据"
          style={{ height: 280, display: 'flex', flexDirection: 'column', justifyContent: 'center', margin: 0 }}
        />
      ) : view === 'chart' ? (
        <div ref={chartBox} style={{ width: '100%', height: 280 }}>
          {children}
        </div>
      ) : (
        <Table
          size="small"
          pagination={false}
          scroll={{ y: 260 }}
          rowKey={(_, index) => String(index)}
          columns={table.headers.map((header, i) => ({
            title: header,
            dataIndex: i,
            align: i === 0 ? ('left' as const) : ('right' as const),
            render: (value: string | number | null) => value ?? '—',
          }))}
          dataSource={table.rows.map((row) => Object.fromEntries(row.map((cell, i) => [i, cell])))}
        />
      )}
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
    </Card>
  );
}

/** One of a chart card's exports, in its title bar. */
function ExportAs({
  icon,
  label,
  onClick,
  children,
}: {
  icon: ReactNode;
  label: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button size="small" icon={icon} onClick={onClick} aria-label={label}>
      {children}
    </Button>
  );
}

/** A chart's own choice (which indicator, which count) in its card's title bar. */
export function ChartSelect<V extends string>({
  label,
  value,
  onChange,
  options,
  width,
}: {
  label: string;
  value: V;
  onChange: (value: V) => void;
  options: { value: V; label: string }[];
  width: number;
}) {
  return (
    <Select size="small" style={{ width }} value={value} onChange={onChange} options={options} aria-label={label} />
  );
}
