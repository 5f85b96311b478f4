import type { Handlers } from './context';
import { systemHandlers } from '../system/handlers';
import { authHandlers } from '../users/handlers';

/** Every method of the contract, implemented once. A missing one is a compile error here. */
export const handlers = {
  ...systemHandlers,
  ...authHandlers,
} satisfies Handlers;
