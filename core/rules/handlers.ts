import type { rulesMethods } from '../../shared/contract/rules';
import { RULES } from '../../shared/rules/catalog';
import type { HandlersOf, ServiceContext } from '../service/context';
import { notFound } from '../service/errors';
import { runFullScan, scanJobStatus, startScanJob } from './fullScan';
import { recordDecision } from './review/decide';
import { readFlagDetail } from './review/detail';
import { exportQueue } from './review/exportQueue';
import { listQueue } from './review/queue';
import { readRuleThresholdsOn, writeRuleThresholds } from './ruleSettings';
import { toScanFlag } from './scanFlag';

async function settingsView(ctx: ServiceContext) {
  const { thresholds, version } = await readRuleThresholdsOn(ctx.province);
  return { rules: RULES.map((r) => ({ ...r, thresholds: [...r.thresholds] })), thresholds, version };
}

export const rulesHandlers = {
  'rules.settings': (_input, ctx) => settingsView(ctx),

  'rules.updateThresholds': async (input, ctx) => {
    const actor = ctx.requireActor();
    await ctx.writeProvince((w) => writeRuleThresholds(w, input, actor.name));
    return settingsView(ctx);
  },

  'rules.scan': async (input, ctx) => {
    const { candidates, summary } = await runFullScan(ctx, input.ruleIds);
    return { flags: candidates.map(toScanFlag), summary };
  },

  'rules.scanStart': (input, ctx) => startScanJob(ctx, input.ruleIds),

  'rules.scanStatus': (input) => {
    const job = scanJobStatus(input.jobId);
    if (!job) throw notFound('该扫描任务（程序重启后需重新扫描）');
    return job;
  },

  'review.queue': (input, ctx) => {
    const { offset, limit, sort, ...filters } = input;
    return listQueue(ctx.store.db, filters, ctx.now(), { offset, limit }, { sort, actorId: ctx.actor?.id ?? null });
  },

  'review.flag': (input, ctx) => readFlagDetail(ctx.store.db, ctx.province, input.flagId, ctx.actor, ctx.now()),

  'review.decide': (input, ctx) => {
    recordDecision(ctx, input.flagId, input.decision, input.reason);
    return readFlagDetail(ctx.store.db, ctx.province, input.flagId, ctx.actor, ctx.now());
  },

  'review.reopen': (input, ctx) => {
    recordDecision(ctx, input.flagId, '待审核', input.reason);
    return readFlagDetail(ctx.store.db, ctx.province, input.flagId, ctx.actor, ctx.now());
  },

  'review.exportQueue': (input, ctx) => exportQueue(ctx.store.db, input, ctx.now()),
} satisfies HandlersOf<typeof rulesMethods>;
