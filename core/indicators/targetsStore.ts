/**
 * Targets (cumulative, per plan period) and 2020 baselines per region, in region_targets / region_baselines.
 * The province's targets of the plan are defaults: they apply until an administrator sets the province's own row.
 */
import type { BaselineRow, TargetRow } from '../../shared/contract/indicators';
import { isIndicatorId, type IndicatorId } from '../../shared/indicators/ids';
import { PLAN_YEAR_FROM, PLAN_YEAR_TO, PROVINCE_TARGET_DEFAULTS } from '../../shared/indicators/targets';
import { PROVINCE_CODE, regionName } from '../../shared/domain/regions';
import type { ReadHandle } from '../store/store';
import type { ProvinceSql } from '../province/store/provinceDb';
import type { ProvinceWriter } from '../province/store/provinceWriter';
import { DeskError } from '../service/errors';

export interface StoredTarget extends TargetRow {
  isDefault: boolean;
  /** Set by the province and received through feedback: the city shows it and may not change it. */
  setByProvince: boolean;
}

export interface TargetDbRow {
  regionCode: string;
  indicator: string;
  yearFrom: number;
  yearTo: number;
  target: number | null;
  requiredGrowth: number | null;
  source: string;
}

export type BaselineDbRow = Omit<BaselineRow, 'indicator'> & { indicator: string };

function provinceDefaults(): StoredTarget[] {
  return PROVINCE_TARGET_DEFAULTS.map((d) => ({
    regionCode: PROVINCE_CODE,
    indicator: d.indicator,
    yearFrom: PLAN_YEAR_FROM,
    yearTo: PLAN_YEAR_TO,
    target: d.target,
    requiredGrowth: d.requiredGrowth,
    isDefault: true,
    setByProvince: false,
  }));
}

/** The stored targets and baselines, in SQL SQLite and PostgreSQL both run (the province reads them on either). */
export const TARGETS_SQL = `SELECT region_code AS "regionCode", indicator, year_from AS "yearFrom", year_to AS "yearTo", target,
    required_growth AS "requiredGrowth", source
  FROM region_targets ORDER BY region_code, indicator, year_from`;
export const BASELINES_SQL = `SELECT region_code AS "regionCode", indicator, year, value FROM region_baselines
  ORDER BY region_code, indicator, year`;

/** The stored targets, plus the province's plan defaults where no row overrides them. */
export function targetsOf(rows: readonly TargetDbRow[]): StoredTarget[] {
  const stored = rows
    .filter((r): r is TargetDbRow & { indicator: IndicatorId } => isIndicatorId(r.indicator))
    .map(({ source, ...r }) => ({ ...r, isDefault: false, setByProvince: source === PROVINCE_SET }));
  const keys = new Set(stored.map((r) => `${r.regionCode}|${r.indicator}|${r.yearFrom}|${r.yearTo}`));
  const defaults = provinceDefaults().filter(
    (d) => !keys.has(`${d.regionCode}|${d.indicator}|${d.yearFrom}|${d.yearTo}`),
  );
  return [...stored, ...defaults];
}

export const baselinesOf = (rows: readonly BaselineDbRow[]): BaselineRow[] =>
  rows.filter((r): r is BaselineRow => isIndicatorId(r.indicator));

/** Every stored target (plus the province's plan defaults where no row overrides them) and baseline, on either backend. */
export async function readTargetsOn(db: ProvinceSql): Promise<{ targets: StoredTarget[]; baselines: BaselineRow[] }> {
  return {
    targets: targetsOf(await db.all<TargetDbRow>(TARGETS_SQL)),
    baselines: baselinesOf(await db.all<BaselineDbRow>(BASELINES_SQL)),
  };
}

export interface TargetLookup {
  /** The target whose period holds the year (the latest-starting one if several do). */
  target(region: string, indicator: IndicatorId, year: number): number | null;
  /** The years that target covers (for 序时进度 in the 定期通报); null where no target covers the year. */
  targetPeriod(region: string, indicator: IndicatorId, year: number): { yearFrom: number; yearTo: number } | null;
  /** The required 年均增幅: the region's own, else the province's (the plan's rates apply to every city). */
  requiredGrowth(region: string, indicator: IndicatorId, year: number): number | null;
  baseline(region: string, indicator: IndicatorId, year: number): number | null;
}

/** The lookup on the desk's own store (the desk's report, synchronously). */
export function targetLookup(db: ReadHandle): TargetLookup {
  return lookupOf(
    targetsOf(db.prepare(TARGETS_SQL).all() as TargetDbRow[]),
    baselinesOf(db.prepare(BASELINES_SQL).all() as BaselineDbRow[]),
  );
}

