import { daysBetween } from '../../../shared/domain/dates';
import { candidate, dealSubject } from '../candidate';
import { inDateOrder, legEvidence, pairRule } from '../patentPairs';

/** R01: the same patent in two transfer/equity deals at most N days apart (recordation date, else contract date). */
export const r01Repeat = pairRule('R01', ['转让', '作价入股'], (pair, thresholds) => {
  const limit = thresholds.r01RepeatWithinDays;
  const [first, second] = inDateOrder(pair);
  const gap = daysBetween(first.date, second.date);
  if (gap > limit) return [];
  return [
    candidate(
      'R01',
      second.regionCode,
      [dealSubject(first.id, first.contractNo), dealSubject(second.id, second.contractNo)],
      `专利 ${pair.sharedPatents.join('、')} 在 ${gap} 天内被两次转让或作价入股（合同 ${first.contractNo}、${second.contractNo}），不超过 ${limit} 天的监测期。`,
      {
        patents: pair.sharedPatents,
        daysApart: gap,
        withinDays: limit,
        first: legEvidence(first),
        second: legEvidence(second),
      },
    ),
  ];
});
