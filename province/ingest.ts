import { sha256Hex, verify } from '../core/sync/signing';
import {
  batchBody,
  batchEnvelope,
  MAX_BATCH_BYTES,
  MAX_BATCH_RECORDS,
  SUPPORTED_SYNC_SCHEMA_VERSIONS,
  type ImportSummary,
  type Refusal,
} from '../shared/sync/batch';
import { createRecordApplier } from './applyRecords';
import { batchLookups } from './batchLookups';
import { OwnersTaken } from './bulkWrites';
import { anchorProblem, hasAnchors, keepAnchor } from './auditAnchors';
import type { ProvinceDb } from '../core/province/store/provinceDb';
import { findKey, lockedNextSeq } from './keys';

export type IngestResult =
  | {
      status: 200;
      body: ImportSummary;
      fresh: boolean;
      region: string;
      keyFingerprint: string;
      dealIds: string[];
      auditProblem?: string;
    }
  | { status: 400 | 401 | 409 | 413; body: Refusal };

export const tooLargeMessage = (maxBytes: number) =>
  `批次超过 ${Math.round(maxBytes / 1024)} KB 的上限，请分成较小的批次报送`;

const UNKNOWN_KEY_MESSAGE = '签名公钥未在省级登记：请将 patent-desk key 导出的公钥交省级管理员登记';

const refuse = (status: 400 | 401 | 409 | 413, code: string, message: string, nextSeq?: number): IngestResult => ({
  status,
  body: nextSeq === undefined ? { error: { code, message } } : { error: { code, message }, nextSeq },
});

