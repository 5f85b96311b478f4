/**
 * The targets table of settings as a person edits it (DOMAIN §7, targets): what is typed for each indicator of a
 * region, read back into the stored units, and only what changed sent to be saved (each save is audited, and a
 * province default kept as it is stays a default).
 */
import type { BaselineRow, TargetRow } from '../contract/indicators';
import { formatFenAsWan, parseWanToFen } from '../domain/money';
import { BASE_YEAR, INDICATOR_IDS, INDICATORS, type IndicatorId } from './ids';
import { PLAN_YEAR_FROM, PLAN_YEAR_TO } from './targets';

/** What a person types: counts as whole numbers, money in 万元, rates in %. */
export interface TargetDraft {
  target: string;
  growthPercent: number | null;
  baseline: string;
}

/** What is stored (`targets.get`): a target the plan set by default is marked so. */
export interface StoredTargets {
  targets: readonly (TargetRow & { isDefault: boolean })[];
  baselines: readonly BaselineRow[];
}

export type TargetEdits =
  { ok: true; targets: TargetRow[]; baselines: BaselineRow[] } | { ok: false; problems: Record<string, string> };

const isMoney = (id: IndicatorId) => INDICATORS[id].kind === 'money';

/** A stored amount as it is typed: money in 万元, counts as they are, nothing for none. */
export function shownAmount(id: IndicatorId, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return isMoney(id) ? formatFenAsWan(value, 2) : String(value);
}

/** A typed amount in the indicator's stored unit (empty: none), or a Chinese reason. */
export function readAmount(
  id: IndicatorId,
  text: string,
): { ok: true; value: number | null } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: null };
  if (isMoney(id)) {
    const money = parseWanToFen(text);
    return money.ok ? { ok: true, value: money.fen } : { ok: false, message: money.message };
  }
  return /^\d+$/.test(text.trim())
    ? { ok: true, value: Number(text.trim()) }
    : { ok: false, message: `应填写非负整数（${INDICATORS[id].unit}）` };
}

/** The region's target of the plan period for one indicator, if one is stored. */
export function planTarget<T extends TargetRow>(targets: readonly T[], region: string, id: IndicatorId): T | undefined {
  return targets.find(
    (r) => r.regionCode === region && r.indicator === id && r.yearFrom === PLAN_YEAR_FROM && r.yearTo === PLAN_YEAR_TO,
  );
}

const baseline = (stored: StoredTargets, region: string, id: IndicatorId) =>
  stored.baselines.find((r) => r.regionCode === region && r.indicator === id && r.year === BASE_YEAR)?.value ?? null;

/** The table of a region as stored, to edit: the required growth in % (two decimals). */
export function targetDrafts(stored: StoredTargets, region: string): Record<IndicatorId, TargetDraft> {
  const drafts = {} as Record<IndicatorId, TargetDraft>;
  for (const id of INDICATOR_IDS) {
    const target = planTarget(stored.targets, region, id);
    const growth = target?.requiredGrowth;
    drafts[id] = {
      target: shownAmount(id, target?.target),
      growthPercent: growth === null || growth === undefined ? null : Math.round(growth * 10000) / 100,
      baseline: shownAmount(id, baseline(stored, region, id)),
    };
  }
  return drafts;
}

/**
 * What to save of a region's edited table: each target that is new, changed or still the plan's default, each
 * baseline typed anew; or, if any cell cannot be read, every such cell (`I1.target`, `I1.baseline`) with its reason.
 */
export function targetEdits(
  stored: StoredTargets | null,
  region: string,
  drafts: Partial<Record<IndicatorId, TargetDraft>>,
): TargetEdits {
  const targets: TargetRow[] = [];
  const baselines: BaselineRow[] = [];
  const problems: Record<string, string> = {};
  for (const id of INDICATOR_IDS) {
    const draft = drafts[id];
    if (!draft) continue;
    const target = readAmount(id, draft.target);
    const base = readAmount(id, draft.baseline);
    if (!target.ok) problems[`${id}.target`] = target.message;
    if (!base.ok) problems[`${id}.baseline`] = base.message;
    if (!target.ok || !base.ok) continue;
    const requiredGrowth = draft.growthPercent === null ? null : draft.growthPercent / 100;
    const before = stored ? planTarget(stored.targets, region, id) : undefined;
    const changed =
      !before || before.target !== target.value || before.requiredGrowth !== requiredGrowth || before.isDefault;
    if ((before || target.value !== null || requiredGrowth !== null) && changed) {
      targets.push({
        regionCode: region,
        indicator: id,
        yearFrom: PLAN_YEAR_FROM,
        yearTo: PLAN_YEAR_TO,
        target: target.value,
        requiredGrowth,
      });
    }
    const oldBase = stored ? baseline(stored, region, id) : null;
    if (base.value !== null && base.value !== oldBase)
      baselines.push({ regionCode: region, indicator: id, year: BASE_YEAR, value: base.value });
  }
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, targets, baselines };
}
