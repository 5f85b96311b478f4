import type { Role } from '../../shared/contract/users';
import type { Access, MethodSpec } from '../../shared/contract/define';
import { PROVINCE_CODE } from '../../shared/domain/regions';
import { contract, isMethodName, type MethodName } from '../../shared/contract/index';
import type { Result } from '../../shared/contract/result';
import type { Store } from '../store/store';
import { runPlan, runPlanAsync } from '../store/readPlan';
import {
  type Actor,
  createWriter,
  type Handlers,
  requireActorOf,
  type ServiceContext,
  type ServiceOptions,
} from './context';
import { DeskError, diskFullError, isDiskFull } from './errors';
import { zodIssues } from './zodIssues';
import { LoginThrottle } from '../auth/loginThrottle';
import { DatabaseSessions, idleLimitMs, SessionTable, type Sessions } from '../auth/sessions';
import type { ProvinceDb } from '../province/store/provinceDb';
import { sqliteProvinceDb } from '../province/store/sqliteProvinceDb';
import { writeProvince } from '../province/store/provinceWriter';
import { readUser } from '../users/users';
import { readInstallationOn } from '../system/installation';

const ALLOWED: Record<Exclude<Access, 'public' | 'user'>, readonly Role[]> = {
  entry: ['录入员', '管理员'],
  review: ['审核员', '管理员'],
  admin: ['管理员'],
};

/** What a signed-in user whose password an administrator set may still do: change it, or leave. */
const WHILE_PASSWORD_CHANGE_REQUIRED: ReadonlySet<MethodName> = new Set(['users.changePassword', 'auth.logout']);

/**
 * How a transport names its caller: a session key (desktop window, browser tab) or a fixed actor (CLI). A transport
 * whose keys come from the client (browser mode) passes onNewSession: a login then gets a fresh key from here, handed
 * back through it, and the key the client sent is never bound to a user.
 */
export type Caller = { sessionKey: string; client?: string; onNewSession?: (key: string) => void } | { actor: Actor };

/** The service over any store: what a transport (browser mode, the desktop shell) needs of it. */
export interface Service {
  call(method: string, input: unknown, caller: Caller): Promise<Result<unknown>>;
  readonly options: ServiceOptions;
}

/** The service over a desk's SQLite store (a city's, or the province's file). */
export interface DeskService extends Service {
  readonly store: Store;
}

/**
 * Where the service keeps its data: a desk's SQLite store, seen through the province's interface too; or the
 * province's PostgreSQL database, which has only that interface (`store` null: a method that still needs one says so).
 */
interface ServiceData {
  store: Store | null;
  province: ProvinceDb;
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
  return { ...dispatch({ store, province: sqliteProvinceDb(store) }, handlers, config), store };
}

/** The province's workbench over its PostgreSQL database. */
export function createProvinceDispatcher(db: ProvinceDb, handlers: Handlers, config: ServiceConfig): Service {
  return dispatch({ store: null, province: db }, handlers, config);
}

/** What a method that still needs the desk's SQLite store answers on the province's PostgreSQL database. */
function notOnPostgres(): never {
  throw new DeskError(
    'NOT_ON_POSTGRES',
    '省级工作台在 PostgreSQL 数据库上暂不提供此功能（仍需 SQLite 数据库文件）；请用 --db 打开省级 SQLite 数据库后再使用',
  );
}

/** The province's database server does not answer (it is down or restarting): nothing was saved, try again. */
function databaseUnreachable(): DeskError {
  return new DeskError(
    'STORE_UNAVAILABLE',
    '省级数据库暂时无法访问（数据中心的数据库服务器没有响应），本次操作未保存。请稍后重试；如持续出现，请联系数据中心。',
  );
}

