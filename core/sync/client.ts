import type { Actor } from '../service/context';
import type { Store } from '../store/store';
import { retryDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import {
  envelopeText,
  firstUnacknowledged,
  freezePending,
  splitBatch,
  readBatch,
  RECORDS_PER_BATCH,
  type BatchRow,
} from './batches';
import { pullFeedback, sendReadReceipts } from './feedbackPuller';
import { signingIdentity, type SigningIdentity } from './installationKey';
import type { KeyVault } from './keyVault';
import { notePeer } from './peer';
import { postBatch, type SendOutcome } from './transport';

export interface SyncProgress {
  done: number;
  total: number;
  phase: string;
}

export interface SyncOptions {
  endpoint: string;
  /** Who the key creation and feedback intake are audited as. */
  actor: Actor;
  /** The service's key vault; the plain key file beside the store when not given. */
  keyVault?: KeyVault;
  now?: () => Date;
  backoff?: BackoffPolicy;
  random?: () => number;
  timeoutMs?: number;
  recordsPerBatch?: number;
  /** Send batches whose retry time has not come yet (立即同步, the CLI's first pass). */
  ignoreSchedule?: boolean;
  onProgress?: (progress: SyncProgress) => void;
}

export interface PassResult {
  /** Every batch acknowledged (已接收 or 部分拒收). */
  settled: boolean;
  /** A batch the client cannot fix by retrying (409 with other content): a person has to look. */
  stuck: boolean;
  acknowledged: number;
  partlyRejected: number;
  feedbackReceived: number;
  /** Earliest time a failed batch may be retried, when not settled. */
  nextAttemptAt: string | null;
  lastError: string | null;
}

const MAX_REWINDS = 3;

function setState(
  store: Store,
  id: string,
  at: string,
  fields: Partial<Pick<BatchRow, 'state' | 'next_attempt_at' | 'last_error' | 'summary'>> & { attempt?: boolean },
): void {
  store.transaction((db) => {
    db.prepare(
      `UPDATE sync_batches SET state = coalesce(@state, state), attempts = attempts + @attempt,
         next_attempt_at = @next, last_error = @error, summary = coalesce(@summary, summary), updated_at = @at WHERE id = @id`,
    ).run({
      id,
      at,
      state: fields.state ?? null,
      attempt: fields.attempt ? 1 : 0,
      next: fields.next_attempt_at ?? null,
      error: fields.last_error ?? null,
      summary: fields.summary ?? null,
    });
  });
}

/** Marks every batch from nextSeq on as to be sent again: the province does not have them (restored, or lost). */
function rewindTo(store: Store, nextSeq: number, at: string): void {
  store.transaction((db) => {
    db.prepare(
      "UPDATE sync_batches SET state = '待发送', summary = NULL, next_attempt_at = NULL, updated_at = ? WHERE seq_to >= ?",
    ).run(at, nextSeq);
  });
}

function unacknowledgedCount(store: Store): number {
  return store.db
    .prepare("SELECT count(*) FROM sync_batches WHERE state NOT IN ('已接收', '部分拒收')")
    .pluck()
    .get() as number;
}

/**
 * One pass: freezes pending records into batches and sends every due batch in seq order, stopping at the first one
 * that fails (later ones would only meet a sequence gap). Then reads the province's feedback. The whole state lives in
 * the store, so a pass that dies half way (crash, kill -9) is resumed by the next one: a batch caught 发送中 is sent
 * again, and the province answers a resend with the same summary, storing nothing twice.
 */
export async function runSyncPass(store: Store, options: SyncOptions): Promise<PassResult> {
  const now = options.now ?? (() => new Date());
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const identity = await signingIdentity(store, options.actor, options.keyVault);
  store.transaction((db) => freezePending(db, now().toISOString(), options.recordsPerBatch ?? RECORDS_PER_BATCH));

  const result: PassResult = {
    settled: false,
    stuck: false,
    acknowledged: 0,
    partlyRejected: 0,
    feedbackReceived: 0,
    nextAttemptAt: null,
    lastError: null,
  };
  const total = unacknowledgedCount(store);
  let rewinds = 0;
  let reachable = true;
  for (;;) {
    const batch = firstUnacknowledged(store.db);
    if (!batch) break;
    options.onProgress?.({
      done: result.acknowledged + result.partlyRejected,
      total,
      phase: `正在发送第 ${batch.seq_from}–${batch.seq_to} 号记录`,
    });
    if (!options.ignoreSchedule && batch.next_attempt_at && batch.next_attempt_at > now().toISOString()) {
      result.nextAttemptAt = batch.next_attempt_at;
      result.lastError = batch.last_error;
      break;
    }
    const outcome = await sendOne(store, batch, identity, options);
    const at = now().toISOString();
    if (outcome.kind === 'accepted') {
      const partly = outcome.summary.rejected.length > 0;
      setState(store, batch.id, at, {
        state: partly ? '部分拒收' : '已接收',
        summary: JSON.stringify(outcome.summary),
      });
      store.transaction((db) => notePeer(db, at, { contact: true, error: null }));
      if (partly) result.partlyRejected++;
      else result.acknowledged++;
      continue;
    }
    if (
      outcome.kind === 'refused' &&
      outcome.refusal.error.code === 'SEQ_GAP' &&
      outcome.refusal.nextSeq !== undefined &&
      rewinds < MAX_REWINDS
    ) {
      rewinds++;
      store.transaction((db) => notePeer(db, at, { contact: true }));
      rewindTo(store, outcome.refusal.nextSeq, at);
      continue;
    }
    if (outcome.kind === 'refused' && outcome.status === 413 && batch.record_count > 1) {
      store.transaction((db) => {
        notePeer(db, at, { contact: true });
        splitBatch(db, batch, at);
      });
      continue;
    }
    const message =
      outcome.kind === 'unreachable' ? outcome.message : refusalMessage(outcome.status, outcome.refusal.error.message);
    const latest = readBatch(store.db, batch.id);
    const next = new Date(now().getTime() + retryDelayMs(latest?.attempts ?? 1, policy, options.random)).toISOString();
    setState(store, batch.id, at, { state: '失败', last_error: message, next_attempt_at: next });
    store.transaction((db) => notePeer(db, at, { contact: outcome.kind === 'refused', error: message }));
    result.stuck = outcome.kind === 'refused' && outcome.refusal.error.code === 'BATCH_CONFLICT';
    result.nextAttemptAt = next;
    result.lastError = message;
    reachable = outcome.kind === 'refused';
    break;
  }
  result.settled = unacknowledgedCount(store) === 0;
  if (reachable) {
    options.onProgress?.({ done: total, total, phase: '正在读取省级反馈' });
    try {
      result.feedbackReceived = await pullFeedback(store, options.endpoint, identity, {
        actor: options.actor,
        timeoutMs: options.timeoutMs ?? 30_000,
        now,
      });
      await sendReadReceipts(store, options.endpoint, identity, { timeoutMs: options.timeoutMs ?? 30_000, now });
    } catch (error) {
      result.lastError ??= (error as Error).message;
    }
  }
  return result;
}

async function sendOne(
  store: Store,
  batch: BatchRow,
  identity: SigningIdentity,
  options: SyncOptions,
): Promise<SendOutcome> {
  const at = (options.now ?? (() => new Date()))().toISOString();
  setState(store, batch.id, at, {
    state: '发送中',
    attempt: true,
    last_error: batch.last_error,
    next_attempt_at: null,
  });
  const envelope = envelopeText(store.db, batch, identity);
  return postBatch(options.endpoint, batch.id, envelope, options.timeoutMs ?? 60_000);
}

function refusalMessage(status: number, provinceMessage: string): string {
  if (status === 401) return `省级拒绝了本批次（签名或密钥未通过）：${provinceMessage}`;
  if (status === 409) return `省级拒绝了本批次（编号冲突）：${provinceMessage}`;
  return `省级拒绝了本批次（HTTP ${status}）：${provinceMessage}`;
}

export interface UntilDoneOptions extends SyncOptions {
  /** Passes before giving up (each after the backoff delay of the failed batch). */
  maxPasses?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Passes with backoff between them until every batch is acknowledged, a batch is stuck, or passes run out. */
export async function syncUntilDone(store: Store, options: UntilDoneOptions): Promise<PassResult> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => new Date());
  const maxPasses = options.maxPasses ?? 8;
  let last: PassResult | null = null;
  const totals = { acknowledged: 0, partlyRejected: 0, feedbackReceived: 0 };
  for (let pass = 0; pass < maxPasses; pass++) {
    last = await runSyncPass(store, { ...options, ignoreSchedule: pass === 0 ? options.ignoreSchedule : false });
    totals.acknowledged += last.acknowledged;
    totals.partlyRejected += last.partlyRejected;
    totals.feedbackReceived += last.feedbackReceived;
    if (last.settled || last.stuck) break;
    const wait = last.nextAttemptAt ? Math.max(0, new Date(last.nextAttemptAt).getTime() - now().getTime()) : 0;
    await sleep(wait);
  }
  return { ...last!, ...totals };
}
