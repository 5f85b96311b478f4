import { type Role, rolesFor, type usersMethods } from '../../shared/contract/users';
import { readInstallationOn } from '../system/installation';
import type { ProvinceSql } from '../province/store/provinceDb';
import type { HandlersOf } from '../service/context';
import { DeskError, notFound } from '../service/errors';
import { generatePassword, hashPassword, verifyPassword } from '../auth/passwords';
import { createUser, readUser, type StoredUser, toUserView, USER_COLUMNS } from './users';

/** A role this installation does not offer (录入员 at the province) is refused, saying which roles it has. */
async function requireOfferedRole(db: ProvinceSql, role: Role | undefined): Promise<void> {
  if (!role) return;
  const offered = rolesFor((await readInstallationOn(db))?.regionCode);
  if (offered.includes(role)) return;
  const message = `省级工作台不录入记录，没有“${role}”角色；请选择${offered.join('、')}`;
  throw new DeskError('VALIDATION', message, { field: 'role', issues: [{ field: 'role', message }] });
}

export const usersHandlers = {
  'users.list': async (_input, ctx) =>
    (await ctx.province.all<StoredUser>(`SELECT ${USER_COLUMNS} FROM users ORDER BY created_at`)).map(toUserView),

  'users.create': async (input, ctx) => {
    await requireOfferedRole(ctx.province, input.role);
    // The administrator knows this password: the new user replaces it at the first login.
    const user = await createUser.prepare(input.username, input.displayName, input.role, input.password, true);
    return toUserView(await ctx.writeProvince((w) => createUser.insert(w, user)));
  },

  'users.update': async (input, ctx) => {
    const actor = ctx.requireActor();
    if (input.id === actor.id && (input.active === false || (input.role && input.role !== '管理员'))) {
      throw new DeskError('VALIDATION', '不能停用自己或取消自己的管理员角色，请由另一位管理员操作');
    }
    await requireOfferedRole(ctx.province, input.role);
    return ctx.writeProvince(async (w) => {
      const row = await readUser(w.tx, input.id);
      if (!row) throw notFound('该用户');
      const role = input.role ?? row.role;
      const active = input.active ?? Boolean(row.active);
      await w.tx.run('UPDATE users SET role = ?, active = ?, updated_at = ? WHERE id = ?', [
        role,
        active ? 1 : 0,
        w.at,
        row.id,
      ]);
      await w.record({ action: 'users.update', entity: 'user', entityId: row.id, detail: { role, active } });
      return toUserView({ ...row, role, active: active ? 1 : 0 });
    });
  },

  'users.changePassword': async (input, ctx) => {
    const actor = ctx.requireActor();
    if (!actor.id) throw new DeskError('FORBIDDEN', '命令行身份没有密码');
    const row = (await ctx.province.get<{ passwordHash: string; mustChange: number }>(
      'SELECT password_hash AS "passwordHash", must_change_password AS "mustChange" FROM users WHERE id = ?',
      [actor.id],
    ))!;
    if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
      throw new DeskError('VALIDATION', '当前密码不正确', {
        field: 'currentPassword',
        issues: [{ field: 'currentPassword', message: '当前密码不正确' }],
      });
    }
    // The point of a required change is that the administrator no longer knows the password.
    if (row.mustChange && input.newPassword === input.currentPassword) {
      const message = '新密码不能与管理员设置的密码相同，请另设一个';
      throw new DeskError('VALIDATION', message, { field: 'newPassword', issues: [{ field: 'newPassword', message }] });
    }
    const passwordHash = await hashPassword(input.newPassword);
    await ctx.writeProvince(async (w) => {
      await w.tx.run('UPDATE users SET password_hash = ?, must_change_password = 0, updated_at = ? WHERE id = ?', [
        passwordHash,
        w.at,
        actor.id,
      ]);
      await w.record({
        action: 'users.changePassword',
        entity: 'user',
        entityId: actor.id,
        detail: { required: Boolean(row.mustChange) },
      });
    });
    return {};
  },

  'users.resetPassword': async (input, ctx) => {
    const actor = ctx.requireActor();
    if (input.id === actor.id) throw new DeskError('VALIDATION', '不能重置自己的密码，请在右上角用户菜单中“修改密码”');
    const temporaryPassword = input.newPassword ?? generatePassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await ctx.writeProvince(async (w) => {
      const row = await readUser(w.tx, input.id);
      if (!row) throw notFound('该用户');
      await w.tx.run('UPDATE users SET password_hash = ?, must_change_password = 1, updated_at = ? WHERE id = ?', [
        passwordHash,
        w.at,
        row.id,
      ]);
      // Never the password itself: who reset whose, and whether the desk generated it.
      await w.record({
        action: 'users.resetPassword',
        entity: 'user',
        entityId: row.id,
        detail: { username: row.username, generated: !input.newPassword },
      });
    });
    return { temporaryPassword };
  },
} satisfies HandlersOf<typeof usersMethods>;
