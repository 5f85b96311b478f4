import { CloudUploadOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { MAX_IMPORT_BYTES, type ImportJob } from '../../../shared/contract/importing';
import { readFileBase64, saveDownload } from '../../transport/files';
import { PageHeader } from '../../components/PageHeader';
import { usePoll } from '../../data/usePoll';
import { call } from '../../transport/desk';
import { ImportReportView } from './ImportReportView';

const POLL_MS = 300;
const running = (job: ImportJob | null) => job !== null && (job.state === '读取中' || job.state === '写入中');

/**
 * 从 Excel 导入: pick or drop a workbook (or CSV) filled in the template, check it (试导入) or import it, watch rows per
 * second and rows read and written per sheet, cancel while it reads or writes, and read the report row by row.
 */
export function ImportPage() {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [starting, setStarting] = useState(false);
  usePoll(
    async () => {
      if (job) setJob(await call('import.status', { jobId: job.jobId }));
    },
    POLL_MS,
    running(job),
  );

  const start = async (dryRun: boolean) => {
    if (!file) return;
    setStarting(true);
    try {
      const base64 = await readFileBase64(file);
      const started = await call('import.start', { fileName: file.name, base64, validOnly, dryRun });
      setJob(started);
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setStarting(false);
    }
  };

  const cancel = async () => {
    if (!job) return;
    try {
      setJob(await call('import.cancel', { jobId: job.jobId }));
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const downloadTemplate = async () => {
    try {
      saveDownload(await call('import.template', {}));
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const busy = starting || running(job);
  return (
    <>
      <PageHeader
        title="从 Excel 导入"
        description="按导入模板批量导入交易、到账、质押、产品备案、企业年度数据和奖补；同一文件重复导入不会重复记录"
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate()}>
            下载导入模板
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Upload.Dragger
          accept=".xlsx,.csv,.txt"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(picked) => {
            if (picked.size > MAX_IMPORT_BYTES)
              message.error(`文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分后分批导入`);
            else {
              setFile(picked);
              setJob(null);
            }
            return false;
          }}
          style={{ padding: '4px 0' }}
        >
          <p className="ant-upload-drag-icon" style={{ marginBottom: 4 }}>
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {file ? `已选择：${file.name}（${(file.size / 1024).toFixed(0)} KB）` : '点击选择或将文件拖到此处'}
          </p>
          <p className="ant-upload-hint">Excel 工作簿（.xlsx）或 CSV（UTF-8 或 GBK 编码均可），表头与导入模板一致</p>
        </Upload.Dragger>
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            marginTop: 12,
            gap: 16,
            flexWrap: 'wrap',
          }}
        >
          <Checkbox checked={validOnly} disabled={busy} onChange={(e) => setValidOnly(e.target.checked)}>
            只导入正确的行（默认：有任何错误行则整个文件不导入）
          </Checkbox>
          <Space>
            <Button disabled={!file || busy} onClick={() => void start(true)}>
              试导入（只检查，不写入）
            </Button>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={!file || busy}
              loading={starting}
              onClick={() => void start(false)}
            >
              开始导入
            </Button>
          </Space>
        </div>
      </Card>
      {job && running(job) && (
        <Card style={{ marginBottom: 16 }}>
          <Typography.Text>
            {job.state === '读取中' && job.rowsRead === 0
              ? `正在检查 ${job.fileName}（大小、工作表和行数）……`
              : job.state === '读取中'
                ? `正在读取 ${job.fileName}：已读取 ${job.rowsRead} 行，每秒 ${job.rowsPerSecond} 行`
                : `已读取 ${job.rowsRead} 行，正在写入数据库（全部写完才生效，取消则不写入任何数据）……`}
          </Typography.Text>
          <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
            <Progress
              aria-label="导入进度"
              percent={Math.floor(job.fraction * 100)}
              status="active"
              style={{ flex: 1 }}
            />
            <Button danger onClick={() => void cancel()}>
              取消导入
            </Button>
          </div>
          {job.sheets.map((sheet) => (
            <div key={sheet.sheet} data-testid="import-sheet-progress">
              <Typography.Text type="secondary">
                {`工作表“${sheet.sheet}”：已读取 ${sheet.rowsRead.toLocaleString('en')} 行` +
                  (job.state === '写入中' ? `，已写入 ${sheet.rowsWritten.toLocaleString('en')} 行` : '')}
              </Typography.Text>
            </div>
          ))}
        </Card>
      )}
      {job?.state === '已取消' && (
        <Alert type="info" showIcon title="已取消导入，未写入任何数据。" style={{ marginBottom: 16 }} />
      )}
      {job?.state === '失败' && (
        <Alert type="error" showIcon title="无法导入此文件" description={job.error} style={{ marginBottom: 16 }} />
      )}
      {job?.state === '已完成' && job.report && (
        <ImportReportView key={job.jobId} report={job.report} jobId={job.jobId} />
      )}
    </>
  );
}
