import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Statistic, Table } from 'antd';
import { useState } from 'react';
import type { ImportReport, RejectedRow } from '../../../shared/contract/importing';
import { saveDownload } from '../../transport/files';
import { call } from '../../transport/desk';

function outcome(report: ImportReport): { type: 'success' | 'info' | 'error' | 'warning'; text: string } {
  const bad = report.rejectedTotal;
  if (report.dryRun)
    return {
      type: 'info',
      text: `试导入完成，未写入任何数据。${bad ? `有 ${bad} 处错误，请修改后再导入。` : '没有发现错误，可以正式导入。'}`,
    };
  if (!report.written)
    return {
      type: 'error',
      text: `文件中有 ${bad} 处错误，按“全部成功才写入”的规则，整个文件未导入。请按下表修改后重新导入，或勾选“只导入正确的行”。`,
    };
  if (bad) return { type: 'warning', text: `已导入正确的行；有 ${bad} 处错误的行未导入，见下表。` };
  return { type: 'success', text: '导入完成，所有行均已导入。' };
}

const COLUMNS = [
  { title: '工作表', dataIndex: 'sheet', width: 110 },
  { title: '行号', dataIndex: 'row', width: 70 },
  { title: '列', dataIndex: 'column', width: 190 },
  { title: '填写内容', dataIndex: 'value', width: 180, ellipsis: true },
  { title: '原因', dataIndex: 'reason' },
];

const PAGE_SIZE = 8;

/**
 * The refused entries a page at a time: the report carries the first ones, the core the rest (a file of many bad
 * rows would not fit in one answer).
 */
function useRejectedPage(report: ImportReport, jobId: string) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<RejectedRow[]>(report.rejected.slice(0, PAGE_SIZE));
  const [loading, setLoading] = useState(false);
  const show = async (next: number) => {
    const offset = (next - 1) * PAGE_SIZE;
    setPage(next);
    if (offset + PAGE_SIZE <= report.rejected.length || report.rejected.length === report.rejectedTotal) {
      setRows(report.rejected.slice(offset, offset + PAGE_SIZE));
      return;
    }
    setLoading(true);
    try {
      setRows((await call('import.rejectedPage', { jobId, offset, limit: PAGE_SIZE })).rows);
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setLoading(false);
    }
  };
  return { page, rows, loading, show };
}

/** The report of DESIGN §3a on screen: counts, what happened, and every refused row with sheet, row, column and reason. */
export function ImportReportView({ report, jobId }: { report: ImportReport; jobId: string }) {
  const { message } = App.useApp();
  const { type, text } = outcome(report);
  const rejectedRows = Object.values(report.sheets).reduce((n, c) => n + c.rejected, 0);
  const rejected = useRejectedPage(report, jobId);
  const download = async () => {
    try {
      saveDownload(await call('import.reportFile', { jobId }));
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Card
      title={`导入结果：${report.fileName}`}
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void download()}>
          下载导入报告（Excel）
        </Button>
      }
    >
      <Alert type={type} showIcon title={text} style={{ marginBottom: 16 }} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic title={report.dryRun ? '将新增' : '新增'} value={report.new} />
        </Col>
        <Col span={6}>
          <Statistic title={report.dryRun ? '将更新' : '更新'} value={report.updated} />
        </Col>
        <Col span={6}>
          <Statistic title="未变（已存在）" value={report.unchanged} />
        </Col>
        <Col span={6}>
          <Statistic
            title="错误行"
            value={rejectedRows}
            styles={{ content: rejectedRows ? { color: '#cf1322' } : undefined }}
          />
        </Col>
      </Row>
      {report.rejectedTotal > 0 && (
        <Table<RejectedRow>
          size="small"
          rowKey={(r) => `${r.sheet}|${r.row}|${r.column}|${r.reason}`}
          columns={COLUMNS}
          dataSource={rejected.rows}
          loading={rejected.loading}
          pagination={{
            current: rejected.page,
            pageSize: PAGE_SIZE,
            total: report.rejectedTotal,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 处错误`,
            onChange: (next) => void rejected.show(next),
          }}
        />
      )}
    </Card>
  );
}
