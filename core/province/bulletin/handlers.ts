import type { bulletinMethods } from '../../../shared/contract/bulletin';
import { todayIso } from '../../../shared/domain/dates';
import type { HandlersOf } from '../../service/context';
import { computeBulletin } from './bulletin';

export const bulletinHandlers = {
  'bulletin.build': (input, ctx) => computeBulletin(ctx.province, input, todayIso(ctx.now())),
} satisfies HandlersOf<typeof bulletinMethods>;