function dispatch(data: ServiceData, handlers: Handlers, config: ServiceConfig): Service {
  const { store, province } = data;
  // One process holds a desk's sessions; the province's PostgreSQL database holds them for all its front ends.
  const sessions: Sessions = province.dialect === 'postgres' ? new DatabaseSessions(province) : new SessionTable();
  const loginThrottle = new LoginThrottle();
  const now = config.now ?? (() => new Date());

  /** The session's user; an idle session is ended here, and said so to a call that needs a user. */
  async function actorOfSession(
    sessionKey: string,
    access: Access,
  ): Promise<(Actor & { mustChangePassword: boolean }) | null> {
    const found = await sessions.lookup(sessionKey, now().getTime(), await idleLimitMs(province));
    if (!found.userId) {
      if (found.expired && access !== 'public')
        throw new DeskError('UNAUTHENTICATED', '长时间未操作，已自动退出登录，请重新登录');
      return null;
    }
    const row = await readUser(province, found.userId);
    if (!row || !row.active) {
      await sessions.drop(sessionKey);
      return null;
    }
    return { id: row.id, name: row.displayName, role: row.role, mustChangePassword: row.mustChangePassword === 1 };
  }

  async function setSessionUser(caller: Caller, sessionKey: string, userId: string | null): Promise<void> {
    if (!userId || !('sessionKey' in caller)) return sessions.drop(sessionKey);
    if (!caller.onNewSession) return sessions.bind(sessionKey, userId, now().getTime());
    await sessions.drop(sessionKey);
    caller.onNewSession(await sessions.issue(userId, now().getTime()));
  }

  // The installation's region never changes once set up: read until it is there, then kept.
  let installationRegion: string | undefined;
  const regionOfInstallation = async () => (installationRegion ??= (await readInstallationOn(province))?.regionCode);

  /** A city method on the province's workbench, or a province method on a city desk, is refused before anything runs. */
  async function checkScope(spec: MethodSpec): Promise<void> {
    const scope = spec.scope ?? (spec.access === 'entry' ? 'city' : undefined);
    if (!scope) return;
    const region = await regionOfInstallation();
    if (region === undefined) return; // not set up yet: only public methods get this far
    const isProvince = region === PROVINCE_CODE;
    if (scope === 'province' && !isProvince) throw new DeskError('WRONG_INSTALLATION', '此功能只在省级工作台可用');
    if (scope === 'city' && isProvince)
      throw new DeskError('WRONG_INSTALLATION', '省级工作台只查看各地市报送的记录，不能录入或修改');
  }

  async function run(method: MethodName, rawInput: unknown, caller: Caller): Promise<unknown> {
    const spec = contract[method];
    await checkScope(spec);
    const sessionKey = 'sessionKey' in caller ? caller.sessionKey : 'cli';
    const session = 'actor' in caller ? null : await actorOfSession(caller.sessionKey, spec.access);
    const actor: Actor | null =
      'actor' in caller ? caller.actor : session && { id: session.id, name: session.name, role: session.role };
    if (spec.access !== 'public') {
      const who = requireActorOf(actor);
      if (spec.access !== 'user' && !ALLOWED[spec.access].includes(who.role)) {
        throw new DeskError('FORBIDDEN', `当前角色（${who.role}）无权进行此操作`);
      }
      if (session?.mustChangePassword && !WHILE_PASSWORD_CHANGE_REQUIRED.has(method)) {
        throw new DeskError('PASSWORD_CHANGE_REQUIRED', '管理员为您设置的密码须先修改：请修改密码后再使用工作台');
      }
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      throw new DeskError('VALIDATION', issues[0]?.message ?? '输入有误', { field: issues[0]?.field, issues });
    }
    const ctx: ServiceContext = {
      get store() {
        return store ?? notOnPostgres();
      },
      options: config,
      actor,
      sessionKey,
      client: ('sessionKey' in caller && caller.client) || sessionKey,
      now,
      setSessionUser: (userId) => setSessionUser(caller, sessionKey, userId),
      loginThrottle,
      requireActor: () => requireActorOf(actor),
      write: (fn) => {
        const who = requireActorOf(actor);
        return (store ?? notOnPostgres()).transaction((db) => fn(createWriter(db, who, now().toISOString())));
      },
      writeInSteps: (fn) => {
        const who = requireActorOf(actor);
        return (store ?? notOnPostgres()).transactionInSteps((db) => fn(createWriter(db, who, now().toISOString())));
      },
      province,
      read: (plan) => (store ? runPlan(store.db, plan('sqlite')) : runPlanAsync(province, plan('postgres'))),
      writeProvince: (fn) => writeProvince(province, requireActorOf(actor), now().toISOString(), fn),
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
    options: config,
    async call(method, input, caller) {
      if (!isMethodName(method)) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的操作：${method}` } };
      }
      try {
        return { ok: true, value: await run(method, input, caller) };
      } catch (error) {
        if (error instanceof DeskError) return { ok: false, error: error.toServiceError() };
        if (isDiskFull(error)) return { ok: false, error: diskFullError().toServiceError() };
        config.log?.({ level: 'error', method, error: (error as Error).stack ?? String(error) });
        if (province.unreachable(error)) return { ok: false, error: databaseUnreachable().toServiceError() };
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: '程序内部出错，本次操作未保存。请重试；如仍出错，请联系管理员并提供日志。',
          },
        };
      }
    },
  };
}
