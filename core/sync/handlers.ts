import { generalSettings, type GeneralSettings } from '../../shared/contract/system';
import type { syncMethods, SyncRunResult } from '../../shared/contract/sync';
import type { HandlersOf } from '../service/context';
import { DeskError } from '../service/errors';
import { readSetting } from '../system/settingsStore';
import { runSyncPass, type PassResult } from './client';
import { exportBatchFile } from './fileBatch';
import { signingIdentity } from './installationKey';
import { syncOverview } from './overview';
import { currentProgress, untilIdle, withProgress } from './progress';
import { readableFingerprint } from './signing';

function endpointOf(db: Parameters<typeof readSetting>[0]): string {
  return (readSetting(db, 'general', generalSettings) as GeneralSettings).provinceEndpointUrl;
}

export function runMessage(result: PassResult): string {
  if (result.settled) {
    // A batch with rejected records is answered too, but "all received" would hide the records that were not.
    const outcome =
      result.partlyRejected > 0
        ? `所有批次均已送达省级，但有 ${result.partlyRejected} 个批次中的记录被省级拒收，请在“数据同步”页查看原因，更正后重新同步`
        : '所有记录均已被省级接收';
    const feedback = result.lastError ? `${result.lastError}。` : `新收到省级反馈 ${result.feedbackReceived} 条。`;
    return `同步完成：${outcome}。${feedback}`;
  }
  if (result.stuck) return `同步未完成：${result.lastError ?? '省级拒绝了批次'}。请联系省级管理员核对。`;
  const when = result.nextAttemptAt
    ? `，将于 ${new Date(result.nextAttemptAt).toLocaleTimeString('zh-CN', { hour12: false })} 自动重试`
    : '';
  return `同步未完成：${result.lastError ?? '仍有批次未被接收'}${when}。`;
}

export const syncHandlers = {
  'sync.overview': (_input, ctx) => ({
    ...syncOverview(ctx.store.db, endpointOf(ctx.store.db)),
    running: currentProgress(ctx.store.path),
  }),

  'sync.run': async (_input, ctx): Promise<SyncRunResult> => {
    const actor = ctx.requireActor();
    const endpoint = endpointOf(ctx.store.db);
    if (!endpoint)
      throw new DeskError('NO_ENDPOINT', '尚未填写省级接口地址：请在“设置 → 常规”中填写；离线办公时请用“导出报送文件”');
    // The background sync may be sending already: the caseworker's click waits for it, then makes its own pass, so that
    // 立即同步 always ends with what the province holds now.
    await untilIdle(ctx.store.path);
    const result = await withProgress(ctx.store.path, (onProgress) =>
      runSyncPass(ctx.store, {
        endpoint,
        actor,
        keyVault: ctx.options.keyVault,
        now: ctx.now,
        ignoreSchedule: true,
        onProgress,
      }),
    );
    const failed = ctx.store.db
      .prepare("SELECT count(*) FROM sync_batches WHERE state = '失败'")
      .pluck()
      .get() as number;
    const waiting = ctx.store.db
      .prepare("SELECT count(*) FROM sync_batches WHERE state IN ('待发送', '发送中')")
      .pluck()
      .get() as number;
    return {
      acknowledged: result.acknowledged,
      partlyRejected: result.partlyRejected,
      waiting,
      failed,
      feedbackReceived: result.feedbackReceived,
      message: runMessage(result),
    };
  },

  'sync.exportBatch': async (_input, ctx) => {
    const file = await exportBatchFile(ctx.store, ctx.requireActor(), ctx.now(), ctx.options.keyVault);
    if (!file) return null;
    return { fileName: file.fileName, content: file.content, batchId: file.batchId, recordCount: file.recordCount };
  },

  'sync.signingKey': async (_input, ctx) => {
    const identity = await signingIdentity(ctx.store, ctx.requireActor(), ctx.options.keyVault);
    return {
      regionCode: identity.regionCode,
      installationId: identity.installationId,
      publicKeyPem: identity.publicKeyPem,
      fingerprint: readableFingerprint(identity.fingerprint),
    };
  },
} satisfies HandlersOf<typeof syncMethods>;
