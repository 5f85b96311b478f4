import type { MethodInput } from '../../shared/contract/index';
import type { provinceNoticesMethods } from '../../shared/contract/provinceNotices';
import type { provinceReviewMethods } from '../../shared/contract/provinceReview';
import type { provinceTargetsMethods } from '../../shared/contract/provinceTargets';
import type { WalkState } from './contractSamples';

type Methods = typeof provinceReviewMethods & typeof provinceTargetsMethods & typeof provinceNoticesMethods;
type Samples = { [K in keyof Methods]: (state: WalkState) => MethodInput<K> };

/** The notice and finding the walks put in their stores first (the province's cross-city rules need two cities). */
export const WALK_NOTICE_ID = 'walk-notice';
export const WALK_FINDING = 'R10|walk';

/** Samples of what flows between the province and the cities: the province's methods are walked on a province store. */
export const provinceSamples: Samples = {
  'provinceReview.queue': () => ({}),
  'provinceReview.finding': () => ({ fingerprint: WALK_FINDING }),
  'provinceReview.decide': () => ({
    fingerprint: WALK_FINDING,
    decision: '排除',
    reason: '两地合同编号巧合，已电话核实',
  }),
  'provinceTargets.sent': () => ({}),
  'provinceNotices.list': () => ({}),
  'provinceNotices.send': () => ({ title: '走查通知', body: '请于月底前完成报送。', regions: ['140100'] }),
  'notices.list': () => ({}),
  'notices.markRead': () => ({ id: WALK_NOTICE_ID }),
};
