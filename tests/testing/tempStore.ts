import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../../core/service/createService';
import type { DeskService } from '../../core/service/dispatcher';
import type { Actor } from '../../core/service/context';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index';

/** A fresh folder under the system temp dir, removed by the returned cleanup. */
export function tempDir(prefix = 'patent-desk-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const ADMIN_PASSWORD = 'admin-pass-123';

/**
 * A real SQLite store in a temp folder, set up for a region with an administrator 'admin', and a helper that calls
 * the contract as a given actor. Outputs are checked against the contract on every call.
 */
export async function setUpStore(regionCode = '140100', options: { now?: () => Date } = {}) {
  const { dir, cleanup } = tempDir();
  const dbPath = path.join(dir, 'desk.db');
  const service = createService(dbPath, { checkOutputs: true, ...options });
  const setup = await service.call(
    'system.setup',
    { regionCode, adminUsername: 'admin', adminDisplayName: '管理员甲', password: ADMIN_PASSWORD },
    { sessionKey: 'setup' },
  );
  if (!setup.ok) throw new Error(setup.error.message);
  const admin = setup.value as { id: string };
  const adminActor: Actor = { id: admin.id, name: '管理员甲', role: '管理员' };

  async function as<K extends MethodName>(actor: Actor, method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
    const result = await service.call(method, input, { actor });
    if (!result.ok) throw Object.assign(new Error(result.error.message), { serviceError: result.error });
    return result.value as MethodOutput<K>;
  }

  return {
    dir,
    dbPath,
    service,
    adminActor,
    /** Calls as the administrator; throws with the Chinese message when refused. */
    call: <K extends MethodName>(method: K, input: MethodInput<K>) => as(adminActor, method, input),
    as,
    close: () => {
      service.store.close();
      cleanup();
    },
  } satisfies { service: DeskService } & Record<string, unknown>;
}
