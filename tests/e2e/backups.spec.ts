import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN, expect, login, screenshot, test } from './fixtures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'bin', 'patent-desk.mjs');

test('设置 → 备份与恢复: back up now, schedule a restore for the next start, cancel it', async ({ page, desk }) => {
  await login(page, desk);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await expect(page.getByText('还没有备份')).toBeVisible();

  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByRole('cell', { name: '手动' })).toBeVisible();

  await page.getByRole('button', { name: '恢复到此备份' }).click();
  await expect(page.getByText('恢复在下次启动工作台时进行')).toBeVisible();
  await page.getByRole('button', { name: '安排恢复' }).click();
  await expect(page.getByText(/已安排从“manual-.*\.db”恢复/)).toBeVisible();
  await expect(page.getByText('从此备份恢复？')).toHaveCount(0);
  await screenshot(page, 'settings-backups');

  await page.getByRole('button', { name: '取消恢复' }).click();
  await expect(page.getByText(/已安排从/)).toHaveCount(0);
});

test('a damaged store opens to a Chinese error page that says how to restore, not a blank window', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-damaged-'));
  const dbPath = path.join(dir, 'desk.db');
  const init = spawnSync(process.execPath, [CLI, '--db', dbPath, 'init', '--region', '140100', '--admin', ADMIN.username], {
    cwd: ROOT,
    env: { ...process.env, PATENT_DESK_PASSWORD: ADMIN.password },
    encoding: 'utf8',
  });
  expect(init.status, init.stderr).toBe(0);
  fs.truncateSync(dbPath, 4096);

  const child = spawn(process.execPath, [CLI, '--db', dbPath, 'web', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (c: Buffer) => {
        output += c.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?t=[\w-]+)/.exec(output);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${output}`)));
    });
    await page.goto(url);
    await expect(page.getByText('工作台未能打开')).toBeVisible();
    await expect(page.getByText(/数据库文件已损坏.*没有改动它.*restore/)).toBeVisible();
    await screenshot(page, 'damaged-store');
  } finally {
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
