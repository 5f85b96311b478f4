import { type authMethods, type Role } from '../../shared/contract/auth';
import type { HandlersOf } from '../service/context';
import { DeskError, notFound } from '../service/errors';
import { hashPassword, verifyPassword } from './passwords';
import { createUser, toUserView, USER_COLUMNS } from './users';

type UserRecord = { id: string; username: string; displayName: string; role: Role; active: number };

export const authHandlers = {
  'auth.login': async (input, ctx) => {
    const row = ctx.store.db
      .prepare(`SELECT ${USER_COLUMNS}, password_hash AS passwordHash FROM users WHERE username = ?`)
      .get(input.username) as (UserRecord & { passwordHash: string }) | undefined;
    // One message for an unknown user and a wrong password, so names cannot be probed.
    if (!row || !(await verifyPassword(input.password, row.passwordHash))) {
      throw new DeskError('LOGIN_FAILED', '用户名或密码不正确');
    }
    if (!row.active) throw new DeskError('LOGIN_FAILED', '该账号已停用，请联系管理员');
    ctx.setSessionUser(row.id);
    return toUserView(row);
  },

  'auth.logout': (_input, ctx) => {
    ctx.setSessionUser(null);
    return {};
  },

  'auth.me': (_input, ctx) => {
    if (!ctx.actor?.id) return null;
    const row = ctx.store.db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(ctx.actor.id) as UserRecord | undefined;
    return row ? toUserView(row) : null;
  },

  'users.list': (_input, ctx) =>
    (ctx.store.db.prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY created_at`).all() as UserRecord[]).map(toUserView),

  'users.create': async (input, ctx) => {
    const user = await createUser.prepare(input.username, input.displayName, input.role, input.password);
    return toUserView(ctx.write((w) => createUser.insert(w, user)));
  },

  'users.update': (input, ctx) => {
    const actor = ctx.requireActor();
    if (input.id === actor.id && (input.active === false || (input.role && input.role !== '管理员'))) {
      throw new DeskError('VALIDATION', '不能停用自己或取消自己的管理员角色，请由另一位管理员操作');
    }
    return ctx.write((w) => {
      const row = w.db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(input.id) as UserRecord | undefined;
      if (!row) throw notFound('该用户');
      const role = input.role ?? row.role;
      const active = input.active ?? Boolean(row.active);
      w.db.prepare('UPDATE users SET role = ?, active = ?, updated_at = ? WHERE id = ?').run(role, active ? 1 : 0, w.at, row.id);
      w.record({ action: 'users.update', entity: 'user', entityId: row.id, detail: { role, active } });
      return toUserView({ ...row, role, active });
    });
  },

  'users.changePassword': async (input, ctx) => {
    const actor = ctx.requireActor();
    if (!actor.id) throw new DeskError('FORBIDDEN', '命令行身份没有密码');
    const row = ctx.store.db.prepare('SELECT password_hash AS passwordHash FROM users WHERE id = ?').get(actor.id) as { passwordHash: string };
    if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
      throw new DeskError('VALIDATION', '当前密码不正确', { field: 'currentPassword' });
    }
    const passwordHash = await hashPassword(input.newPassword);
    ctx.write((w) => {
      w.db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, w.at, actor.id);
      w.record({ action: 'users.changePassword', entity: 'user', entityId: actor.id, detail: {} });
    });
    return {};
  },
} satisfies HandlersOf<typeof authMethods>;
