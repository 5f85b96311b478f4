import { test as base, expect, request, type APIRequestContext, type Download, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, startPostgres } from '../testing/postgres';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(ROOT, 'bin', 'patent-desk.mjs');

export const ADMIN = { username: 'admin', password: 'admin-pass-123', displayName: '王主任' };

export interface Desk {
  /** The launch URL with its per-launch token. */
  url: string;
  dbPath: string;
  dir: string;
  /** Runs the real CLI against this store. */
  cli(args: string[], env?: Record<string, string>): { status: number | null; stdout: string; stderr: string };
}

/** Runs the real CLI with exactly these arguments. */
export function runCli(args: string[], env: Record<string, string> = {}): ReturnType<Desk['cli']> {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the real CLI against the store at dbPath. */
export function cliFor(dbPath: string): Desk['cli'] {
  return (args, env = {}) => runCli(['--db', dbPath, ...args], env);
}

/**
 * Starts browser mode on a store and resolves with its launch URL: a city desk's `web`, or the province's workbench
 * (`province web`).
 */
export function startDesk(dbPath: string, command: string[] = ['web']): Promise<{ child: ChildProcess; url: string }> {
  return startBrowserMode(['--db', dbPath, ...command]);
}

/** The province's workbench (`patent-desk province web`) on its SQLite file or its PostgreSQL database. */
export function startProvinceWeb(store: ProvinceStore): Promise<{ child: ChildProcess; url: string }> {
  return startBrowserMode(provinceArgs(store, 'web'));
}

/** Runs the CLI's browser mode on a free port and resolves with the launch URL it prints. */
async function startBrowserMode(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, ...args, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

/** The province's store for `patent-desk province …`: a SQLite file, or a PostgreSQL database (its URL). */
export type ProvinceStore = { file: string } | { databaseUrl: string };

/** `patent-desk province <command…>` on that store: --db before the command, --database-url after it. */
export function provinceArgs(store: ProvinceStore, ...command: string[]): string[] {
  return 'file' in store
    ? ['--db', store.file, 'province', ...command]
    : ['province', ...command, '--database-url', store.databaseUrl];
}

/** A real provincial endpoint (`patent-desk province serve`) on 127.0.0.1 over the store at db. */
export async function serveProvince(store: string | ProvinceStore): Promise<{ url: string; child: ChildProcess }> {
  const args = provinceArgs(typeof store === 'string' ? { file: store } : store, 'serve', '--port', '0');
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`province serve exited with ${code}`)));
  });
  return { url, child };
}

export const test = base.extend<
  { desk: Desk; freshDesk: Desk },
  { postgres: { newDatabase(name: string): Promise<string> } }
>({
  /** A throw-away PostgreSQL cluster for this worker, started on first use, with a fresh database per call. */
  postgres: [
    async ({}, use) => {
      const cluster = await startPostgres();
      await use({ newDatabase: (name) => createDatabase(cluster.url, name) });
      await cluster.stop();
    },
    { scope: 'worker' },
  ],
  /** A store already set up for 太原市 with an administrator; the page is not yet logged in. */
  desk: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
    const dbPath = path.join(dir, 'desk.db');
    const cli = cliFor(dbPath);
    const init = cli(['init', '--region', '140100', '--admin', ADMIN.username, '--display-name', ADMIN.displayName], {
      PATENT_DESK_PASSWORD: ADMIN.password,
    });
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

/** Opens the desk and signs in; resolves on the page the shell lands on (首页 on a city desk). */
export async function login(
  page: Page,
  desk: Pick<Desk, 'url'>,
  user: { username: string; password: string } = ADMIN,
  landing = '首页',
): Promise<void> {
  await page.goto(desk.url);
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: landing, exact: true })).toBeVisible();
}

/**
 * The first-run form of a store never set up: its first administrator, then the home. (The region is chosen by the
 * caller where the form offers one; the province's workbench has only 山西省.)
 */
export async function completeSetup(
  page: Page,
  admin: { username: string; password: string; displayName: string },
): Promise<void> {
  await page.getByLabel('管理员用户名').fill(admin.username);
  await page.getByLabel('管理员姓名').fill(admin.displayName);
  await page.getByLabel('密码', { exact: true }).fill(admin.password);
  await page.getByLabel('再次输入密码').fill(admin.password);
  await page.getByRole('button', { name: '完成设置并进入' }).click();
  // The first home computes every region's indicators; the machine is shared.
  await expect(page.getByRole('heading', { name: '首页', exact: true })).toBeVisible({ timeout: 60_000 });
}

