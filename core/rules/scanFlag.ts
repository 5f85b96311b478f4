import type { ScanFlag } from '../../shared/contract/rules';
import type { FlagCandidate, FlagSubject } from './types';

const numbersOf = (subjects: readonly FlagSubject[], entity: FlagSubject['entity']) =>
  subjects.filter((s) => s.entity === entity).map((s) => s.businessNo);

/** A finding in the JSON shape of DESIGN §3a: the business numbers of every record it concerns. */
export function toScanFlag(c: FlagCandidate): ScanFlag {
  return {
    rule: c.ruleId,
    region: c.regionCode,
    contracts: numbersOf(c.subjects, 'deal'),
    pledges: numbersOf(c.subjects, 'pledge'),
    subsidies: numbersOf(c.subjects, 'subsidy'),
    deals: c.subjects.filter((s) => s.entity === 'deal').map((s) => s.entityId),
    explanation: c.explanation,
    evidence: c.evidence,
  };
}
