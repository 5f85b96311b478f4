// Runs in an Electron utilityProcess: the store and every service live here, never in the main process or renderer.
import { createService } from '../core/service/createService';
import { startSyncScheduler } from '../core/sync/scheduler';

export interface HostRequest {
  id: number;
  method: string;
  input: unknown;
  sessionKey: string;
}

const dbPath = process.argv[2];
if (!dbPath) throw new Error('coreHost needs the database path as its first argument');

let service: ReturnType<typeof createService> | null = null;
let openFailure: { code: string; message: string } | null = null;
try {
  const log = (line: Record<string, unknown>) => console.error(JSON.stringify(line));
  service = createService(dbPath, { log });
  startSyncScheduler(service, { log });
} catch (error) {
  // A damaged or missing store must reach the window as a message, never as a blank screen.
  const e = error as { code?: string; message: string };
  openFailure = { code: e.code ?? 'STORE_OPEN_FAILED', message: e.message };
}

process.parentPort.on('message', (event) => {
  const request = event.data as HostRequest;
  const reply = (result: unknown) => process.parentPort.postMessage({ id: request.id, result });
  if (!service) return reply({ ok: false, error: openFailure });
  void service.call(request.method, request.input, { sessionKey: request.sessionKey }).then(reply);
});
