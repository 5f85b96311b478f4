import type { TargetRow } from '../../../shared/contract/indicators';
import { CITY_REGIONS, regionName } from '../../../shared/domain/regions';
import { isIndicatorId } from '../../../shared/indicators/ids';
import { TARGET_FEEDBACK } from '../../../shared/sync/feedbackKinds';
import type { ProvinceSql } from '../store/provinceDb';
import type { ProvinceWriter } from '../store/provinceWriter';
import { publishFeedback } from '../feedback';

const isCity = (code: string) => CITY_REGIONS.some((r) => r.code === code);

/**
 * Sends each named city the targets the province holds for it (all of them, replacing what it was sent before) as a
 * TARGET feedback item; audited. The province's own row and unknown codes are not sent.
 */
export async function publishTargets(w: ProvinceWriter, regions: Iterable<string>): Promise<void> {
  for (const region of new Set(regions)) {
    if (!isCity(region)) continue;
    const held = await w.tx.all<TargetRow>(
      `SELECT region_code AS "regionCode", indicator, year_from AS "yearFrom", year_to AS "yearTo", target,
         required_growth AS "requiredGrowth"
       FROM region_targets WHERE region_code = ? ORDER BY indicator, year_from, year_to`,
      [region],
    );
    const targets = held.filter((t) => isIndicatorId(t.indicator));
    await publishFeedback(
      w.tx,
      {
        region,
        ruleId: TARGET_FEEDBACK,
        fingerprint: `${TARGET_FEEDBACK}|${region}`,
        explanation: `省级下达${regionName(region)}目标 ${targets.length} 项`,
        evidence: { targets },
      },
      w.at,
    );
    await w.record({
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
export async function sentTargets(db: ProvinceSql): Promise<SentTargets[]> {
  const held = new Map(
    (
      await db.all<{ region: string; n: number }>(
        'SELECT region_code AS region, count(*) AS n FROM region_targets GROUP BY region_code',
      )
    ).map((r) => [r.region, r.n]),
  );
  const sent = new Map(
    (
      await db.all<{ fingerprint: string; at: string }>(
        'SELECT fingerprint, published_at AS at FROM province_feedback WHERE rule_id = ?',
        [TARGET_FEEDBACK],
      )
    ).map((r) => [r.fingerprint, r.at]),
  );
  return CITY_REGIONS.map((r) => ({
    code: r.code,
    name: r.name,
    targets: held.get(r.code) ?? 0,
    sentAt: sent.get(`${TARGET_FEEDBACK}|${r.code}`) ?? null,
  }));
}
