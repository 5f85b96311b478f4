import path from 'node:path';

/**
 * Maps an app:// URL to a file inside the renderer folder; null for anything that would leave it
 * (`..`, encoded separators, absolute paths), which the protocol handler answers with 404.
 */
export function resolveAppUrl(url: string, rendererRoot: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rendererRoot);
  const target = path.resolve(root, relative);
  return target === root || target.startsWith(root + path.sep) ? target : null;
}
