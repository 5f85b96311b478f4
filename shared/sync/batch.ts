import { z } from 'zod';
import { auditAnchor } from './auditAnchor';

/**
 * The wire format of DESIGN §4, shared by the city, the province and the offline file. A batch is JSON text; the
 * envelope carries that text verbatim with the installation's Ed25519 signature over its UTF-8 bytes, so the province
 * verifies exactly what was signed. A `.pdbatch` file is the envelope; POST /v1/batches sends the same envelope gzipped.
 */
export const BATCH_FORMAT = 'patent-desk-batch/1';
/**
 * Version 2 adds `auditAnchor` (the audit chain's head at freezing) and requires it. The province still takes version
 * 1 (no anchor) from a city that has not upgraded, and a city sends its batches frozen before the upgrade as version 1
 * so that their resends stay byte for byte the same.
 */
export const SYNC_SCHEMA_VERSION = 2;
export const SUPPORTED_SYNC_SCHEMA_VERSIONS: readonly number[] = [1, 2];
/** Most records a city packs into one batch; the province refuses larger batches with 413. */
export const MAX_BATCH_RECORDS = 20_000;
/** Largest uncompressed envelope the province takes (413 beyond). */
export const MAX_BATCH_BYTES = 64 * 1024 * 1024;

export const batchRecord = z.object({
  seq: z.number().int().min(1),
  entity: z.string(),
  id: z.string(),
  version: z.number().int(),
  op: z.enum(['upsert', 'void']),
  // Only "an object" here: each payload is checked field by field by its entity's schema, record by record.
  payload: z.custom<Record<string, unknown>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    '记录内容应为对象',
  ),
});
export type BatchRecord = z.infer<typeof batchRecord>;

export const batchBody = z.object({
  batchId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '批次编号应为 ULID'),
  region: z.string().regex(/^\d{6}$/),
  installationId: z.string().min(1),
  seqFrom: z.number().int().min(1),
  seqTo: z.number().int().min(1),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  /** Written after schemaVersion, before records (version 2 on). */
  auditAnchor: auditAnchor.optional(),
  records: z.array(batchRecord),
  /** sha256 (hex) of the records array exactly as written in this batch text, between "records": and ,"sha256". */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BatchBody = z.infer<typeof batchBody>;

export const batchEnvelope = z.object({
  format: z.literal(BATCH_FORMAT),
  keyFingerprint: z.string().min(1),
  /** Ed25519 signature (base64) over the UTF-8 bytes of `batch`. */
  signature: z.string().min(1),
  batch: z.string().min(2),
});
export type BatchEnvelope = z.infer<typeof batchEnvelope>;

/** Another record a rejected one points at, by its kind and the city's id for it. */
export const recordReference = z.object({ entity: z.string(), id: z.string() });
export type RecordReference = z.infer<typeof recordReference>;

export const recordRejection = z.object({
  entity: z.string(),
  id: z.string(),
  version: z.number().int(),
  code: z.string(),
  /** The whole reason in Chinese: the record's kind and business number, then what is wrong and what to do. */
  message: z.string(),
  /** The same reasons one by one, without the record's name (optional: older provinces send only `message`). */
  reasons: z.array(z.string()).optional(),
  /** The records it refers to that the province does not hold (optional: older provinces do not say). */
  refers: z.array(recordReference).optional(),
});
export type RecordRejection = z.infer<typeof recordRejection>;

/** The province's answer to an accepted batch (HTTP 200), identical for every resend of the same batch. */
export const importSummary = z.object({
  batchId: z.string(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(recordRejection),
  nextSeq: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummary>;

/** The province's answer to a refused batch (401, 400, 409, 413): nothing of it was stored. */
export const refusal = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  nextSeq: z.number().int().optional(),
});
export type Refusal = z.infer<typeof refusal>;

export const feedbackSubject = z.object({
  entity: z.enum(['deal', 'pledge', 'subsidy', 'registration']),
  entityId: z.string(),
  businessNo: z.string(),
  regionCode: z.string().nullable(),
});

export const feedbackItem = z.object({
  cursor: z.number().int(),
  ruleId: z.string(),
  regionCode: z.string(),
  fingerprint: z.string(),
  explanation: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  subjects: z.array(feedbackSubject),
  publishedAt: z.string(),
});
export type FeedbackItem = z.infer<typeof feedbackItem>;

export const feedbackPage = z.object({ items: z.array(feedbackItem), cursor: z.number().int() });
export type FeedbackPage = z.infer<typeof feedbackPage>;

/** The text a city signs to read its feedback (or send read receipts: POST): the path with its query, and the time. */
export function feedbackRequestText(pathWithQuery: string, at: string, method: 'GET' | 'POST' = 'GET'): string {
  return `${method} ${pathWithQuery}\n${at}`;
}
