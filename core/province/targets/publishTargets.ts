import type { TargetRow } from '../../../shared/contract/indicators';
import { CITY_REGIONS, regionName } from '../../../shared/domain/regions';
import { isIndicatorId } from '../../../shared/indicators/ids';
import { TARGET_FEEDBACK } from '../../../shared/sync/feedbackKinds';
import type { Writer } from '../../service/context';
import type { ReadHandle } from '../../store/store';
import { publishFeedback } from '../feedback';

const isCity = (code: string) => CITY_REGIONS.some((r) => r.code === code);

/**
 * Sends each named city the targets the province holds for it (all of them, replacing what it was sent before) as a
 * TARGET feedback item; audited. The province's own row and unknown codes are not sent.
 */
export function publishTargets(w: Writer, regions: Iterable<string>): void {
  const read = w.db.prepare(
    `SELECT region_code AS regionCode, indicator, year_from AS yearFrom, year_to AS yearTo, target, required_growth AS requiredGrowth
     FROM region_targets WHERE region_code = ? ORDER BY indicator, year_from, year_to`,
  );
  for (const region of new Set(regions)) {
    if (!isCity(region)) continue;
    const targets = (read.all(region) as TargetRow[]).filter((t) => isIndicatorId(t.indicator));
    publishFeedback(
      w.db,
      {
        region,
        ruleId: TARGET_FEEDBACK,
        fingerprint: `${TARGET_FEEDBACK}|${region}`,
        explanation: `省级下达${regionName(region)}目标 ${targets.length} 项`,
        evidence: { targets },
      },
      w.at,
    );
    w.record({
      action: 'targets.send',
      entity: 'region_target',
      entityId: region,
      detail: { targets: targets.length },
    });
  }
}

export interface SentTargets {
  code: string;
  name: string;
  targets: number;
  sentAt: string | null;
}

/** Per city: how many targets the province holds for it and when they last went out. */
export function sentTargets(db: ReadHandle): SentTargets[] {
  const count = db.prepare('SELECT count(*) FROM region_targets WHERE region_code = ?').pluck();
  const sent = db
    .prepare('SELECT published_at FROM province_feedback WHERE region_code = ? AND fingerprint = ?')
    .pluck();
  return CITY_REGIONS.map((r) => ({
    code: r.code,
    name: r.name,
    targets: count.get(r.code) as number,
    sentAt: (sent.get(r.code, `${TARGET_FEEDBACK}|${r.code}`) as string | undefined) ?? null,
  }));
}
