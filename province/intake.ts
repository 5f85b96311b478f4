import type { ProvinceDb } from '../core/province/store/provinceDb';
import { ingestEnvelope, type IngestResult } from './ingest';
import type { Log } from './log';

/**
 * A batch arriving by any road (HTTP or file): taken in, then — when it brought new deals — the cross-city rules run
 * and their findings are published as feedback. A failing rule run is logged and never undoes the batch.
 */
export async function takeInBatch(
  store: ProvinceDb,
  text: string,
  now: Date,
  log: Log,
  via: 'http' | 'file',
  maxBytes?: number,
): Promise<IngestResult> {
  const started = performance.now();
  const result = await ingestEnvelope(store, text, now.toISOString(), maxBytes);
  if (result.status === 200 && result.auditProblem) {
    log({
      level: 'warn',
      event: 'auditAnchor',
      via,
      batchId: result.body.batchId,
      region: result.region,
      problem: result.auditProblem,
    });
  }
  let published = 0;
  if (result.status === 200 && result.fresh && result.dealIds.length > 0) {
    try {
      published = await store.derived.crossCity(result.dealIds, now.toISOString());
    } catch (error) {
      log({
        level: 'error',
        event: 'crossCityRules',
        batchId: result.body.batchId,
        error: (error as Error).stack ?? String(error),
      });
    }
  }
  // Another region's attempt to change a record is worth a line of its own: it is a mistake or an attack.
  if (result.status === 200 && result.fresh) {
    for (const r of result.body.rejected.filter((x) => x.code === 'NOT_OWNER')) {
      log({
        level: 'warn',
        event: 'notOwner',
        batchId: result.body.batchId,
        region: result.region,
        keyFingerprint: result.keyFingerprint,
        entity: r.entity,
        id: r.id,
        version: r.version,
        message: r.message,
      });
    }
  }
  log({
    level: result.status === 200 ? 'info' : 'warn',
    event: 'batch',
    via,
    status: result.status,
    ...(result.status === 200
      ? {
          batchId: result.body.batchId,
          region: result.region,
          replay: !result.fresh,
          accepted: result.body.accepted,
          duplicates: result.body.duplicates,
          rejected: result.body.rejected.length,
          nextSeq: result.body.nextSeq,
          feedbackPublished: published,
        }
      : { code: result.body.error.code, nextSeq: result.body.nextSeq }),
    ms: Math.round(performance.now() - started),
  });
  return result;
}
