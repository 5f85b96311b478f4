import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../testing/runCli';

export interface KilledChild {
  /** Every line the child printed before it was killed. */
  lines: string[];
  signal: NodeJS.Signals | null;
}

/**
 * Runs tests/crash/children/<script> in its own Node process (through tsx, like the CLI) and kills it with SIGKILL —
 * no exit handlers, no finally blocks, like pulling the plug — as soon as `killWhen` holds for the lines printed so
 * far. Rejects if the child ends by itself or never reaches the point.
 */
export function runAndKill(
  script: string,
  args: string[],
  killWhen: (lines: string[]) => boolean,
  timeoutMs = 60_000,
): Promise<KilledChild> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'tests', 'crash', 'children', script), ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not reach the kill point in time; printed:\n${lines.join('\n')}\n${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString();
      const complete = text.split('\n');
      partial = complete.pop()!;
      lines.push(...complete);
      if (!child.killed && killWhen(lines)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && child.killed) resolve({ lines, signal });
      else
        reject(
          new Error(`${script} ended by itself (code ${code}, signal ${signal}):\n${lines.join('\n')}\n${stderr}`),
        );
    });
  });
}

/** The values of the lines that start with `prefix ` (e.g. the contract numbers the child saw committed). */
export function reported(lines: readonly string[], prefix: string): string[] {
  return lines.filter((l) => l.startsWith(`${prefix} `)).map((l) => l.slice(prefix.length + 1));
}
