import type { Handlers } from './context';
import { systemHandlers } from '../system/handlers';
import { authHandlers } from '../users/handlers';
import { filingsHandlers } from '../filings/handlers';
import { indicatorsHandlers } from '../indicators/handlers';
import { syncHandlers } from '../sync/handlers';
import { maintenanceHandlers } from '../backup/handlers';
import { rulesHandlers } from '../rules/handlers';
import { importingHandlers } from '../importing/handlers';

/** Every method of the contract, implemented once. A missing one is a compile error here. */
export const handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...filingsHandlers,
  ...indicatorsHandlers,
  ...syncHandlers,
  ...maintenanceHandlers,
  ...importingHandlers,
  ...rulesHandlers,
} satisfies Handlers;
