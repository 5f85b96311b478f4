import { spawnCli } from '../../tests/testing/runCli';
import type { ProvinceLocation } from '../../core/province/store/openProvinceDb';
import { provinceCommand } from './provinceBackends';

/** A `patent-desk province serve` in a process of its own, with the JSON lines it has logged so far. */
export interface ServeProcess {
  url: string;
  logs: Record<string, unknown>[];
  /** What it wrote to stderr (nothing, when all is well). */
  stderr(): string;
  /** SIGTERM, as a service manager stops it; resolves with its exit code once it is gone. */
  stop(): Promise<number | null>;
}

/** A log line; anything else the server printed is kept as its text, for the test to show. */
function parseLine(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { level: 'error', text: line };
  }
}

/** Starts the real `patent-desk province serve --port 0` on the store; resolves with the URL of its `listening` line. */
export async function startServeProcess(location: ProvinceLocation): Promise<ServeProcess> {
  const child = spawnCli(provinceCommand(location, 'serve', '--port', '0'));
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  let pending = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const entry = parseLine(line);
        logs.push(entry);
        if (entry.event === 'listening') resolve(String(entry.url));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    void exited.then((code) => reject(new Error(`province serve exited with ${code}: ${stderr}`)));
  });
  return {
    url: await url,
    logs,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
