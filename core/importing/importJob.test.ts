import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../shared/contract/importing';
import { setUpStore } from '../../tests/testing/tempStore';
import { verifyAuditChain } from '../audit/auditLog';
import { dealRows, workbookOf } from './fixtures/generateRows';
import { viewOf } from './jobs';
import { businessContent } from './testing';

// Issue 12: progress per sheet (rows read and written) while an import runs, and a cancel that rolls the writing back.

type Store = Awaited<ReturnType<typeof setUpStore>>;
let store: Store;
beforeEach(async () => {
  store = await setUpStore('140100');
});
afterEach(() => store.close());

async function pollUntil(job: ImportJob, done: (job: ImportJob) => boolean): Promise<ImportJob> {
  let current = job;
  while (!done(current)) {
    if (current.state !== '读取中' && current.state !== '写入中') return current;
    await new Promise((resolve) => setTimeout(resolve, 5));
    current = await store.call('import.status', { jobId: job.jobId });
  }
  return current;
}

const start = async (bytes: Buffer) =>
  store.call('import.start', {
    fileName: '交易.xlsx',
    base64: bytes.toString('base64'),
    validOnly: false,
    dryRun: false,
  });

describe('an import job', () => {
  it('shows rows read and written per sheet while it writes, and a cancel while writing leaves the store as it was', async () => {
    const before = businessContent(store.service.store.db);
    const job = await start(await workbookOf({ 交易: dealRows(3000, 2, 'HT-CANCEL') }));

    const writing = await pollUntil(job, (j) => j.state === '写入中' && (j.sheets[0]?.rowsWritten ?? 0) > 0);
    expect(writing.state).toBe('写入中');
    expect(writing.sheets).toEqual([{ sheet: '交易', rowsRead: 6000, rowsWritten: expect.any(Number) }]);
    expect(writing.sheets[0]?.rowsWritten).toBeLessThan(6000);
    expect(writing.fraction).toBeGreaterThan(0);
    expect(writing.fraction).toBeLessThan(1);

    await store.call('import.cancel', { jobId: job.jobId });
    const ended = await pollUntil(writing, () => false);
    expect(ended.state).toBe('已取消');
    expect(businessContent(store.service.store.db)).toEqual(before);
    expect(verifyAuditChain(store.service.store.db).ok).toBe(true);

    // The store takes other writes again, and the same file imports whole.
    const again = await pollUntil(await start(await workbookOf({ 交易: dealRows(3000, 2, 'HT-CANCEL') })), () => false);
    expect(again.state).toBe('已完成');
    expect(again.report?.new).toBe(3000);
    expect(again.sheets).toEqual([{ sheet: '交易', rowsRead: 6000, rowsWritten: 6000 }]);
  }, 120_000);

  it('refuses another write while an import holds its transaction, in Chinese', async () => {
    const job = await start(await workbookOf({ 交易: dealRows(3000, 2, 'HT-BUSY') }));
    const writing = await pollUntil(job, (j) => j.state === '写入中' && (j.sheets[0]?.rowsWritten ?? 0) > 0);
    expect(writing.state).toBe('写入中');
    await expect(store.call('settings.updateGeneral', { provinceEndpointUrl: '' })).rejects.toThrow(
      '正在导入文件，导入结束前不能保存其他修改。请等导入完成（或取消导入）后再试。',
    );
    expect((await pollUntil(writing, () => false)).state).toBe('已完成');
  }, 120_000);
});

describe('the read rate an import job shows', () => {
  const jobAt = (rowsStartedAt: number | null, readEndedAt: number | null, rowsRead: number) =>
    viewOf({
      jobId: 'j',
      state: readEndedAt === null ? '读取中' : '写入中',
      fileName: '交易.xlsx',
      rowsRead,
      fraction: 0.5,
      rowsStartedAt,
      readEndedAt,
      sheets: [{ sheet: '交易', rowsRead, rowsWritten: 0 }],
      report: null,
      error: null,
    } as Parameters<typeof viewOf>[0]);

  it('counts from the first row read, not from the checks of the file before it', () => {
    // 20,000 rows read in the 4 seconds since the first row (whatever the checks before it took).
    expect(jobAt(Date.now() - 4000, Date.now(), 20_000).rowsPerSecond).toBeCloseTo(5000, -2);
    // Still checking the file: no rate yet, rather than a misleading low one.
    expect(jobAt(null, null, 0).rowsPerSecond).toBe(0);
  });
});
