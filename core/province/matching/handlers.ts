import type { provinceMatchingMethods } from '../../../shared/contract/provinceMatching';
import type { HandlersOf } from '../../service/context';
import { poolFunnel } from './poolFunnel';

export const provinceMatchingHandlers = {
  'province.poolFunnel': (input, ctx) => ctx.read((dialect) => poolFunnel(input.year, dialect)),
} satisfies HandlersOf<typeof provinceMatchingMethods>;
