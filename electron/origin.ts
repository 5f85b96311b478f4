/** The origin our own pages are served from (main.ts registers the app:// protocol as standard and secure). */
export const APP_ORIGIN = 'app://desk';

/**
 * Whether a URL belongs to our own pages. A prefix test would let `app://desk.x` or `app://desk@evil` through, and
 * WHATWG's `URL.origin` is the string "null" for a scheme Node does not know (app:), so scheme and host are compared
 * as parsed, and a URL carrying credentials is never ours.
 */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return !parsed.username && !parsed.password && `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
}
