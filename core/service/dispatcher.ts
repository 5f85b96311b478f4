import type { Role } from '../../shared/contract/auth';
import type { Access } from '../../shared/contract/define';
import { contract, isMethodName, type MethodName } from '../../shared/contract/index';
import type { Result } from '../../shared/contract/result';
import type { Store } from '../store/store';
import { type Actor, createWriter, type Handlers, requireActorOf, type ServiceContext, type ServiceOptions } from './context';
import { DeskError } from './errors';
import { zodIssues } from './zodIssues';

const ALLOWED: Record<Exclude<Access, 'public' | 'user'>, readonly Role[]> = {
  entry: ['录入员', '管理员'],
  review: ['审核员', '管理员'],
  admin: ['管理员'],
};

/** How a transport names its caller: a session it keeps (desktop window, browser cookie) or a fixed actor (CLI). */
export type Caller = { sessionKey: string } | { actor: Actor };

export interface DeskService {
  call(method: string, input: unknown, caller: Caller): Promise<Result<unknown>>;
  readonly store: Store;
  readonly options: ServiceOptions;
}

export interface ServiceConfig extends ServiceOptions {
  /** Validate every output against the contract too (tests do; production trusts core). */
  checkOutputs?: boolean;
  log?: (line: Record<string, unknown>) => void;
}

/**
 * The one place where a call is parsed, authorized, run and wrapped into {ok, value} | {ok: false, error}.
 * Inputs are untrusted whatever the transport.
 */
export function createDispatcher(store: Store, handlers: Handlers, config: ServiceConfig): DeskService {
  const sessions = new Map<string, string>();
  const now = config.now ?? (() => new Date());
  const userById = store.db.prepare('SELECT id, display_name AS name, role, active FROM users WHERE id = ?');

  function actorOfSession(sessionKey: string): Actor | null {
    const userId = sessions.get(sessionKey);
    if (!userId) return null;
    const row = userById.get(userId) as { id: string; name: string; role: Role; active: number } | undefined;
    if (!row || !row.active) {
      sessions.delete(sessionKey);
      return null;
    }
    return { id: row.id, name: row.name, role: row.role };
  }

  async function run(method: MethodName, rawInput: unknown, caller: Caller): Promise<unknown> {
    const spec = contract[method];
    const sessionKey = 'sessionKey' in caller ? caller.sessionKey : 'cli';
    const actor = 'actor' in caller ? caller.actor : actorOfSession(caller.sessionKey);
    if (spec.access !== 'public') {
      const who = requireActorOf(actor);
      if (spec.access !== 'user' && !ALLOWED[spec.access].includes(who.role)) {
        throw new DeskError('FORBIDDEN', `当前角色（${who.role}）无权进行此操作`);
      }
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      throw new DeskError('VALIDATION', issues[0]?.message ?? '输入有误', { field: issues[0]?.field, issues });
    }
    const ctx: ServiceContext = {
      store,
      options: config,
      actor,
      sessionKey,
      now,
      setSessionUser: (userId) => (userId ? sessions.set(sessionKey, userId) : sessions.delete(sessionKey)),
      requireActor: () => requireActorOf(actor),
      write: (fn) => {
        const who = requireActorOf(actor);
        return store.transaction((db) => fn(createWriter(db, who, now().toISOString())));
      },
    };
    const handler = handlers[method] as (input: unknown, ctx: ServiceContext) => unknown;
    const value = await handler(parsed.data, ctx);
    if (config.checkOutputs) {
      const checked = spec.output.safeParse(value);
      if (!checked.success) throw new Error(`output of ${method} breaks the contract: ${checked.error.message}`);
    }
    return value;
  }

  return {
    store,
    options: config,
    async call(method, input, caller) {
      if (!isMethodName(method)) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的操作：${method}` } };
      }
      try {
        return { ok: true, value: await run(method, input, caller) };
      } catch (error) {
        if (error instanceof DeskError) return { ok: false, error: error.toServiceError() };
        const sqliteCode = (error as { code?: string }).code;
        if (sqliteCode === 'SQLITE_FULL') {
          return { ok: false, error: { code: 'DISK_FULL', message: '磁盘空间已满，本次操作未保存。请清理磁盘空间后重试，已保存的数据不受影响。' } };
        }
        config.log?.({ level: 'error', method, error: (error as Error).stack ?? String(error) });
        return { ok: false, error: { code: 'INTERNAL', message: '程序内部出错，本次操作未保存。请重试；如仍出错，请联系管理员并提供日志。' } };
      }
    },
  };
}
