import { verify } from '../core/sync/signing';
import { feedbackRequestText } from '../shared/sync/batch';
import type { ProvinceSql } from '../core/province/store/provinceDb';
import { findKey, noteContact } from './keys';

/** A feedback request is signed by an enrolled key within this much of the province's clock. */
const CLOCK_SKEW_MS = 15 * 60_000;

/** The region an enrolled installation may read feedback for, or a Chinese reason to refuse (401). */
export async function authorizeFeedback(
  db: ProvinceSql,
  headers: Record<string, string | string[] | undefined>,
  pathWithQuery: string,
  now: Date,
  method: 'GET' | 'POST' = 'GET',
): Promise<{ region: string } | { refused: string }> {
  const one = (name: string) => (typeof headers[name] === 'string' ? (headers[name] as string) : '');
  const key = await findKey(db, one('x-desk-key'));
  if (!key) return { refused: '签名公钥未在省级登记，不能读取反馈' };
  const at = one('x-desk-time');
  const skew = Math.abs(new Date(at).getTime() - now.getTime());
  if (!(skew <= CLOCK_SKEW_MS)) return { refused: '请求时间与省级时钟相差过大（或缺失），请校准本机时间' };
  if (
    !verify(
      key.publicKeyPem,
      Buffer.from(feedbackRequestText(pathWithQuery, at, method), 'utf8'),
      one('x-desk-signature'),
    )
  ) {
    return { refused: '反馈请求签名校验失败' };
  }
  await noteContact(db, key.fingerprint, now.toISOString());
  return { region: key.regionCode };
}
