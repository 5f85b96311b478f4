import type Database from 'better-sqlite3';
import { auditAnchorsPath, heldAnchorList, type HeldAnchor } from '../../shared/sync/auditAnchor';
import type { LabelledAnchor } from '../audit/auditLog';
import { batchAnchor, type BatchRow } from './batches';
import { signedFeedbackHeaders } from './feedbackPuller';
import type { SigningIdentity } from './installationKey';
import { endpointUrl, networkMessage } from './transport';

/** The anchors this installation froze into its batches, from its own sync_batches (as rewritable as the chain). */
export function localAnchors(db: Pick<Database.Database, 'prepare'>): LabelledAnchor[] {
  const rows = db
    .prepare('SELECT * FROM sync_batches WHERE audit_rows IS NOT NULL ORDER BY seq_from')
    .all() as BatchRow[];
  return rows.map((b) => ({
    ...batchAnchor(b)!,
    source: `本机批次 ${b.id}（${b.created_at.slice(0, 10)} 生成）记下的锚点`,
    at: b.created_at,
  }));
}

export function provinceLabelled(held: readonly HeldAnchor[]): LabelledAnchor[] {
  return held.map((a) => ({
    rows: a.rows,
    lastSeq: a.lastSeq,
    hash: a.hash,
    source: `省级保存的锚点（批次 ${a.batchId}，${a.receivedAt.slice(0, 10)} 收到）`,
    at: a.receivedAt,
  }));
}

/**
 * Reads every anchor the province holds for this installation (GET /v1/audit-anchors, signed like a feedback
 * request). Throws with a Chinese message when the province cannot be asked.
 */
export async function fetchProvinceAnchors(
  endpoint: string,
  identity: SigningIdentity,
  options: { timeoutMs: number; now: () => Date },
): Promise<HeldAnchor[]> {
  const pathWithQuery = auditAnchorsPath(identity.installationId);
  let response: Response;
  try {
    response = await fetch(endpointUrl(endpoint, pathWithQuery), {
      headers: signedFeedbackHeaders(identity, pathWithQuery, options.now().toISOString()),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw new Error(`读取省级保存的审计日志锚点失败：${networkMessage(error)}`, { cause: error });
  }
  if (response.status !== 200)
    throw new Error(`读取省级保存的审计日志锚点失败（HTTP ${response.status}），请确认本机公钥已在省级登记`);
  const parsed = heldAnchorList.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new Error('省级返回的审计日志锚点无法识别');
  return parsed.data.anchors;
}
