import type { UserView } from '../../shared/contract/users';
import type { ServiceContext } from '../service/context';
import { writeProvince } from '../province/store/provinceWriter';
import { DeskError } from '../service/errors';
import { LOCK_AFTER, type LockEvent, type Refusal, type ThrottleScope } from './loginThrottle';
import { dummyHash, verifyPassword } from './passwords';
import { toUserView, USER_COLUMNS, type UserRow } from '../users/users';

/** Who writes the lock and unlock rows: nobody signed in did it. */
const GUARD_ACTOR = { id: null, name: '登录保护', role: '管理员' } as const;

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
}

function refused(refusal: Refusal, nowMs: number): DeskError {
  const who = refusal.scope === 'user' ? '该用户名' : '本机';
  if (refusal.kind === 'locked') {
    return new DeskError(
      'LOGIN_LOCKED',
      `${who}连续登录失败 ${LOCK_AFTER} 次，已暂停登录 15 分钟，请于 ${clock(refusal.untilMs)} 后再试，或请管理员协助`,
    );
  }
  const seconds = Math.ceil((refusal.untilMs - nowMs) / 1000);
  return new DeskError('LOGIN_THROTTLED', `${who}登录失败次数过多，请 ${seconds} 秒后再试`);
}

async function audit(ctx: ServiceContext, events: LockEvent[], username: string): Promise<void> {
  if (events.length === 0) return;
  await writeProvince(ctx.province, GUARD_ACTOR, ctx.now().toISOString(), async (w) => {
    for (const e of events) {
      await w.record({
        action: e.action,
        entity: 'login',
        entityId: `${e.scope}:${e.key}`,
        detail: {
          scope: e.scope,
          username,
          client: e.scope === 'client' ? e.key : undefined,
          until: new Date(e.untilMs).toISOString(),
        },
      });
    }
  });
}

/**
 * auth.login: slowed down after failures per user name and per client (loginThrottle.ts), and the same answer, after
 * the same scrypt work, whether the name exists or the password is wrong, so names cannot be probed.
 */
export async function logIn(input: { username: string; password: string }, ctx: ServiceContext): Promise<UserView> {
  const keys: Record<ThrottleScope, string> = { user: input.username, client: ctx.client };
  const nowMs = ctx.now().getTime();
  const { events, refusal } = ctx.loginThrottle.check(keys, nowMs);
  await audit(ctx, events, input.username);
  if (refusal) throw refused(refusal, nowMs);

  const row = await ctx.province.get<Omit<UserRow, 'active'> & { active: number; passwordHash: string }>(
    `SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM users WHERE username = ?`,
    [input.username],
  );
  const matches = await verifyPassword(input.password, row?.passwordHash ?? (await dummyHash()));
  if (!row || !matches) {
    await audit(ctx, ctx.loginThrottle.fail(keys, ctx.now().getTime()), input.username);
    throw new DeskError('LOGIN_FAILED', '用户名或密码不正确');
  }
  ctx.loginThrottle.succeed(keys);
  if (!row.active) throw new DeskError('LOGIN_FAILED', '该账号已停用，请联系管理员');
  await ctx.setSessionUser(row.id);
  return toUserView(row!);
}
