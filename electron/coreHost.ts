// Runs in an Electron utilityProcess: the store and every service live here, never in the main process or renderer.
import fs from 'node:fs';
import { createService } from '../core/service/createService';
import { DeskError } from '../core/service/errors';
import { fileKeyVault, keyFilePath, PLAIN_SEALER } from '../core/sync/keyVault';
import { startSyncScheduler } from '../core/sync/scheduler';
import type { MethodOutput } from '../shared/contract/index';
import type { Result } from '../shared/contract/result';
import { MAX_BATCH_BYTES } from '../shared/sync/batch';
import { batchFileVerdict } from './batchFileVerdict';
import type { FromCore, ToCore } from './hostMessages';
import { isSealReply, SAFE_STORAGE, sealerOverPort } from './keySealing';

const dbPath = process.argv[2];
if (!dbPath) throw new Error('coreHost needs the database path as its first argument');
const send = (message: FromCore) => process.parentPort.postMessage(message);
// The main process says whether the OS seals the private key (safeStorage) or it stays as the CLI keeps it.
const sealing = sealerOverPort(send);
const sealer = process.argv[3] === SAFE_STORAGE ? sealing.sealer : PLAIN_SEALER;

let open: { service: ReturnType<typeof createService> } | { failure: Result<never> };
try {
  const log = (line: Record<string, unknown>) => console.error(JSON.stringify(line));
  const service = createService(dbPath, { log, keyVault: fileKeyVault(keyFilePath(dbPath), sealer) });
  startSyncScheduler(service, { log });
  open = { service };
} catch (error) {
  // A damaged or missing store must reach the window as a message, never as a blank screen.
  const message =
    error instanceof DeskError
      ? error.toServiceError()
      : { code: 'STORE_OPEN_FAILED' as const, message: (error as Error).message };
  open = { failure: { ok: false, error: message } };
}

process.parentPort.on('message', ({ data }: { data: ToCore }) => {
  if (isSealReply(data)) return sealing.receive(data);
  const reply = (result: Result<unknown>) => send({ id: data.id, result });
  if ('failure' in open) return reply(open.failure);
  if ('batchFile' in data) return void readBatchFile(open.service, data.batchFile).then(reply);
  void open.service.call(data.method, data.input, { sessionKey: data.sessionKey }).then(reply);
});

async function readBatchFile(service: ReturnType<typeof createService>, file: string): Promise<Result<unknown>> {
  let text: string | Error;
  try {
    // A file larger than the province takes is not a batch: read no further than that.
    text =
      fs.statSync(file).size > MAX_BATCH_BYTES ? new Error('文件大于报送文件的上限') : fs.readFileSync(file, 'utf8');
  } catch (error) {
    text = error as Error;
  }
  const status = await service.call('system.status', {}, { sessionKey: 'desktop-shell' });
  const here = status.ok
    ? (status.value as MethodOutput<'system.status'>)
    : { setUp: false, region: null, installationId: null };
  return {
    ok: true,
    value: batchFileVerdict(file, text, {
      setUp: here.setUp,
      region: here.region?.code ?? null,
      installationId: here.installationId,
    }),
  };
}
