import type { provinceReviewMethods } from '../../../shared/contract/provinceReview';
import type { HandlersOf } from '../../service/context';
import { listCrossReview, readCrossReview } from './crossReview';
import { decideFinding } from './decideFinding';

export const provinceReviewHandlers = {
  'provinceReview.queue': (input, ctx) => ({ rows: listCrossReview(ctx.store.db, input.status) }),

  'provinceReview.finding': (input, ctx) => readCrossReview(ctx.store.db, input.fingerprint),

  'provinceReview.decide': (input, ctx) => {
    const actor = ctx.requireActor();
    ctx.write((w) => decideFinding(w, actor.name, input.fingerprint, input.decision, input.reason));
    return readCrossReview(ctx.store.db, input.fingerprint);
  },
} satisfies HandlersOf<typeof provinceReviewMethods>;
