import { candidate, dealSubject } from '../candidate';
import { inDateOrder, legEvidence, pairRule } from '../patentPairs';

/**
 * R10: the same deal recorded twice — the same patents (all of them), the same parties, and the same contract
 * date or contract number; across cities too, since parties are compared by USCC or normalized name.
 */
export const r10Duplicate = pairRule('R10', null, (pair) => {
  const [first, second] = inDateOrder(pair);
  const samePatents =
    pair.sharedPatents.length === first.patentCount && pair.sharedPatents.length === second.patentCount;
  const sameParties = first.assignorKey === second.assignorKey && first.assigneeKey === second.assigneeKey;
  const sameDate = first.contractDate === second.contractDate;
  const sameNumber = first.contractNo === second.contractNo;
  if (!samePatents || !sameParties || !(sameDate || sameNumber)) return [];
  const what = [
    sameNumber ? `合同编号同为 ${first.contractNo}` : '',
    sameDate ? `合同日期同为 ${first.contractDate}` : '',
  ]
    .filter(Boolean)
    .join('，');
  const where =
    first.regionCode === second.regionCode ? '' : `（分别登记在 ${first.regionCode} 和 ${second.regionCode}）`;
  return [
    candidate(
      'R10',
      second.regionCode,
      [dealSubject(first.id, first.contractNo), dealSubject(second.id, second.contractNo)],
      `同样的 ${pair.sharedPatents.length} 件专利、同样的双方，${what}，被登记了两次${where}。`,
      {
        patents: pair.sharedPatents,
        sameContractNo: sameNumber,
        sameContractDate: sameDate,
        first: legEvidence(first),
        second: legEvidence(second),
      },
    ),
  ];
});
