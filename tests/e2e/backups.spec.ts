import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN, expect, login, screenshot, test } from './fixtures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'bin', 'patent-desk.mjs');

test('设置 → 备份与恢复: back up now, see what the backup holds, schedule a restore for the next start, cancel it', async ({
  page,
  desk,
}) => {
  await login(page, desk);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await expect(page.getByText('还没有备份')).toBeVisible();

  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByRole('cell', { name: '手动', exact: true })).toBeVisible();
  // Named by its store, so that backups of two stores in one folder are told apart.
  await expect(page.getByRole('cell', { name: /^太原市-140100-手动-\d{4}-\d{2}-\d{2}-\d{4}\.db$/ })).toBeVisible();

  await page.getByRole('button', { name: '恢复到此备份' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('.ant-modal-confirm-title')).toHaveText('从此备份恢复？');
  const facts = dialog.getByLabel('备份内容');
  await expect(facts.getByRole('row', { name: /所属地区\s*太原市（140100）/ })).toBeVisible();
  await expect(facts.getByRole('row', { name: /大小\s*\d+ KB/ })).toBeVisible();
  await expect(facts.getByRole('row', { name: /备份时间\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/ })).toBeVisible();
  await expect(
    facts.getByRole('row', {
      name: /记录数\s*交易 0，质押 0，产品备案 0，企业年度数据 0，奖补 0，专利供给 0，技术需求 0，对接 0，用户 1/,
    }),
  ).toBeVisible();
  await expect(dialog.getByText('恢复在下次启动工作台时进行')).toBeVisible();
  await screenshot(page, 'settings-backups-confirm');
  await page.getByRole('button', { name: '安排恢复' }).click();
  await expect(page.getByText(/已安排从“太原市-140100-手动-.*\.db”恢复/)).toBeVisible();
  await expect(page.getByText('从此备份恢复？')).toHaveCount(0);
  await screenshot(page, 'settings-backups');

  await page.getByRole('button', { name: '取消恢复' }).click();
  await expect(page.getByText(/已安排从/)).toHaveCount(0);
});

test("设置 → 备份与恢复: another store's backup in the same folder is listed by its name and refused, saying whose it is", async ({
  page,
  desk,
}) => {
  test.slow(); // a second store is set up by the CLI first
  // A second store (阳泉) beside this one: its backups land in the same backups/ folder.
  const other = path.join(desk.dir, 'yangquan.db');
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [CLI, '--db', other, ...args], {
      cwd: ROOT,
      env: { ...process.env, PATENT_DESK_PASSWORD: ADMIN.password },
      encoding: 'utf8',
    });
  expect(cli(['init', '--region', '140300', '--admin', 'admin']).status).toBe(0);
  const backup = cli(['backup']);
  expect(backup.status, backup.stderr).toBe(0);

  await login(page, desk);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  const row = page.getByRole('row', { name: /阳泉市-140300-手动-/ });
  await row.getByRole('button', { name: '恢复到此备份' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('.ant-modal-confirm-title')).toHaveText('不能从此备份恢复');
  await expect(
    dialog.getByText(/此备份属于阳泉市（140300）的工作台.*不是本工作台（太原市（140100）.*请在它所属的工作台上恢复/),
  ).toBeVisible();
  await expect(dialog.getByRole('row', { name: /所属地区\s*阳泉市（140300）/ })).toBeVisible();
  await screenshot(page, 'settings-backups-other-store');
  await dialog.getByRole('button', { name: '知道了' }).click();
  await expect(page.getByText(/已安排从/)).toHaveCount(0);
});

test('a damaged store opens to a Chinese error page that says how to restore, not a blank window', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-damaged-'));
  const dbPath = path.join(dir, 'desk.db');
  const init = spawnSync(
    process.execPath,
    [CLI, '--db', dbPath, 'init', '--region', '140100', '--admin', ADMIN.username],
    {
      cwd: ROOT,
      env: { ...process.env, PATENT_DESK_PASSWORD: ADMIN.password },
      encoding: 'utf8',
    },
  );
  expect(init.status, init.stderr).toBe(0);
  fs.truncateSync(dbPath, 4096);

  const child = spawn(process.execPath, [CLI, '--db', dbPath, 'web', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
