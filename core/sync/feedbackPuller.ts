import { feedbackPage, feedbackRequestText, type FeedbackItem } from '../../shared/sync/batch';
import { noticeReceiptsPath } from '../../shared/sync/feedbackKinds';
import { isRuleId, type RuleId } from '../../shared/rules/ruleIds';
import { persistFlags, type FlagCandidate } from '../rules/engine';
import { createWriter, type Actor } from '../service/context';
import type { Store } from '../store/store';
import type { SigningIdentity } from './installationKey';
import { notePeer, readPeer } from './peer';
import { sign } from './signing';
import { endpointUrl, networkMessage } from './transport';
import { fileProvinceItems } from './provinceItems';
import { noteReceiptsSent, pendingReceipts } from './notices';

/** Headers that prove to the province which enrolled installation asks for its feedback. */
export function signedFeedbackHeaders(
  identity: SigningIdentity,
  pathWithQuery: string,
  at: string,
  method: 'GET' | 'POST' = 'GET',
): Record<string, string> {
  return {
    'x-desk-key': identity.fingerprint,
    'x-desk-time': at,
    'x-desk-signature': sign(
      identity.privateKeyPem,
      Buffer.from(feedbackRequestText(pathWithQuery, at, method), 'utf8'),
    ),
  };
}

/**
 * Reads GET /v1/feedback?since=CURSOR page by page and files each finding in the review queue as an anomaly flag
 * with source 省级反馈 (status 待审核) and its subjects, through the rules' own persistFlags. A finding the city already
 * holds (same fingerprint, e.g. found locally too) is refreshed, not filed twice. Returns how many new flags were filed.
 */
export async function pullFeedback(
  store: Store,
  endpoint: string,
  identity: SigningIdentity,
  options: { actor: Actor; timeoutMs: number; now: () => Date },
): Promise<number> {
  let filed = 0;
  for (let page = 0; page < 1000; page++) {
    const since = readPeer(store.db).feedbackCursor;
    const pathWithQuery = `/v1/feedback?since=${since}`;
    const at = options.now().toISOString();
    let response: Response;
    try {
      response = await fetch(endpointUrl(endpoint, pathWithQuery), {
        headers: signedFeedbackHeaders(identity, pathWithQuery, at),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new Error(`读取省级反馈失败：${networkMessage(error)}`, { cause: error });
    }
    if (response.status !== 200) throw new Error(`读取省级反馈失败（HTTP ${response.status}），下次同步时再试`);
    const parsed = feedbackPage.safeParse(await response.json());
    if (!parsed.success) throw new Error('省级反馈的内容无法识别，下次同步时再试');
    if (parsed.data.items.length === 0) {
      store.transaction((db) => notePeer(db, at, { contact: true }));
      return filed;
    }
    filed += await store.transactionInSteps(async (db) => {
      const w = createWriter(db, options.actor, at);
      // The province's own flags (another region's claim on a shared patent, …) are for its officers, not a city's
      // review queue; targets and notices have their own places; a kind this version does not know is passed by.
      const findings = parsed.data.items.filter((item) => isRuleId(item.ruleId));
      const summary = persistFlags(w, findings.map(toCandidate), { source: '省级反馈' });
      await fileProvinceItems(w, parsed.data.items);
      notePeer(db, at, { contact: true, feedbackCursor: parsed.data.cursor });
      return summary.created;
    });
  }
  return filed;
}

/** A province finding as the city's review queue keeps it; the subjects' regions go into the evidence. */
function toCandidate(item: FeedbackItem): FlagCandidate {
  return {
    ruleId: item.ruleId as RuleId,
    regionCode: item.regionCode,
    fingerprint: item.fingerprint,
    subjects: item.subjects.map(({ entity, entityId, businessNo }) => ({ entity, entityId, businessNo })),
    explanation: item.explanation,
    evidence: { ...item.evidence, 省级反馈: { publishedAt: item.publishedAt, subjects: item.subjects } },
  };
}

/**
 * POST /v1/notice-receipts with the notices read here and not yet acknowledged, signed like the feedback request.
 * A province that does not know the path yet (404) or cannot be reached is asked again at the next sync.
 */
export async function sendReadReceipts(
  store: Store,
  endpoint: string,
  identity: SigningIdentity,
  options: { timeoutMs: number; now: () => Date },
): Promise<void> {
  const receipts = pendingReceipts(store.db);
  if (receipts.length === 0) return;
  const pathWithQuery = noticeReceiptsPath(receipts);
  const at = options.now().toISOString();
  const response = await fetch(endpointUrl(endpoint, pathWithQuery), {
    method: 'POST',
    headers: signedFeedbackHeaders(identity, pathWithQuery, at, 'POST'),
    signal: AbortSignal.timeout(options.timeoutMs),
  }).catch(() => null);
  if (response?.status === 200) store.transaction((db) => noteReceiptsSent(db, receipts, at));
}
