/**
 * The province's 供需对接 funnel (DOMAIN §9): per reporting region, from the pool, needs and 对接 the cities synced.
 * A record counts for the region that reported it (its region_code), in the year it was pooled, recorded, held or
 * contracted; voided records never count.
 */
import type { FunnelRow } from '../../../shared/contract/matching';
import type { PoolFunnelRow } from '../../../shared/contract/provinceMatching';
import { CITY_REGIONS, PROVINCE_CODE, regionName } from '../../../shared/domain/regions';
import { funnel } from '../../matching/funnel';
import { answersNeed } from '../../matching/rank';
import { select, type ReadPlan, type SqlDialect } from '../../store/readPlan';

type Stage = 'needs' | 'matchmakings' | 'deals';

const COUNTS: Record<Stage, string> = {
  needs: `SELECT region_code AS region, count(*) AS n FROM tech_needs
    WHERE voided_at IS NULL AND substr(created_at, 1, 4) = ? GROUP BY region_code`,
  matchmakings: `SELECT region_code AS region, count(*) AS n FROM matchmakings
    WHERE voided_at IS NULL AND substr(event_date, 1, 4) = ? GROUP BY region_code`,
  // A deal several 对接 led to counts once, for the region of the 对接.
  deals: `SELECT m.region_code AS region, count(DISTINCT d.id) AS n FROM matchmakings m JOIN deals d ON d.id = m.deal_id
    WHERE m.voided_at IS NULL AND d.voided_at IS NULL AND substr(d.contract_date, 1, 4) = ? GROUP BY m.region_code`,
};

const rate = (part: number, base: number) => (base > 0 ? part / base : null);

type Counts = Record<Stage | 'recommended', number>;

/** A region's row: its own counts, and the city funnel's figures (a region without a pool has none: zeros). */
function row(region: string, counts: Counts, pool: FunnelRow | undefined): PoolFunnelRow {
  return {
    region,
    regionName: regionName(region) ?? region,
    supplies: pool?.supplies ?? 0,
    ...counts,
    recommendRate: rate(counts.recommended, counts.needs),
    dealRate: rate(counts.deals, counts.matchmakings),
    conversion: {
      matched: pool?.matched ?? 0,
      dealt: pool?.dealt ?? 0,
      matchRate: pool?.matchRate ?? null,
      dealRate: pool?.dealRate ?? null,
      avgDaysToDeal: pool?.avgDaysToDeal ?? null,
    },
  };
}

export function* poolFunnel(
  year: number,
  dialect: SqlDialect,
): ReadPlan<{ year: number; regions: PoolFunnelRow[]; total: PoolFunnelRow }> {
  const y = String(year);
  const byStage = {} as Record<Stage, Map<string, number>>;
  for (const stage of Object.keys(COUNTS) as Stage[]) {
    const rows = yield* select<{ region: string; n: number }>(COUNTS[stage], [y]);
    byStage[stage] = new Map(rows.map((r) => [r.region, r.n]));
  }
  const needs = yield* select<{ region_code: string; keywords: string; needText: string }>(
    `SELECT region_code, keywords, need_text AS "needText" FROM tech_needs
      WHERE voided_at IS NULL AND substr(created_at, 1, 4) = ?`,
    [y],
  );
  const recommended = new Map<string, number>();
  for (const need of needs)
    if (yield* answersNeed(need, dialect))
      recommended.set(need.region_code, (recommended.get(need.region_code) ?? 0) + 1);

  // 供给 → 对接 → 成交 is the city's funnel, one computation for both (DOMAIN §9): per region, and over all regions.
  const pools = new Map((yield* funnel(year, {}, dialect)).map((r) => [r.regionCode, r]));
  const [all] = yield* funnel(year, { together: PROVINCE_CODE }, dialect);

  const regions = CITY_REGIONS.map(({ code }) =>
    row(
      code,
      {
        needs: byStage.needs.get(code) ?? 0,
        recommended: recommended.get(code) ?? 0,
        matchmakings: byStage.matchmakings.get(code) ?? 0,
        deals: byStage.deals.get(code) ?? 0,
      },
      pools.get(code),
    ),
  );
  const sum = (k: Stage | 'recommended') => regions.reduce((s, r) => s + r[k], 0);
  const total = row(
    PROVINCE_CODE,
    { needs: sum('needs'), recommended: sum('recommended'), matchmakings: sum('matchmakings'), deals: sum('deals') },
    all,
  );
  return { year, regions, total };
}
