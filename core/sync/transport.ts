import zlib from 'node:zlib';
import { importSummary, refusal, type ImportSummary, type Refusal } from '../../shared/sync/batch';

/** What one POST of a batch came to. */
export type SendOutcome =
  | { kind: 'accepted'; summary: ImportSummary }
  | { kind: 'refused'; status: number; refusal: Refusal }
  | { kind: 'unreachable'; message: string };

export function endpointUrl(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}${path}`;
}

/** POST /v1/batches with the gzip envelope and the batch id as idempotency key. Never throws. */
export async function postBatch(
  endpoint: string,
  batchId: string,
  envelope: string,
  timeoutMs: number,
): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(endpointUrl(endpoint, '/v1/batches'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'idempotency-key': batchId },
      body: zlib.gzipSync(Buffer.from(envelope, 'utf8'), { level: 1 }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { kind: 'unreachable', message: networkMessage(error) };
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    // The parser's own words are English and mean nothing to a caseworker; what helps is where to look.
    return {
      kind: 'unreachable',
      message: `省级接口返回了无法识别的内容（HTTP ${response.status}），请检查“设置 → 常规”中的接口地址是否正确`,
    };
  }
  if (response.status === 200) {
    const summary = importSummary.safeParse(json);
    if (summary.success && summary.data.batchId === batchId) return { kind: 'accepted', summary: summary.data };
    return { kind: 'unreachable', message: '省级接口返回的回执与本批次不符' };
  }
  const refused = refusal.safeParse(json);
  if (response.status >= 500 || !refused.success) {
    return { kind: 'unreachable', message: `省级接口暂时出错（HTTP ${response.status}）` };
  }
  return { kind: 'refused', status: response.status, refusal: refused.data };
}

export function networkMessage(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return '连接省级接口超时';
  const code = e.cause?.code;
  if (code === 'ECONNREFUSED') return '无法连接省级接口（连接被拒绝），请检查网络或接口地址';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return '找不到省级接口地址，请检查网络，或“设置 → 常规”中的地址';
  return `与省级接口的连接中断（${code ?? e.cause?.message ?? e.message ?? '未知原因'}）`;
}
