import type { RuleId } from '../../shared/rules/ruleIds';
import type { FlagCandidate, FlagSubject } from './types';

const ENTITY_ORDER = { deal: 0, pledge: 1, subsidy: 2, registration: 3 } as const;

function sortSubjects(subjects: FlagSubject[]): FlagSubject[] {
  const unique = new Map(subjects.map((s) => [`${s.entity}:${s.entityId}`, s]));
  return [...unique.values()].sort(
    (a, b) =>
      ENTITY_ORDER[a.entity] - ENTITY_ORDER[b.entity] ||
      (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0),
  );
}

/** The stable identity of a finding: the rule and the sorted records it concerns (never the wording or numbers). */
export function fingerprintOf(ruleId: RuleId, subjects: readonly FlagSubject[]): string {
  return `${ruleId}|${sortSubjects([...subjects])
    .map((s) => `${s.entity}:${s.entityId}`)
    .join('|')}`;
}

export function candidate(
  ruleId: RuleId,
  regionCode: string,
  subjects: FlagSubject[],
  explanation: string,
  evidence: Record<string, unknown>,
): FlagCandidate {
  const sorted = sortSubjects(subjects);
  return { ruleId, regionCode, fingerprint: fingerprintOf(ruleId, sorted), subjects: sorted, explanation, evidence };
}

export const dealSubject = (id: string, contractNo: string): FlagSubject => ({
  entity: 'deal',
  entityId: id,
  businessNo: contractNo,
});
