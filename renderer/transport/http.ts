import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index';
import type { Result } from '../../shared/contract/result';

/** Browser mode: POST to the core on 127.0.0.1; the launch-token and session cookies travel with it. */
export async function callOverHttp<K extends MethodName>(method: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>> {
  let response: Response;
  try {
    response = await fetch('./api/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ method, input }),
    });
  } catch {
    return { ok: false, error: { code: 'OFFLINE', message: '无法连接本机服务，请确认工作台仍在运行后刷新页面' } };
  }
  if (response.status === 403) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '访问令牌已失效，请使用启动时打印的完整地址重新打开' } };
  }
  return (await response.json()) as Result<MethodOutput<K>>;
}
