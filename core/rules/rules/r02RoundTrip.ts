import { daysBetween } from '../../../shared/domain/dates';
import { candidate, dealSubject } from '../candidate';
import { inDateOrder, legEvidence, pairRule } from '../patentPairs';

/** R02: a patent goes A→B and later B→A within N days. Ownership moves only by transfer or equity contribution. */
export const r02RoundTrip = pairRule('R02', ['转让', '作价入股'], (pair, thresholds) => {
  const limit = thresholds.r02RoundTripWithinDays;
  const [out, back] = inDateOrder(pair);
  const reversed =
    out.assignorKey === back.assigneeKey && out.assigneeKey === back.assignorKey && out.assignorKey !== out.assigneeKey;
  if (!reversed) return [];
  const gap = daysBetween(out.date, back.date);
  if (gap > limit) return [];
  return [
    candidate(
      'R02',
      back.regionCode,
      [dealSubject(out.id, out.contractNo), dealSubject(back.id, back.contractNo)],
      `专利 ${pair.sharedPatents.join('、')} 由“${out.assignorName}”转给“${out.assigneeName}”（合同 ${out.contractNo}），${gap} 天后又转回（合同 ${back.contractNo}）。`,
      {
        patents: pair.sharedPatents,
        daysApart: gap,
        withinDays: limit,
        outbound: legEvidence(out),
        returning: legEvidence(back),
      },
    ),
  ];
});
