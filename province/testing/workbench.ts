import { expect } from 'vitest';
import { createService } from '../../core/service/createService';
import type { Actor } from '../../core/service/context';
import type { DeskService } from '../../core/service/dispatcher';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index';

/**
 * The province's workbench over the endpoint's store, as `patent-desk province web` opens it, set up for 140000:
 * its service, its administrator, and `call` as that administrator (a refusal is thrown with its code).
 */
export async function openWorkbench(dbPath: string) {
  const service = createService(dbPath, { province: true, checkOutputs: true });
  const setup = await service.call(
    'system.setup',
    { regionCode: '140000', adminUsername: 'sheng', adminDisplayName: '省级管理员', password: 'sheng-pass-123' },
    { sessionKey: 's' },
  );
  expect(setup.ok, setup.ok ? '' : setup.error.message).toBe(true);
  const admin: Actor = { id: (setup as { value: { id: string } }).value.id, name: '省级管理员', role: '管理员' };
  return {
    service,
    admin,
    call: callAs(service, admin),
    as: (actor: Actor) => callAs(service, actor),
    close: () => service.store.close(),
  };
}

function callAs(service: DeskService, actor: Actor) {
  return async <K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> => {
    const result = await service.call(method, input, { actor });
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as MethodOutput<K>;
  };
}
