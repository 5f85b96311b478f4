import { expect } from 'vitest';
import { createProvinceService, createService } from '../../core/service/createService';
import type { Actor } from '../../core/service/context';
import type { DeskService, Service } from '../../core/service/dispatcher';
import type { ProvinceLocation } from '../../core/province/store/openProvinceDb';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index';

type Opened<S extends Service> = { service: S; close: () => Promise<void> | void };

/** The service's clock (a test moves it to see a session run out). */
type Clock = { now?: () => Date };

/** The workbench's service on a SQLite file, as `patent-desk province web --db` opens it. */
function onFile(file: string, clock: Clock = {}): Opened<DeskService> {
  const service = createService(file, { province: true, checkOutputs: true, ...clock });
  return { service, close: () => service.store.close() };
}

/**
 * The province's workbench over the endpoint's store, set up for 140000: its service, its administrator, `call` as
 * that administrator and `as` another actor (a refusal is thrown with its code). A file path gives the desk service
 * (its SQLite store readable by the test); a location of either backend gives the service `province web` serves.
 */
export async function openWorkbench(file: string): Promise<Workbench<DeskService>>;
export async function openWorkbench(at: ProvinceLocation, clock?: Clock): Promise<Workbench<Service>>;
export async function openWorkbench(at: string | ProvinceLocation, clock: Clock = {}): Promise<Workbench<Service>> {
  if (typeof at === 'string') return setUp(onFile(at));
  if ('file' in at) return setUp(onFile(at.file, clock));
  return setUp(await createProvinceService(at.databaseUrl, { checkOutputs: true, ...clock }));
}

export type Workbench<S extends Service> = Awaited<ReturnType<typeof setUp<S>>>;

async function setUp<S extends Service>({ service, close }: Opened<S>) {
  const setup = await service.call(
    'system.setup',
    { regionCode: '140000', adminUsername: 'sheng', adminDisplayName: '省级管理员', password: 'sheng-pass-123' },
    { sessionKey: 's' },
  );
  expect(setup.ok, setup.ok ? '' : setup.error.message).toBe(true);
  const admin: Actor = { id: (setup as { value: { id: string } }).value.id, name: '省级管理员', role: '管理员' };
  async function as<K extends MethodName>(actor: Actor, method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
    const result = await service.call(method, input, { actor });
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as MethodOutput<K>;
  }
  return {
    service,
    admin,
    call: <K extends MethodName>(method: K, input: MethodInput<K>) => as(admin, method, input),
    as,
    close,
  };
}
