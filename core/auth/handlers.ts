import type { authMethods } from '../../shared/contract/auth';
import type { HandlersOf } from '../service/context';
import { readUser, toUserView } from '../users/users';
import { logIn } from './login';

export const authHandlers = {
  'auth.login': logIn,

  'auth.logout': async (_input, ctx) => {
    await ctx.setSessionUser(null);
    return {};
  },

  'auth.me': async (_input, ctx) => {
    if (!ctx.actor?.id) return null;
    const row = await readUser(ctx.province, ctx.actor.id);
    return row ? toUserView(row) : null;
  },
} satisfies HandlersOf<typeof authMethods>;