/** Answers from targets and baselines already read (from either backend). */
export function lookupOf(targets: readonly StoredTarget[], baselineRows: readonly BaselineRow[]): TargetLookup {
  const baselines = new Map(baselineRows.map((b) => [`${b.regionCode}|${b.indicator}|${b.year}`, b.value]));
  const covering = (region: string, indicator: IndicatorId, year: number) =>
    targets
      .filter((t) => t.regionCode === region && t.indicator === indicator && t.yearFrom <= year && year <= t.yearTo)
      .sort((a, b) => b.yearFrom - a.yearFrom)[0];
  return {
    target: (region, indicator, year) => covering(region, indicator, year)?.target ?? null,
    targetPeriod: (region, indicator, year) => {
      const t = covering(region, indicator, year);
      return t ? { yearFrom: t.yearFrom, yearTo: t.yearTo } : null;
    },
    requiredGrowth: (region, indicator, year) =>
      covering(region, indicator, year)?.requiredGrowth ??
      covering(PROVINCE_CODE, indicator, year)?.requiredGrowth ??
      null,
    baseline: (region, indicator, year) => baselines.get(`${region}|${indicator}|${year}`) ?? null,
  };
}

/** region_targets.source of a target the province set (migration 20). */
export const PROVINCE_SET = '省级下达';

const periodText = (t: TargetRow) => (t.yearFrom === t.yearTo ? `${t.yearFrom} 年` : `${t.yearFrom}—${t.yearTo} 年`);

/**
 * Saves targets and baselines typed or imported here, on either backend. A target the province set (省级下达) is
 * refused: it changes only when the province sends another.
 */
export async function saveTargets(
  w: ProvinceWriter,
  actorName: string,
  targets: readonly TargetRow[],
  baselines: readonly BaselineRow[],
): Promise<void> {
  const own: TargetRow[] = [];
  for (const t of targets) {
    const set = await w.tx.get<Pick<TargetRow, 'target' | 'requiredGrowth'>>(
      `SELECT target, required_growth AS "requiredGrowth" FROM region_targets
       WHERE region_code = ? AND indicator = ? AND year_from = ? AND year_to = ? AND source = '${PROVINCE_SET}'`,
      [t.regionCode, t.indicator, t.yearFrom, t.yearTo],
    );
    // The filled-in template carries the province's targets too: the same values again change nothing.
    if (!set) own.push(t);
    else if (set.target !== t.target || set.requiredGrowth !== t.requiredGrowth) {
      throw new DeskError(
        'PROVINCE_TARGET',
        `${regionName(t.regionCode) ?? t.regionCode} ${t.indicator} ${periodText(t)}的目标由省级下达，本地不能修改；如需调整，请联系省级主管部门重新下达`,
      );
    }
  }
  await writeTargets(w, actorName, own, baselines, '本地');
}

/**
 * The targets the province sent for this region (a TARGET feedback item): they replace whatever the region held for
 * the same indicator and period, marked 省级下达; audited as the province's.
 */
export function applyProvinceTargets(w: ProvinceWriter, targets: readonly TargetRow[]): Promise<void> {
  return writeTargets(w, '省级下达', targets, [], PROVINCE_SET);
}

async function writeTargets(
  w: ProvinceWriter,
  actorName: string,
  targets: readonly TargetRow[],
  baselines: readonly BaselineRow[],
  source: string,
): Promise<void> {
  const by = actorName;
  for (const t of targets) {
    const key = [t.regionCode, t.indicator, t.yearFrom, t.yearTo];
    const before =
      (await w.tx.get(
        `SELECT target, required_growth AS "requiredGrowth" FROM region_targets
         WHERE region_code = ? AND indicator = ? AND year_from = ? AND year_to = ?`,
        key,
      )) ?? null;
    await w.tx.run(
      `INSERT INTO region_targets (region_code, indicator, year_from, year_to, target, required_growth, updated_at, updated_by, source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(region_code, indicator, year_from, year_to) DO UPDATE SET target = excluded.target,
         required_growth = excluded.required_growth, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
         source = excluded.source`,
      [...key, t.target, t.requiredGrowth, w.at, by, source],
    );
    await w.record({
      action: 'targets.set',
      entity: 'region_target',
      entityId: `${t.regionCode}/${t.indicator}/${t.yearFrom}-${t.yearTo}`,
      detail: { before, after: { target: t.target, requiredGrowth: t.requiredGrowth }, source },
    });
  }
  for (const b of baselines) {
    const key = [b.regionCode, b.indicator, b.year];
    const before =
      (
        await w.tx.get<{ value: number }>(
          'SELECT value FROM region_baselines WHERE region_code = ? AND indicator = ? AND year = ?',
          key,
        )
      )?.value ?? null;
    await w.tx.run(
      `INSERT INTO region_baselines (region_code, indicator, year, value, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(region_code, indicator, year) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
      [...key, b.value, w.at, by],
    );
    await w.record({
      action: 'baselines.set',
      entity: 'region_baseline',
      entityId: `${b.regionCode}/${b.indicator}/${b.year}`,
      detail: { before, after: b.value },
    });
  }
}
