import type { provinceHomeMethods } from '../../../shared/contract/provinceHome';
import type { HandlersOf } from '../../service/context';
import { computeProvinceHome } from './overview';

export const provinceHomeHandlers = {
  'province.home': (input, ctx) => computeProvinceHome(ctx.province, input.year),
} satisfies HandlersOf<typeof provinceHomeMethods>;
