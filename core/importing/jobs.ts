/**
 * Imports run as jobs: import.start hands back at once, the page polls import.status for rows read and written per
 * sheet, and import.cancel stops the import while it reads or writes its rows (nothing is written while reading, and
 * the writing is one transaction that a cancel rolls back, so a cancel always leaves the store as it was).
 */
import { newId } from '../store/ids';
import type { ImportJob, ImportJobState, ImportReport, SheetProgress } from '../../shared/contract/importing';
import type { ServiceContext } from '../service/context';
import { DeskError, diskFullError, isDiskFull } from '../service/errors';
import { ImportCancelled } from './fileErrors';
import { RejectedSpool } from './rejectedSpool';
import { runImport, type ImportOptions } from './runImport';

interface JobRecord {
  jobId: string;
  ownerSession: string;
  state: ImportJobState;
  fileName: string;
  rowsRead: number;
  fraction: number;
  /** When the first row was read: the rate counts from there, not from the file's checks before it. */
  rowsStartedAt: number | null;
  readEndedAt: number | null;
  report: ImportReport | null;
  /** Every refused row of the report, on disk; removed with the job. */
  rejected: RejectedSpool;
  error: string | null;
  cancelRequested: boolean;
  /** The rows are written; the checks and the commit that follow are not cancelled any more. */
  finishing: boolean;
  sheets: SheetProgress[];
  finishedAt: number | null;
  done: Promise<void>;
}

const jobs = new Map<string, JobRecord>();
/** Finished jobs are kept this long for their report, then forgotten. */
const KEEP_FINISHED_MS = 2 * 60 * 60 * 1000;

function forget(id: string): void {
  jobs.get(id)?.rejected.remove();
  jobs.delete(id);
}

function forgetOldJobs(now: number): void {
  for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) forget(id);
}

// The spools are scratch files in the temp folder: none outlives the process (the CLI exits after one import).
process.once('exit', () => {
  for (const id of [...jobs.keys()]) forget(id);
});

export function viewOf(job: JobRecord): ImportJob {
  const seconds = job.rowsStartedAt === null ? 0 : ((job.readEndedAt ?? Date.now()) - job.rowsStartedAt) / 1000;
  // The reader reports every few thousand rows, the sheets count each one: show the nearer figure.
  const rowsRead = Math.max(
    job.rowsRead,
    job.sheets.reduce((n, s) => n + s.rowsRead, 0),
  );
  return {
    jobId: job.jobId,
    state: job.state,
    fileName: job.fileName,
    rowsRead,
    rowsPerSecond: seconds > 0 ? Math.round(rowsRead / seconds) : 0,
    fraction: Math.min(1, job.state === '写入中' ? writtenFraction(job.sheets) : job.fraction),
    sheets: job.sheets.map((s) => ({ ...s })),
    report: job.report,
    error: job.error,
  };
}

function writtenFraction(sheets: SheetProgress[]): number {
  const read = sheets.reduce((n, s) => n + s.rowsRead, 0);
  return read > 0 ? sheets.reduce((n, s) => n + s.rowsWritten, 0) / read : 1;
}

export function startImportJob(ctx: ServiceContext, bytes: Buffer, options: ImportOptions): JobRecord {
  forgetOldJobs(Date.now());
  const job: JobRecord = {
    jobId: newId(),
    ownerSession: ctx.sessionKey,
    state: '读取中',
    fileName: options.fileName,
    rowsRead: 0,
    fraction: 0,
    rowsStartedAt: null,
    readEndedAt: null,
    report: null,
    rejected: new RejectedSpool(),
    error: null,
    cancelRequested: false,
    finishing: false,
    sheets: [],
    finishedAt: null,
    done: Promise.resolve(),
  };
  jobs.set(job.jobId, job);
  const finish = (state: ImportJobState) => {
    job.state = state;
    job.finishedAt = Date.now();
    job.readEndedAt ??= job.finishedAt;
  };
  job.done = (async () => {
    // Start on the next turn, so that import.start answers before reading begins.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      job.report = await runImport(ctx, bytes, options, job.rejected, {
        sheets: job.sheets,
        isCancelled: () => job.cancelRequested,
        onProgress: (p) => {
          job.rowsRead = p.rowsRead;
          job.fraction = p.total > 0 ? p.done / p.total : 0;
        },
        onFirstRow: () => (job.rowsStartedAt = Date.now()),
        onWriting: () => {
          job.state = '写入中';
          job.readEndedAt = Date.now();
        },
        onFinishing: () => (job.finishing = true),
      });
      job.rowsRead = job.report.rowsRead;
      finish('已完成');
    } catch (error) {
      // No report, so nothing will read its refused rows.
      job.rejected.remove();
      if (error instanceof ImportCancelled) finish('已取消');
      else {
        const known = error instanceof DeskError ? error : isDiskFull(error) ? diskFullError() : null;
        job.error = known?.message ?? '导入时程序内部出错，未写入任何数据。请重试；如仍出错，请联系管理员。';
        if (!known) console.error(error);
        finish('失败');
      }
    }
  })();
  return job;
}

export function findJob(ctx: ServiceContext, jobId: string): JobRecord {
  const job = jobs.get(jobId);
  // A job is seen by the session that started it (the CLI's in-process session included).
  if (!job || job.ownerSession !== ctx.sessionKey)
    throw new DeskError('NOT_FOUND', '找不到这次导入，可能已过期，请重新导入');
  return job;
}

export function cancelJob(job: JobRecord): void {
  if (job.state === '读取中' || (job.state === '写入中' && !job.finishing)) job.cancelRequested = true;
}

/** Waits for a job to end (tests and the CLI use the contract's polling instead; this serves in-process callers). */
export function jobDone(job: JobRecord): Promise<void> {
  return job.done;
}
