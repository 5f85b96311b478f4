import type { provinceReviewMethods } from '../../../shared/contract/provinceReview';
import type { HandlersOf } from '../../service/context';
import { listCrossReview, readCrossReview } from './crossReview';
import { decideFinding } from './decideFinding';

export const provinceReviewHandlers = {
  'provinceReview.queue': async (input, ctx) => ({ rows: await listCrossReview(ctx.province, input.status) }),

  'provinceReview.finding': (input, ctx) => readCrossReview(ctx.province, input.fingerprint),

  'provinceReview.decide': async (input, ctx) => {
    const actor = ctx.requireActor();
    await ctx.writeProvince((w) => decideFinding(w, actor.name, input.fingerprint, input.decision, input.reason));
    return readCrossReview(ctx.province, input.fingerprint);
  },
} satisfies HandlersOf<typeof provinceReviewMethods>;
