import type { Command } from 'commander';
import type { MethodInput, MethodName, MethodOutput } from '../shared/contract/index';
import { createService } from '../core/service/createService';
import type { Actor } from '../core/service/context';
import type { DeskService } from '../core/service/dispatcher';
import { DeskError, diskFullError, isDiskFull } from '../core/service/errors';
import { resolveDbPath } from '../core/store/paths';

export interface GlobalOptions {
  db?: string;
  user?: string;
}

/** Thrown to end a command with a Chinese message and a non-zero exit; main prints it. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export function cliActor(options: GlobalOptions): Actor {
  return { id: null, name: options.user ?? 'cli', role: '管理员' };
}

/** `province`: the store is the province's workbench (see createService). */
export function openCliService(options: GlobalOptions, mustExist = true, province = false): DeskService {
  return createService(resolveDbPath(options.db), { open: { mustExist }, province });
}

/** Runs `fn` on the service of the command's store and closes the store however `fn` ends. */
export async function withCliService<T>(
  options: GlobalOptions,
  fn: (service: DeskService) => T | Promise<T>,
  mustExist = true,
): Promise<T> {
  const service = openCliService(options, mustExist);
  try {
    return await fn(service);
  } finally {
    service.store.close();
  }
}

/** Calls one contract method in process as the CLI actor; a refused call ends the command with its message. */
export async function callCore<K extends MethodName>(
  service: DeskService,
  options: GlobalOptions,
  method: K,
  input: MethodInput<K>,
): Promise<MethodOutput<K>> {
  const result = await service.call(method, input, { actor: cliActor(options) });
  if (!result.ok) throw new CliFailure(result.error.message);
  return result.value as MethodOutput<K>;
}

export function failureMessage(error: unknown): string {
  if (error instanceof CliFailure || error instanceof DeskError) return error.message;
  if (isDiskFull(error)) return diskFullError().message;
  return `出错了：${(error as Error).message ?? String(error)}`;
}
