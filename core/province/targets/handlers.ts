import type { provinceTargetsMethods } from '../../../shared/contract/provinceTargets';
import type { HandlersOf } from '../../service/context';
import { sentTargets } from './publishTargets';

export const provinceTargetsHandlers = {
  'provinceTargets.sent': (_input, ctx) => ({ rows: sentTargets(ctx.store.db) }),
} satisfies HandlersOf<typeof provinceTargetsMethods>;
