import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../testing/runCli';
import { tempDir } from '../testing/tempStore';
import { closedStore, fingerprint } from './testing/stores';

// Browser mode on a store that cannot be opened: the server still starts, so that the page shows the Chinese message
// (the renderer shows a failed system.status as an error page) instead of a browser error or a blank window.

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const TOKEN = 'fault-test-token-0123456789';

async function startWeb(dbPath: string): Promise<{ url: string; stderr: () => string }> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'patent-desk.mjs'), '--db', dbPath, 'web', '--api-only', '--port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, PATENT_DESK_WEB_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  cleanups.push(() => child.kill());
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`browser mode exited (${code}): ${stdout}${stderr}`)));
  });
  return { url, stderr: () => stderr };
}

describe('browser mode on a damaged store', () => {
  it('starts anyway and answers every call with the Chinese message; the file is not touched', async () => {
    const { dir, cleanup } = tempDir('desk-web-damaged-');
    cleanups.push(cleanup);
    const dbPath = await closedStore(dir);
    fs.truncateSync(dbPath, 8192);
    const before = fingerprint(dbPath);

    const web = await startWeb(dbPath);
    const response = await fetch(`${web.url}/api/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-desk-token': TOKEN },
      body: JSON.stringify({ method: 'system.status', input: {} }),
    });
    const result = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('STORE_CORRUPT');
    expect(result.error.message).toContain('数据库文件已损坏');
    expect(result.error.message).toContain('restore');
    expect(web.stderr()).toContain('数据库文件已损坏');
    expect(fingerprint(dbPath)).toBe(before);
  });
});
