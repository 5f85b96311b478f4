import { test as base, expect, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'bin', 'patent-desk.mjs');

export const ADMIN = { username: 'admin', password: 'admin-pass-123', displayName: '王主任' };

export interface Desk {
  /** The launch URL with its per-launch token. */
  url: string;
  dbPath: string;
  dir: string;
  /** Runs the real CLI against this store. */
  cli(args: string[], env?: Record<string, string>): { status: number | null; stdout: string; stderr: string };
}

/** Starts browser mode on a fresh store and resolves with its launch URL. */
async function startDesk(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, '--db', dbPath, 'web', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?t=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

export const test = base.extend<{ desk: Desk; freshDesk: Desk }>({
  /** A store already set up for 太原市 with an administrator; the page is not yet logged in. */
  desk: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
    const dbPath = path.join(dir, 'desk.db');
    const cli = (args: string[], env: Record<string, string> = {}) => {
      const r = spawnSync(process.execPath, [CLI, '--db', dbPath, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const init = cli(['init', '--region', '140100', '--admin', ADMIN.username, '--display-name', ADMIN.displayName], { PATENT_DESK_PASSWORD: ADMIN.password });
    if (init.status !== 0) throw new Error(init.stderr);
    const { child, url } = await startDesk(dbPath);
    await use({ url, dbPath, dir, cli });
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  },
  /** A store that has never been set up (first run). */
  freshDesk: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
    const dbPath = path.join(dir, 'desk.db');
    const { child, url } = await startDesk(dbPath);
    await use({ url, dbPath, dir, cli: () => ({ status: null, stdout: '', stderr: 'not available on a fresh desk' }) });
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

/** Opens the desk and signs in; resolves on 首页. */
export async function login(page: Page, desk: Desk, user: { username: string; password: string } = ADMIN): Promise<void> {
  await page.goto(desk.url);
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '首页', exact: true })).toBeVisible();
}

/** Saves a screenshot under tests/e2e/.artifacts/screens for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ROOT, 'tests', 'e2e', '.artifacts', 'screens', `${name}.png`), fullPage: true });
}

export { expect };
