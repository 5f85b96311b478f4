import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index';
import type { Result } from '../../shared/contract/result';

/**
 * Browser mode sends its credentials in headers, never cookies (a cookie for 127.0.0.1 reaches every port of it, so
 * any local program serving a page would get it; see core/transport/httpServer.ts):
 * - the launch token from this page's own address (?t=), read once into memory; the address keeps it across reloads;
 * - the session token that the core issues at login, kept in this tab's sessionStorage, which the browser keeps per
 *   origin (scheme, host and port): a reload stays signed in, another port's page cannot read it, closing the tab
 *   forgets it.
 */
const launchToken = new URLSearchParams(window.location.search).get('t') ?? '';
const SESSION_KEY = 'desk.session';

/** Browser mode: POST to the core on 127.0.0.1 with the launch token and this tab's session token. */
export async function callOverHttp<K extends MethodName>(
  method: K,
  input: MethodInput<K>,
): Promise<Result<MethodOutput<K>>> {
  const session = sessionStorage.getItem(SESSION_KEY);
  let response: Response;
  try {
    response = await fetch('./api/call', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Desk-Token': launchToken,
        ...(session ? { 'X-Desk-Session': session } : {}),
      },
      credentials: 'omit',
      body: JSON.stringify({ method, input }),
    });
  } catch {
    return { ok: false, error: { code: 'OFFLINE', message: '无法连接本机服务，请确认工作台仍在运行后刷新页面' } };
  }
  if (response.status === 403) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '访问令牌已失效，请使用启动时打印的完整地址重新打开' } };
  }
  const issued = response.headers.get('X-Desk-Session');
  if (issued) sessionStorage.setItem(SESSION_KEY, issued);
  const result = (await response.json()) as Result<MethodOutput<K>>;
  if (method === 'auth.logout' || (!result.ok && result.error.code === 'UNAUTHENTICATED'))
    sessionStorage.removeItem(SESSION_KEY);
  return result;
}
