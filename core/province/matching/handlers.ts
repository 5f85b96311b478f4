import type { provinceMatchingMethods } from '../../../shared/contract/provinceMatching';
import type { HandlersOf } from '../../service/context';
import { poolFunnel } from './poolFunnel';

export const provinceMatchingHandlers = {
  'province.poolFunnel': (input, ctx) => poolFunnel(ctx.store.db, input.year),
} satisfies HandlersOf<typeof provinceMatchingMethods>;