export type CallResult = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/**
 * Calls the contract with the page's own credentials, as the screens do (renderer/transport/http.ts): the launch token
 * of its address and the session key its tab keeps in sessionStorage, both as headers. There are no cookies.
 */
export async function callAsPage(page: Page, method: string, input: unknown): Promise<CallResult> {
  return page.evaluate(
    async ([method, input]) => {
      const session = sessionStorage.getItem('desk.session');
      const response = await fetch('./api/call', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Desk-Token': new URLSearchParams(location.search).get('t') ?? '',
          ...(session ? { 'X-Desk-Session': session } : {}),
        },
        body: JSON.stringify({ method, input }),
      });
      return (await response.json()) as CallResult;
    },
    [method, input] as const,
  );
}

export interface ApiSession {
  api: APIRequestContext;
  call: (method: string, input: unknown) => Promise<CallResult>;
}

/** A signed-in API client of its own: the launch token and the session key that its login was given, as headers. */
export async function apiAs(desk: Desk, user: { username: string; password: string }): Promise<ApiSession> {
  const api = await request.newContext();
  const url = new URL(desk.url);
  const headers: Record<string, string> = { 'x-desk-token': url.searchParams.get('t')! };
  const call = async (method: string, input: unknown) => {
    const response = await api.post(`${url.origin}/api/call`, { data: { method, input }, headers });
    headers['x-desk-session'] = response.headers()['x-desk-session'] ?? headers['x-desk-session'] ?? '';
    return (await response.json()) as CallResult;
  };
  const login = await call('auth.login', user);
  expect(login.ok, login.error?.message).toBe(true);
  return { api, call };
}

/** Saves a screenshot under tests/e2e/.artifacts/screens for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(ROOT, 'tests', 'e2e', '.artifacts', 'screens', `${name}.png`),
    fullPage: true,
  });
}

/**
 * Chooses `option` in the select labelled `label`, and checks that the select shows it: on a loaded machine a
 * click can land while the dropdown is still opening, and is then lost.
 */
export async function pickOption(page: Page, label: string, option: string): Promise<void> {
  const select = page.locator('.ant-select').filter({ has: page.getByLabel(label, { exact: true }) });
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(async () => {
    if (!(await dropdown.getByTitle(option, { exact: true }).isVisible()))
      await page.getByLabel(label, { exact: true }).click();
    await dropdown.getByTitle(option, { exact: true }).click({ timeout: 5_000 });
    await expect(select).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Chooses `item` in the 导出 menu of the page and resolves with the file it saves. The menu opens on hover; on a
 * loaded machine a hover can land while the list re-renders (the menu never opens), and a click can land on the menu
 * of the last choice while it is still closing (nothing is saved): so wait until no menu is open, hover until the
 * menu shows, and try again when no file comes.
 */
export async function downloadFromExportMenu(
  page: Page,
  item: '导出 Excel（.xlsx）' | '导出 CSV（Excel 可直接打开）',
): Promise<Download> {
  const openMenus = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)');
  const entry = openMenus.getByText(item, { exact: true });
  let download: Download | undefined;
  await expect(async () => {
    await page.mouse.move(0, 0);
    await expect(openMenus).toHaveCount(0, { timeout: 5_000 });
    await page.getByRole('button', { name: /导出/ }).hover();
    await expect(entry).toBeVisible({ timeout: 3_000 });
    [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), entry.click()]);
  }).toPass({ timeout: 90_000 });
  return download!;
}

let printRuns = 0;
/**
 * Opens a print view (`#/evaluation/print?…`, `#/bulletin/print?…`) and waits until it has computed for this very
 * request: the page it replaces may hold a print root that is already ready, with other content.
 */
export async function openPrintView(page: Page, hash: string): Promise<void> {
  const run = `run-${++printRuns}`;
  await page.evaluate((target) => (location.hash = target), `${hash}&run=${run}`);
  await expect(page.getByTestId('print-root')).toHaveAttribute('data-run', run, { timeout: 60_000 });
  await expect(page.getByTestId('print-root')).toHaveAttribute('data-ready', 'true');
}

export { expect };
