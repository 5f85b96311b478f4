import type { FlagEntity, RuleId } from '../../shared/rules/ruleIds';
import type { RuleThresholds } from '../../shared/rules/thresholds';
import type { ReadHandle } from '../store/store';

export interface FlagSubject {
  entity: FlagEntity;
  entityId: string;
  /** 合同编号, 质押登记号, 奖补编号 or 备案号: what a person looks the record up by. */
  businessNo: string;
}

/** One finding of one rule, before it is stored as a flag. */
export interface FlagCandidate {
  ruleId: RuleId;
  regionCode: string;
  /** Rule + sorted subjects: the same finding on the same records always has the same fingerprint. */
  fingerprint: string;
  subjects: FlagSubject[];
  /** Plain Chinese, with the numbers that made the rule fire. */
  explanation: string;
  /** What a reviewer checks: the other deal, the shared identifier, the group statistics, the payments … */
  evidence: Record<string, unknown>;
}

/** What a rule sees. dealIds null: the whole store; otherwise only findings that involve one of these deals. */
export interface RuleRun {
  db: ReadHandle;
  asOf: string;
  thresholds: RuleThresholds;
  dealIds: readonly string[] | null;
  /** Work that several rules of one scan share (the pairs of deals naming a common patent: R01, R02, R10). */
  shared: Map<string, unknown>;
}

export interface RuleModule {
  id: RuleId;
  run(run: RuleRun): FlagCandidate[];
}
