import { scoringScheme, type ScoringScheme } from '../../shared/indicators/scoring';
import type { ProvinceSql } from '../province/store/provinceDb';
import { readSettingWithVersion, writeSetting } from '../system/settingsStore';
import type { ProvinceWriter } from '../province/store/provinceWriter';

/** Settings key of the scoring scheme; its settings version is the scheme's version printed on the sheet. */
export const SCORING_KEY = 'scoringScheme';

/** The scheme in force and its version (0: the default of DOMAIN §7, never changed), on either backend. */
export async function readScoring(db: ProvinceSql): Promise<{ scheme: ScoringScheme; version: number }> {
  const { value, version } = await readSettingWithVersion(db, SCORING_KEY, scoringScheme);
  return { scheme: value, version };
}

export function writeScoring(w: ProvinceWriter, scheme: ScoringScheme, actorName: string): Promise<number> {
  return writeSetting(w, SCORING_KEY, scheme, actorName);
}
