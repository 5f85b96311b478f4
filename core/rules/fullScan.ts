import { newId } from '../store/ids';
import type { ScanJob } from '../../shared/contract/rules';
import { todayIso } from '../../shared/domain/dates';
import { RULE_IDS, type RuleId } from '../../shared/rules/ruleIds';
import { ruleInfo } from '../../shared/rules/catalog';
import type { ServiceContext } from '../service/context';
import { DeskError } from '../service/errors';
import { collectGarbageBetweenRules } from '../system/garbage';
import { scanRules } from './engine';
import { persistFlags, type PersistSummary } from './persistFlags';
import { readRuleThresholds } from './ruleSettings';
import type { FlagCandidate } from './types';

export interface FullScanResult {
  candidates: FlagCandidate[];
  summary: PersistSummary & { found: number };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The full scan: each rule over the whole store, one at a time (yielding between rules so that progress can be
 * polled), then every finding stored in one transaction. Idempotent: decided flags keep their decisions.
 */
export async function runFullScan(
  ctx: ServiceContext,
  ruleIds: readonly RuleId[] = RULE_IDS,
  onProgress: (done: number, steps: number, current: string | null) => void = () => {},
): Promise<FullScanResult> {
  const db = ctx.store.db;
  const asOf = todayIso(ctx.now());
  const { thresholds } = readRuleThresholds(db);
  const steps = ruleIds.length + 1;
  const candidates: FlagCandidate[] = [];
  const shared = new Map<string, unknown>();
  for (const [i, id] of ruleIds.entries()) {
    onProgress(i, steps, `${id} ${ruleInfo(id).name}`);
    await nextTurn();
    // One push per finding: spreading a rule's hundreds of thousands of findings as arguments overflows the stack.
    for (const found of scanRules(db, { ruleIds: [id], asOf, thresholds, shared })) candidates.push(found);
    collectGarbageBetweenRules();
  }
  onProgress(ruleIds.length, steps, '保存扫描结果');
  await nextTurn();
  const summary = ctx.write((w) => persistFlags(w, candidates, { source: '本地', scope: { ruleIds } }));
  onProgress(steps, steps, null);
  return { candidates, summary: { found: candidates.length, ...summary } };
}

// Jobs live as long as the process that runs core; a finished job is kept for polling until the next one starts.
const jobs = new Map<string, ScanJob>();
const MAX_KEPT_JOBS = 20;

export function startScanJob(ctx: ServiceContext, ruleIds: readonly RuleId[] = RULE_IDS): ScanJob {
  const job: ScanJob = {
    jobId: newId(),
    state: '运行中',
    done: 0,
    steps: ruleIds.length + 1,
    current: null,
    summary: null,
    message: null,
  };
  jobs.set(job.jobId, job);
  while (jobs.size > MAX_KEPT_JOBS) jobs.delete(jobs.keys().next().value!);
  runFullScan(ctx, ruleIds, (done, steps, current) => Object.assign(job, { done, steps, current })).then(
    (result) => Object.assign(job, { state: '已完成', summary: result.summary, current: null }),
    (error: unknown) =>
      Object.assign(job, {
        state: '失败',
        current: null,
        message:
          error instanceof DeskError
            ? error.message
            : '扫描时程序内部出错，已发现的异常未保存。请重试；如仍出错，请联系管理员。',
      }),
  );
  return { ...job };
}

export function scanJobStatus(jobId: string): ScanJob | null {
  const job = jobs.get(jobId);
  return job ? { ...job } : null;
}
