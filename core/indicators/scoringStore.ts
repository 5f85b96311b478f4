import { scoringScheme, type ScoringScheme } from '../../shared/indicators/scoring';
import type { ProvinceSql } from '../province/store/provinceDb';
import { SETTING_ROW_SQL, settingOf, writeSetting } from '../system/settingsStore';
import type { Writer } from '../service/context';

/** Settings key of the scoring scheme; its settings version is the scheme's version printed on the sheet. */
export const SCORING_KEY = 'scoringScheme';

/** The scheme in force and its version (0: the default of DOMAIN §7, never changed), on either backend. */
export async function readScoring(db: ProvinceSql): Promise<{ scheme: ScoringScheme; version: number }> {
  const row = await db.get<{ value: string; version: number }>(SETTING_ROW_SQL, [SCORING_KEY]);
  return { scheme: settingOf(row, scoringScheme), version: row?.version ?? 0 };
}

export function writeScoring(w: Writer, scheme: ScoringScheme, actorName: string): number {
  return writeSetting(w, SCORING_KEY, scheme, actorName);
}
