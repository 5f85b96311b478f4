import type { Handlers } from './context';
import { systemHandlers } from '../system/handlers';
import { authHandlers } from '../auth/handlers';
import { usersHandlers } from '../users/handlers';
import { filingsHandlers } from '../filings/handlers';
import { indicatorsHandlers } from '../indicators/handlers';
import { syncHandlers } from '../sync/handlers';
import { backupHandlers } from '../backup/handlers';
import { rulesHandlers } from '../rules/handlers';
import { importingHandlers } from '../importing/handlers';
import { exportingHandlers } from '../exporting/handlers';
import { matchingHandlers } from '../matching/handlers';
import { bulletinHandlers } from '../province/bulletin/handlers';
import { provinceReviewHandlers } from '../province/review/handlers';
import { provinceTargetsHandlers } from '../province/targets/handlers';
import { provinceNoticesHandlers } from '../province/notices/handlers';
import { provinceHomeHandlers } from '../province/home/handlers';
import { provinceMatchingHandlers } from '../province/matching/handlers';
import { provinceInstallationsHandlers } from '../province/installations/handlers';

/** Every method of the contract, implemented once. A missing one is a compile error here. */
export const handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...filingsHandlers,
  ...indicatorsHandlers,
  ...syncHandlers,
  ...backupHandlers,
  ...importingHandlers,
  ...exportingHandlers,
  ...rulesHandlers,
  ...matchingHandlers,
  ...bulletinHandlers,
  ...provinceReviewHandlers,
  ...provinceTargetsHandlers,
  ...provinceNoticesHandlers,
  ...provinceHomeHandlers,
  ...provinceMatchingHandlers,
  ...provinceInstallationsHandlers,
} satisfies Handlers;
