import { z } from 'zod';
import { method } from './define';
import { nonEmpty } from './common';
import { PROVINCE_CODE } from '../domain/regions';

export const ROLES = ['录入员', '审核员', '管理员', '领导'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The roles an installation offers. The province's workbench records nothing (the cities are the only writers), so
 * it has no 录入员: its officers review (审核员), administer (管理员) or read and print (领导).
 */
export function rolesFor(regionCode: string | undefined): readonly Role[] {
  return regionCode === PROVINCE_CODE ? ROLES.filter((r) => r !== '录入员') : ROLES;
}

export const password = z.string().min(8, '密码至少 8 位').max(200, '密码过长');

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  /** An administrator set this password (new account, reset): the user must choose their own before anything else. */
  mustChangePassword: z.boolean(),
});
export type UserView = z.infer<typeof userView>;

/** User administration, and one's own password (users.* ↔ core/users). */
export const usersMethods = {
  'users.list': method({ access: 'admin', input: z.object({}), output: z.array(userView) }),
  'users.create': method({
    access: 'admin',
    input: z.object({
      username: nonEmpty('用户名', 64).regex(/^[A-Za-z0-9_.-]+$/, '用户名只能用字母、数字、下划线、点和连字符'),
      displayName: nonEmpty('姓名', 64),
      role: z.enum(ROLES, { error: '请选择角色' }),
      password,
    }),
    output: userView,
  }),
  'users.update': method({
    access: 'admin',
    input: z.object({ id: z.string(), role: z.enum(ROLES).optional(), active: z.boolean().optional() }),
    output: userView,
  }),
  /** One's own password; needs the current one. Allowed while a change is required (it is how the user gets out). */
  'users.changePassword': method({
    access: 'user',
    input: z.object({ currentPassword: z.string().min(1, '请填写当前密码'), newPassword: password }),
    output: z.object({}),
  }),
  /**
   * An administrator sets another user's password: the one given, or a generated one-time password returned once.
   * Either way the user must change it at the next login.
   */
  'users.resetPassword': method({
    access: 'admin',
    input: z.object({ id: z.string().min(1), newPassword: password.nullish() }),
    output: z.object({ temporaryPassword: z.string() }),
  }),
};
