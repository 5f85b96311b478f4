import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { csvTextOf, dealRows } from '../../core/importing/fixtures/generateRows';
import { initStoreByCli } from '../../tests/testing/cliStore';
import { ROOT } from '../../tests/testing/runCli';

// Issue 12: the CLI shows rows read and written per sheet as it goes, and Ctrl+C cancels the import and rolls back.

let cleanup = () => {};
afterEach(() => cleanup());

describe('patent-desk import progress', () => {
  it('prints rows read and written per sheet, and Ctrl+C while writing leaves the store as it was', async () => {
    const store = initStoreByCli('140100');
    cleanup = store.cleanup;
    const file = path.join(store.dir, '交易.csv');
    fs.writeFileSync(file, csvTextOf('交易', dealRows(5000, 2, 'HT-CTRL-C')));

    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin', 'patent-desk.mjs'), '--db', store.db, 'import', file],
      {
        cwd: ROOT,
      },
    );
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/交易：已读取 10,000 行，已写入 [1-9]/.test(stderr)) resolve();
      });
      void exited.then(() => resolve());
    });
    child.kill('SIGINT');
    const code = await exited;

    expect(stderr).toMatch(/交易：已读取 [\d,]+ 行/);
    expect(stderr).toMatch(/交易：已读取 10,000 行，已写入 [1-9][\d,]* 行/);
    expect(stderr).toContain('已取消导入，未写入任何数据。');
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    const db = new Database(store.db, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM deals').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  }, 300_000);
});
