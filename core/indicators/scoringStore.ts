import { scoringScheme, type ScoringScheme } from '../../shared/indicators/scoring';
import type { ReadHandle } from '../store/store';
import { readSetting, settingVersion, writeSetting } from '../system/settingsStore';
import type { Writer } from '../service/context';

/** Settings key of the scoring scheme; its settings version is the scheme's version printed on the sheet. */
export const SCORING_KEY = 'scoringScheme';

/** The scheme in force and its version (0: the default of DOMAIN §7, never changed). */
export function readScoring(db: ReadHandle): { scheme: ScoringScheme; version: number } {
  return { scheme: readSetting(db, SCORING_KEY, scoringScheme), version: settingVersion(db, SCORING_KEY) };
}

export function writeScoring(w: Writer, scheme: ScoringScheme, actorName: string): number {
  return writeSetting(w, SCORING_KEY, scheme, actorName);
}
