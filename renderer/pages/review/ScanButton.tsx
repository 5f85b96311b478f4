import { App, Button, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import type { ScanJob } from '../../../shared/contract/rules';
import { usePoll } from '../../data/usePoll';
import { call } from '../../transport/desk';

const POLL_MS = 400;

/** 全面扫描: starts a full scan in core and shows its progress until it ends. */
export function ScanButton({ onFinished }: { onFinished: () => void }) {
  const { message } = App.useApp();
  const [job, setJob] = useState<ScanJob | null>(null);
  const running = job?.state === '运行中';

  usePoll(
    async () => {
      if (!job) return;
      const next = await call('rules.scanStatus', { jobId: job.jobId }).catch((error: Error) => {
        setJob(null);
        throw error;
      });
      setJob(next);
      if (next.state === '已完成') {
        message.success(`扫描完成：发现 ${next.summary?.found ?? 0} 条异常，其中新增 ${next.summary?.created ?? 0} 条`);
        onFinished();
      } else if (next.state === '失败') message.error(next.message ?? '扫描失败');
    },
    POLL_MS,
    running,
  );

  const start = async () => {
    try {
      setJob(await call('rules.scanStart', {}));
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return (
    <>
      <Button type="primary" onClick={() => void start()} loading={running}>
        全面扫描
      </Button>
      <Modal
        title="全面扫描"
        open={job !== null}
        closable={!running}
        maskClosable={false}
        footer={running ? null : <Button onClick={() => setJob(null)}>关闭</Button>}
        onCancel={() => setJob(null)}
      >
        {job && (
          <>
            <Progress
              percent={Math.round((job.done / job.steps) * 100)}
              status={job.state === '失败' ? 'exception' : job.state === '已完成' ? 'success' : 'active'}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {running && `正在检查：${job.current ?? '准备中'}`}
              {job.state === '已完成' &&
                job.summary &&
                `共发现 ${job.summary.found} 条异常：新增 ${job.summary.created} 条，重新出现 ${job.summary.reactivated} 条，已不再命中 ${job.summary.deactivated} 条。已审核的结论保持不变。`}
              {job.state === '失败' && job.message}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </>
  );
}
