import type { z } from 'zod';
import { ruleThresholds, type RuleThresholds } from '../../shared/rules/thresholds';
import type { Writer } from '../service/context';
import { readSetting, settingVersion, writeSetting } from '../system/settingsStore';
import type { ReadHandle } from '../store/store';

/** The settings key of the rule thresholds; every change makes a new version, recorded on the flags it produced. */
export const RULE_SETTINGS_KEY = 'rules';

/** The thresholds as stored: a document that no longer parses reads as the defaults. */
export const STORED_RULE_THRESHOLDS = ruleThresholds.catch(() => ruleThresholds.parse({}));

export function readRuleThresholds(db: ReadHandle): { thresholds: RuleThresholds; version: number } {
  return {
    thresholds: readSetting(db, RULE_SETTINGS_KEY, STORED_RULE_THRESHOLDS as z.ZodType<RuleThresholds>),
    version: settingVersion(db, RULE_SETTINGS_KEY),
  };
}

export function writeRuleThresholds(w: Writer, thresholds: RuleThresholds, actorName: string): number {
  return writeSetting(w, RULE_SETTINGS_KEY, thresholds, actorName);
}
