import { chromium, type Browser, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createService } from '../core/service/createService';
import { startBrowserMode } from '../core/transport/httpServer';
import type { BenchContext, BenchFigure } from './figure';

// DESIGN §7: one evaluation sheet to PDF ≤ 1 s, all twelve regions ≤ 6 s — the real app in browser mode, driven in
// Debian's Chromium: open the print view, wait for the sheets, save the A4 PDF. Baseline: saving the same, already
// rendered print view once more (Chromium's PDF alone).

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_USER = { username: 'bench', password: 'bench-pass-123' };

function rendererDir(ctx: BenchContext): string {
  const given = process.env.PATENT_DESK_RENDERER_DIR ?? path.join(ROOT, 'dist', 'renderer');
  if (fs.existsSync(path.join(given, 'index.html'))) return given;
  const out = path.join(ctx.tmpDir, 'renderer');
  ctx.log('building the renderer for the PDF figures …');
  const built = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', out],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`vite build failed: ${built.stderr}`);
  return out;
}

async function withDesk<T>(ctx: BenchContext, fn: (page: Page, year: number) => Promise<T>): Promise<T> {
  const service = createService(ctx.dbPath, { open: { mustExist: true } });
  const { launchUrl, server } = await startBrowserMode({ service, rendererDir: rendererDir(ctx), port: 0 });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await page.goto(launchUrl);
    await page.getByLabel('用户名').fill(BENCH_USER.username);
    await page.getByLabel('密码').fill(BENCH_USER.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '首页' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const year =
      (service.store.db.prepare('SELECT max(record_year) FROM deals WHERE voided_at IS NULL').pluck().get() as
        number | null) ?? 2023;
    return await fn(page, year);
  } finally {
    await browser?.close();
    await server.close();
    service.store.close();
  }
}

let printRun = 0;

/** Opens the print view afresh (a new `run` makes it compute and render again), waits for the sheets, saves the PDF. */
async function sheetsToPdf(page: Page, route: string, file: string): Promise<void> {
  const run = ++printRun;
  await page.evaluate(`location.hash = ${JSON.stringify(`${route}&run=${run}`)}`);
  await page
    .locator(`[data-testid="print-root"][data-ready="true"][data-run="${run}"]`)
    .waitFor({ state: 'attached', timeout: 120_000 });
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
}

function pdfFigure(name: string, budget: number, route: (year: number) => string, runs: number): BenchFigure {
  return {
    name,
    unit: 'ms',
    budget,
    run: (ctx) =>
      withDesk(ctx, async (page, year) => {
        const file = path.join(ctx.tmpDir, 'sheet.pdf');
        const value = await ctx.time(() => sheetsToPdf(page, route(year), file), runs);
        const baseline = await ctx.time(() => page.pdf({ path: file, format: 'A4', preferCSSPageSize: true }), runs);
        return { value, baseline, baselineIs: 'Chromium saving the already rendered print view as PDF again' };
      }),
  };
}

export const evaluationPdfFigures: readonly BenchFigure[] = [
  pdfFigure('evaluation: one sheet to PDF (太原)', 1000, (year) => `#/evaluation/print?region=140100&year=${year}`, 3),
  pdfFigure('evaluation: all 12 regions into one PDF', 6000, (year) => `#/evaluation/print?all=1&year=${year}`, 1),
];
