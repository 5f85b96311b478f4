import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'bin', 'patent-desk.mjs');
const PEAK_RSS_HOOK = path.join(ROOT, 'tests', 'testing', 'peakRssHook.mjs');

/** Runs the real `patent-desk` command in a child process. */
export function runCli(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    input,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the real `patent-desk` command without waiting for it, for a test that serves it from this process. */
export function startCli(args: string[]) {
  return spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: 'ignore' });
}

/** Starts the real `patent-desk` command with its output piped to this process (a server whose log a test reads). */
export function spawnCli(args: string[]) {
  return spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the real `patent-desk` command without blocking this process, for a command that talks to a server run here. */
export function runCliAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Runs the real `patent-desk` command and reads its peak resident set (getrusage's maxRSS, written by a preloaded
 * hook as the process exits): memory measured in the child itself, not guessed from this test process.
 */
export function runCliMeasured(args: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peak-rss-'));
  const out = path.join(dir, 'peak-kb');
  try {
    const r = spawnSync(process.execPath, ['--import', PEAK_RSS_HOOK, CLI, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PEAK_RSS_FILE: out },
      maxBuffer: 256 * 1024 * 1024,
    });
    const peakMb = Number(fs.readFileSync(out, 'utf8')) / 1024;
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, peakMb };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
