import type { provinceTargetsMethods } from '../../../shared/contract/provinceTargets';
import type { HandlersOf } from '../../service/context';
import { sentTargets } from './publishTargets';

export const provinceTargetsHandlers = {
  'provinceTargets.sent': async (_input, ctx) => ({ rows: await sentTargets(ctx.province) }),
} satisfies HandlersOf<typeof provinceTargetsMethods>;
