import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppUrl } from './protocol';

const root = path.resolve('/opt/desk/renderer');

describe('the app:// protocol', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppUrl('app://desk/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl('app://desk/assets/index-abc.js', root)).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppUrl('app://desk/', root)).toBe(path.join(root, 'index.html'));
  });

  it.each([
    'app://desk/../../etc/passwd',
    'app://desk/%2e%2e/%2e%2e/etc/passwd',
    'app://desk/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://desk/%00index.html',
  ])('never resolves %s to a file outside the renderer folder', (url) => {
    const resolved = resolveAppUrl(url, root);
    if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true);
  });

  it('refuses encoded separators that climb out of the folder, and NUL bytes', () => {
    expect(resolveAppUrl('app://desk/assets/..%2f..%2f..%2fetc%2fpasswd', root)).toBeNull();
    expect(resolveAppUrl('app://desk/%00index.html', root)).toBeNull();
  });
});
