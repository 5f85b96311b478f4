/**
 * The province's 供需对接 funnel (DOMAIN §9): per reporting region, from the pool, needs and 对接 the cities synced.
 * A record counts for the region that reported it (its region_code), in the year it was pooled, recorded, held or
 * contracted; voided records never count.
 */
import type { PoolFunnelRow } from '../../../shared/contract/provinceMatching';
import { CITY_REGIONS, PROVINCE_CODE, regionName } from '../../../shared/domain/regions';
import { answersNeed } from '../../matching/rank';
import type { ReadHandle } from '../../store/store';
import { statement } from '../../store/statements';

type Stage = 'supplies' | 'needs' | 'matchmakings' | 'deals';

const COUNTS: Record<Stage, string> = {
  supplies: `SELECT region_code AS region, count(*) AS n FROM supply_patents
    WHERE voided_at IS NULL AND substr(created_at, 1, 4) = @y GROUP BY 1`,
  needs: `SELECT region_code AS region, count(*) AS n FROM tech_needs
    WHERE voided_at IS NULL AND substr(created_at, 1, 4) = @y GROUP BY 1`,
  matchmakings: `SELECT region_code AS region, count(*) AS n FROM matchmakings
    WHERE voided_at IS NULL AND substr(event_date, 1, 4) = @y GROUP BY 1`,
  // A deal several 对接 led to counts once, for the region of the 对接.
  deals: `SELECT m.region_code AS region, count(DISTINCT d.id) AS n FROM matchmakings m JOIN deals d ON d.id = m.deal_id
    WHERE m.voided_at IS NULL AND d.voided_at IS NULL AND substr(d.contract_date, 1, 4) = @y GROUP BY 1`,
};

const rate = (part: number, base: number) => (base > 0 ? part / base : null);

function row(region: string, counts: Record<Stage | 'recommended', number>): PoolFunnelRow {
  return {
    region,
    regionName: regionName(region) ?? region,
    ...counts,
    recommendRate: rate(counts.recommended, counts.needs),
    dealRate: rate(counts.deals, counts.matchmakings),
  };
}

export function poolFunnel(db: ReadHandle, year: number): { year: number; regions: PoolFunnelRow[]; total: PoolFunnelRow } {
  const y = String(year);
  const byStage = Object.fromEntries(
    (Object.keys(COUNTS) as Stage[]).map((stage) => {
      const rows = statement(db, COUNTS[stage]).all({ y }) as { region: string; n: number }[];
      return [stage, new Map(rows.map((r) => [r.region, r.n]))];
    }),
  ) as Record<Stage, Map<string, number>>;
  const needs = statement(db, `SELECT id, region_code FROM tech_needs WHERE voided_at IS NULL AND substr(created_at, 1, 4) = ?`).all(y) as { id: string; region_code: string }[];
  const recommended = new Map<string, number>();
  for (const need of needs) if (answersNeed(db, need.id)) recommended.set(need.region_code, (recommended.get(need.region_code) ?? 0) + 1);

  const regions = CITY_REGIONS.map(({ code }) =>
    row(code, {
      supplies: byStage.supplies.get(code) ?? 0,
      needs: byStage.needs.get(code) ?? 0,
      recommended: recommended.get(code) ?? 0,
      matchmakings: byStage.matchmakings.get(code) ?? 0,
      deals: byStage.deals.get(code) ?? 0,
    }),
  );
  const sum = (k: Stage | 'recommended') => regions.reduce((s, r) => s + r[k], 0);
  const total = row(PROVINCE_CODE, { supplies: sum('supplies'), needs: sum('needs'), recommended: sum('recommended'), matchmakings: sum('matchmakings'), deals: sum('deals') });
  return { year, regions, total };
}
