import type { importingMethods } from '../../shared/contract/importing';
import type { HandlersOf, ServiceContext } from '../service/context';
import { DeskError } from '../service/errors';
import { cancelJob, findJob, jobDone, startImportJob, viewOf } from './jobs';
import { reportDownload } from './reportFile';
import { templateDownload } from './template';

/** The job once it has ended, with its report; refused when it ended without one. */
async function finishedJob(ctx: ServiceContext, jobId: string) {
  const job = findJob(ctx, jobId);
  await jobDone(job);
  const { report } = job;
  if (!report) throw new DeskError('NO_REPORT', '这次导入已取消或未能读取文件，没有导入报告');
  return { report, rejected: job.rejected };
}

export const importingHandlers = {
  'import.template': () => templateDownload(),

  'import.start': (input, ctx) => {
    ctx.requireActor();
    const bytes = Buffer.from(input.base64, 'base64');
    return viewOf(
      startImportJob(ctx, bytes, { fileName: input.fileName, validOnly: input.validOnly, dryRun: input.dryRun }),
    );
  },

  'import.status': (input, ctx) => viewOf(findJob(ctx, input.jobId)),

  'import.cancel': (input, ctx) => {
    const job = findJob(ctx, input.jobId);
    cancelJob(job);
    return viewOf(job);
  },

  'import.rejectedPage': async (input, ctx) => {
    const job = await finishedJob(ctx, input.jobId);
    return { rows: job.rejected.page(input.offset, input.limit), total: job.report.rejectedTotal };
  },

  'import.reportFile': async (input, ctx) => {
    const job = await finishedJob(ctx, input.jobId);
    return reportDownload(job.report, job.rejected);
  },
} satisfies HandlersOf<typeof importingMethods>;
