/**
 * The province's targets of 晋财行〔2021〕35号 (一、(三) 主要目标), 2021–2023 cumulative, and the required 年均增幅.
 * Defaults kept in settings: an administrator may change them; these fill the form until then.
 */
import { FEN_PER_WAN } from '../domain/money';
import type { IndicatorId } from './ids';

export interface TargetDefault {
  indicator: IndicatorId;
  /** In the indicator's stored unit: 项, 家, or 分 for money. Null: no cumulative target, only a required rate. */
  target: number | null;
  /** Required 年均增幅 as a fraction; null when the plan sets none. */
  requiredGrowth: number | null;
}

export const PLAN_YEAR_FROM = 2021;
export const PLAN_YEAR_TO = 2023;

export const PROVINCE_TARGET_DEFAULTS: readonly TargetDefault[] = [
  { indicator: 'I1', target: 990, requiredGrowth: 0.4 },
  { indicator: 'I1a', target: null, requiredGrowth: 0.3 },
  { indicator: 'I1b', target: null, requiredGrowth: 0.3 },
  { indicator: 'I2', target: 1300, requiredGrowth: 0.4 },
  { indicator: 'I2a', target: null, requiredGrowth: 0.3 },
  { indicator: 'I2b', target: null, requiredGrowth: 0.3 },
  { indicator: 'I3', target: 660, requiredGrowth: 0.4 },
  { indicator: 'I3a', target: null, requiredGrowth: 0.2 },
  { indicator: 'I3b', target: null, requiredGrowth: 0.2 },
  { indicator: 'I5', target: 200000 * FEN_PER_WAN, requiredGrowth: 0.7 },
  { indicator: 'I5a', target: 300, requiredGrowth: 0.8 },
];
