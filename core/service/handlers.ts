import type { Handlers } from './context';
import { systemHandlers } from '../system/handlers';
import { authHandlers } from '../users/handlers';
import { indicatorsHandlers } from '../indicators/handlers';

/** Every method of the contract, implemented once. A missing one is a compile error here. */
export const handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...indicatorsHandlers,
} satisfies Handlers;