/** The records array exactly as written in the batch text (the batch's fixed field order puts it before sha256). */
function recordsText(batch: string): string {
  const start = batch.indexOf('"records":');
  const end = batch.lastIndexOf(',"sha256":');
  return start < 0 || end < start ? '' : batch.slice(start + '"records":'.length, end);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Takes one signed batch in — the same code for POST /v1/batches and `province ingest FILE`, so both give the same
 * answer and leave the same store. Checks, in order: envelope, key (401), signature over the exact batch bytes
 * (401), region (401), schema version, record count (413), records hash, idempotency (same id: same answer, or 409 if the content
 * differs), sequence (409 with nextSeq on a gap). Then every record in one transaction; per-record rejections go
 * into the summary. Nothing is stored for a refused batch.
 */
export async function ingestEnvelope(
  store: ProvinceDb,
  text: string,
  receivedAt: string,
  maxBytes = MAX_BATCH_BYTES,
): Promise<IngestResult> {
  if (Buffer.byteLength(text, 'utf8') > maxBytes) return refuse(413, 'TOO_LARGE', tooLargeMessage(maxBytes));
  const envelope = batchEnvelope.safeParse(parseJson(text));
  if (!envelope.success) return refuse(400, 'MALFORMED', '不是本系统的报送批次文件（格式无法识别）');
  const key = await findKey(store, envelope.data.keyFingerprint);
  if (!key) return refuse(401, 'UNKNOWN_KEY', UNKNOWN_KEY_MESSAGE);
  if (!verify(key.publicKeyPem, Buffer.from(envelope.data.batch, 'utf8'), envelope.data.signature)) {
    return refuse(401, 'BAD_SIGNATURE', '批次签名校验失败：内容在传输或保存中被改动，省级未入库任何记录');
  }
  const body = batchBody.safeParse(parseJson(envelope.data.batch));
  if (!body.success) return refuse(400, 'MALFORMED', '批次内容格式有误，省级未入库任何记录');
  const batch = body.data;
  if (batch.region !== key.regionCode) {
    return refuse(401, 'REGION_MISMATCH', `批次地区 ${batch.region} 与该公钥登记的地区 ${key.regionCode} 不符`);
  }
  if (!SUPPORTED_SYNC_SCHEMA_VERSIONS.includes(batch.schemaVersion)) {
    return refuse(
      400,
      'SCHEMA_VERSION',
      `批次格式版本 ${batch.schemaVersion} 省级不支持（支持 ${SUPPORTED_SYNC_SCHEMA_VERSIONS.join('、')}），请升级软件`,
    );
  }
  if (batch.records.length > MAX_BATCH_RECORDS) {
    return refuse(
      413,
      'TOO_LARGE',
      `批次含 ${batch.records.length} 条记录，超过每批 ${MAX_BATCH_RECORDS} 条的上限，省级未入库任何记录；请分成较小的批次报送`,
    );
  }
  if (batch.schemaVersion >= 2 && !batch.auditAnchor)
    return refuse(400, 'MALFORMED', '批次缺少审计日志锚点（格式版本 2 起必须带），省级未入库任何记录');
  if (sha256Hex(recordsText(envelope.data.batch)) !== batch.sha256 || batch.seqTo < batch.seqFrom) {
    return refuse(400, 'MALFORMED', '批次记录的校验和或序号范围不符，省级未入库任何记录');
  }
  const contentHash = sha256Hex(envelope.data.batch);

  return store.transaction(async (db): Promise<IngestResult> => {
    // The key's row is locked first: batches of one installation are taken one after the other, also by two province
    // servers on one PostgreSQL database, so a batch sent twice at once is stored once and answered twice alike.
    // A key retired since it was found above is refused as it would be a moment later.
    const nextSeq = await lockedNextSeq(db, key.fingerprint);
    if (nextSeq === null) return refuse(401, 'UNKNOWN_KEY', UNKNOWN_KEY_MESSAGE);
    const seen = await db.get<{ content_sha256: string; summary: string }>(
      'SELECT content_sha256, summary FROM province_batches WHERE batch_id = ?',
      [batch.batchId],
    );
    if (seen) {
      if (seen.content_sha256 !== contentHash)
        return refuse(409, 'BATCH_CONFLICT', `批次 ${batch.batchId} 已收到过，但内容不同；省级未入库本次内容`);
      return {
        status: 200,
        body: JSON.parse(seen.summary) as ImportSummary,
        fresh: false,
        region: batch.region,
        keyFingerprint: key.fingerprint,
        dealIds: [],
      };
    }
    if (batch.seqFrom > nextSeq) {
      return refuse(
        409,
        'SEQ_GAP',
        `批次序号不连续：省级下一个应收到的序号是 ${nextSeq}，本批次从 ${batch.seqFrom} 开始`,
        nextSeq,
      );
    }
    // Anchors are per installation within the key's region; once one has anchored, an anchorless batch is a downgrade.
    const owner = { regionCode: batch.region, installationId: batch.installationId };
    if (!batch.auditAnchor && (await hasAnchors(db, owner))) {
      return refuse(
        400,
        'ANCHOR_REQUIRED',
        '该安装此前的批次已带审计日志锚点，本批次却没有：省级未入库任何记录，请用最新版本重新导出或同步',
      );
    }
    // A contradicting anchor does not refuse the batch: its records are signed by the enrolled key and refusing would
    // only stall the city's reporting, not undo the rewrite. The anchor is kept with the problem, which is logged and
    // served to the city's `audit verify --against-province`.
    const auditProblem = batch.auditAnchor ? await anchorProblem(db, owner, batch.auditAnchor) : null;
    const sender = { region: batch.region, keyFingerprint: key.fingerprint };
    const summary: ImportSummary = {
      batchId: batch.batchId,
      accepted: 0,
      duplicates: 0,
      rejected: [],
      nextSeq: Math.max(nextSeq, batch.seqTo + 1),
    };
    const dealIds: string[] = [];
    const applyAll = async (isolate: boolean) => {
      const lookups = await batchLookups(db, batch.records, sender);
      const applier = createRecordApplier(store, db, receivedAt, sender, lookups, isolate);
      Object.assign(summary, { accepted: 0, duplicates: 0, rejected: [] });
      dealIds.length = 0;
      for (const record of batch.records) {
        const outcome = await applier.apply(record);
        if (outcome === 'accepted' && record.entity === 'deal') dealIds.push(record.id);
        if (outcome === 'accepted') summary.accepted++;
        else if (outcome === 'duplicate') summary.duplicates++;
        else summary.rejected.push(outcome);
      }
      await applier.finish();
    };
    const bringFactsUpToDate = await store.derived.deferFacts(db);
    try {
      // In one go first: a savepoint per record is a round trip each to a PostgreSQL server. A race with another
      // server's batch (a record's owner or an enterprise's USCC taken meanwhile) is tried in one go once more, reading
      // what that batch committed; a record the store refuses (a reference not yet received) makes the batch be taken
      // again record by record, so that the record is rejected alone.
      for (let attempt = 1; ; attempt++) {
        try {
          await db.savepoint(() => applyAll(false));
          break;
        } catch (error) {
          const raced = error instanceof OwnersTaken || store.constraintOf(error) === 'unique';
          if (raced && attempt === 1) continue;
          if (!raced && store.constraintOf(error) === null) throw error;
          await applyAll(true);
          break;
        }
      }
    } finally {
      await bringFactsUpToDate();
    }
    await db.run('UPDATE province_keys SET next_seq = ?, last_contact_at = ? WHERE fingerprint = ?', [
      summary.nextSeq,
      receivedAt,
      key.fingerprint,
    ]);
    await db.run(
      `INSERT INTO province_batches (batch_id, key_fingerprint, region_code, seq_from, seq_to, record_count, content_sha256, summary, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        batch.batchId,
        key.fingerprint,
        batch.region,
        batch.seqFrom,
        batch.seqTo,
        batch.records.length,
        contentHash,
        JSON.stringify(summary),
        receivedAt,
      ],
    );
    if (batch.auditAnchor) {
      await keepAnchor(db, owner, {
        batchId: batch.batchId,
        keyFingerprint: key.fingerprint,
        anchor: batch.auditAnchor,
        problem: auditProblem,
        receivedAt,
      });
    }
    return {
      status: 200,
      body: summary,
      fresh: true,
      region: batch.region,
      keyFingerprint: key.fingerprint,
      dealIds,
      ...(auditProblem ? { auditProblem } : {}),
    };
  });
}
