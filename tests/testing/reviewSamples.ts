import type { MethodInput } from '../../shared/contract/index';
import type { rulesMethods } from '../../shared/contract/rules';
import type { WalkState } from './contractSamples';

type Samples = { [K in keyof typeof rulesMethods]: (state: WalkState) => MethodInput<K> };

/** The first flag of the walk's queue. A decision needs a flag on records the walking user did not enter. */
const firstFlag = (state: WalkState) =>
  (state.get('review.queue') as { rows: { id: string }[] }).rows[0]?.id ?? 'no-flag-in-walk';

/** Samples of the anomaly rules and review methods, in contract order. */
export const reviewSamples: Samples = {
  'rules.settings': () => ({}),
  'rules.updateThresholds': () => ({ r01RepeatWithinDays: 365, r08MinPatents: 10 }),
  'rules.scan': () => ({ ruleIds: ['R01', 'R04'] }),
  'rules.scanStart': () => ({}),
  'rules.scanStatus': (state) => ({ jobId: (state.get('rules.scanStart') as { jobId: string }).jobId }),
  'review.queue': () => ({ includeInactive: true }),
  'review.flag': (state) => ({ flagId: firstFlag(state) }),
  'review.decide': (state) => ({ flagId: firstFlag(state), decision: '需补充材料', reason: '请补充付款凭证' }),
  'review.reopen': (state) => ({ flagId: firstFlag(state), reason: '凭证已补齐，重新审核' }),
  'review.exportQueue': () => ({ status: '待审核' }),
};
