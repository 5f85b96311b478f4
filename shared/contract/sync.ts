import { z } from 'zod';
import { method } from './define';
import { recordRejection } from '../sync/batch';

export const BATCH_STATES = ['待发送', '发送中', '已接收', '部分拒收', '失败'] as const;
export const batchState = z.enum(BATCH_STATES);
export type BatchState = z.infer<typeof batchState>;

/** A record a rejected one refers to, named and linked like the rejected record itself. */
export const referenceView = z.object({
  label: z.string(),
  number: z.string().nullable(),
  link: z.string().nullable(),
});
export type ReferenceView = z.infer<typeof referenceView>;

export const rejectionView = recordRejection.extend({
  /** Chinese name of the kind of record (交易, 质押, …). */
  label: z.string(),
  /** The record's business number as this desk holds it now, e.g. "合同编号 HT-2023-001"; null when unknown here. */
  number: z.string().nullable(),
  /** The province's reasons one by one (its whole message when it sent no list). */
  reasons: z.array(z.string()),
  /** Where the record opens in the desk (a payment on its deal's page), or null when it has no page of its own. */
  link: z.string().nullable(),
  /** A later version of the record has since been received by the province: nothing is left to do. */
  corrected: z.boolean(),
  /** The records it refers to that the province lacks: correct (or sync) those first. */
  references: z.array(referenceView),
});
export type RejectionView = z.infer<typeof rejectionView>;

export const batchView = z.object({
  id: z.string(),
  seqFrom: z.number().int(),
  seqTo: z.number().int(),
  recordCount: z.number().int(),
  state: batchState,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  accepted: z.number().int().nullable(),
  duplicates: z.number().int().nullable(),
  rejected: z.array(rejectionView),
});
export type BatchView = z.infer<typeof batchView>;

export const syncProgress = z.object({ done: z.number().int(), total: z.number().int(), phase: z.string() });

export const syncOverview = z.object({
  endpoint: z.string(),
  pendingRecords: z.number().int(),
  pendingByEntity: z.array(z.object({ entity: z.string(), label: z.string(), count: z.number().int() })),
  batches: z.array(batchView),
  lastContactAt: z.string().nullable(),
  lastError: z.string().nullable(),
  feedbackCursor: z.number().int(),
  running: syncProgress.nullable(),
});
export type SyncOverview = z.infer<typeof syncOverview>;

export const syncRunResult = z.object({
  acknowledged: z.number().int(),
  partlyRejected: z.number().int(),
  waiting: z.number().int(),
  failed: z.number().int(),
  feedbackReceived: z.number().int(),
  message: z.string(),
});
export type SyncRunResult = z.infer<typeof syncRunResult>;

export const signingKeyView = z.object({
  regionCode: z.string(),
  installationId: z.string(),
  publicKeyPem: z.string(),
  /** sha256 of the public key (SPKI DER), grouped for reading aloud over the phone. */
  fingerprint: z.string(),
});

export const batchFile = z.object({
  fileName: z.string(),
  content: z.string(),
  batchId: z.string(),
  recordCount: z.number().int(),
});

export const syncMethods = {
  /** Pending records, batches with their states and the province's reasons, last contact. */
  'sync.overview': method({ access: 'user', input: z.object({}), output: syncOverview }),
  /** 立即同步: sends every due batch once (no waiting between retries), then reads the province's feedback. */
  'sync.run': method({ access: 'entry', input: z.object({}), output: syncRunResult }),
  /** The pending records as one signed .pdbatch file for removable media; null when nothing is left to report. */
  'sync.exportBatch': method({ access: 'entry', input: z.object({}), output: batchFile.nullable() }),
  /** This installation's public signing key for enrollment at the province (the key pair is made on first need). */
  'sync.signingKey': method({ access: 'admin', input: z.object({}), output: signingKeyView }),
};
