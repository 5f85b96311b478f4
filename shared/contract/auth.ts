import { z } from 'zod';
import { method } from './define';
import { nonEmpty } from './common';
import { userView } from './users';

/** Signing in and out, and who is signed in (auth.* ↔ core/auth). */
export const authMethods = {
  'auth.login': method({
    access: 'public',
    input: z.object({ username: nonEmpty('用户名', 64), password: z.string().min(1, '请填写密码') }),
    output: userView,
  }),
  'auth.logout': method({ access: 'user', input: z.object({}), output: z.object({}) }),
  /** The signed-in user, or null before login. */
  'auth.me': method({ access: 'public', input: z.object({}), output: userView.nullable() }),
};
