/** The twelve abnormal-deal rules of DOMAIN §8, in the order the bureaus read them. */
export const RULE_IDS = ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10', 'R11', 'R12'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}

/** Review states of a flag (DOMAIN §8): open, then one of three decisions; a decision can be reopened. */
export const FLAG_STATUSES = ['待审核', '确认异常', '排除', '需补充材料'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** The decisions a reviewer can take on an open flag. */
export const FLAG_DECISIONS = ['确认异常', '排除', '需补充材料'] as const;
export type FlagDecision = (typeof FLAG_DECISIONS)[number];

/** Where a flag came from: this installation's own scan, or the province's cross-city rules (sync feedback). */
export const FLAG_SOURCES = ['本地', '省级反馈'] as const;
export type FlagSource = (typeof FLAG_SOURCES)[number];

/** The records a flag can concern, as stored in flag_subjects.entity. */
export const FLAG_ENTITIES = ['deal', 'pledge', 'subsidy', 'registration'] as const;
export type FlagEntity = (typeof FLAG_ENTITIES)[number];
