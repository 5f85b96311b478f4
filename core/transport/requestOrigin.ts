import { isIP } from 'node:net';

/** Addresses that only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** `127.0.0.1:8080` → `127.0.0.1`, `[::1]:8080` → `::1`; null when there is no port. */
function split(hostHeader: string): { name: string; port: number } | null {
  const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(hostHeader);
  return m ? { name: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) } : null;
}

/**
 * DNS rebinding: a page of evil.example whose name is made to point at 127.0.0.1 reaches this port with
 * `Host: evil.example:PORT`. Only the address we listen on (with its port) is accepted; when listening beyond loopback
 * was allowed, any IP address of this machine too, but never a name.
 */
export function acceptsHost(
  hostHeader: string | undefined,
  server: { host: string; port: number; allowRemote: boolean },
): boolean {
  const asked = hostHeader ? split(hostHeader) : null;
  if (!asked || asked.port !== server.port) return false;
  if (asked.name === server.host.replace(/^\[|\]$/g, '')) return true;
  return server.allowRemote && isIP(asked.name) !== 0;
}

/** A browser names the page that made a request in Origin; only our own pages may call. */
export function acceptsOrigin(origin: string | undefined, hostHeader: string): boolean {
  return origin === undefined || origin === `http://${hostHeader}`;
}
