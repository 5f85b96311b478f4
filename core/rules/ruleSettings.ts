import type { z } from 'zod';
import { ruleThresholds, type RuleThresholds } from '../../shared/rules/thresholds';
import type { ProvinceSql } from '../province/store/provinceDb';
import type { ProvinceWriter } from '../province/store/provinceWriter';
import { readSetting, readSettingWithVersion, settingVersion, writeSetting } from '../system/settingsStore';
import type { ReadHandle } from '../store/store';

/** The settings key of the rule thresholds; every change makes a new version, recorded on the flags it produced. */
export const RULE_SETTINGS_KEY = 'rules';

/** The thresholds as stored: a document that no longer parses reads as the defaults. */
export const STORED_RULE_THRESHOLDS = ruleThresholds.catch(() => ruleThresholds.parse({}));

const STORED = STORED_RULE_THRESHOLDS as z.ZodType<RuleThresholds>;

/** The thresholds in force and their version, for a scan on the desk's own store. */
export function readRuleThresholds(db: ReadHandle): { thresholds: RuleThresholds; version: number } {
  return { thresholds: readSetting(db, RULE_SETTINGS_KEY, STORED), version: settingVersion(db, RULE_SETTINGS_KEY) };
}

/** The same on either backend (规则设置 on the province's workbench). */
export async function readRuleThresholdsOn(db: ProvinceSql): Promise<{ thresholds: RuleThresholds; version: number }> {
  const { value, version } = await readSettingWithVersion(db, RULE_SETTINGS_KEY, STORED);
  return { thresholds: value, version };
}

export function writeRuleThresholds(w: ProvinceWriter, thresholds: RuleThresholds, actorName: string): Promise<number> {
  return writeSetting(w, RULE_SETTINGS_KEY, thresholds, actorName);
}
