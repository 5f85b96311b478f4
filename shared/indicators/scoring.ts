/**
 * The scoring scheme of the 成效评价表 (DOMAIN §7), kept in settings. Default: I1 20, I2 20, I3 20, I4 10,
 * I5+I5a 20 (10 each), growth rates met 10 — each pro rata to completion and capped at its weight; minus 2 per
 * confirmed anomaly and 10 per confirmed subsidy fraud (clawed back), the deductions capped at 30.
 */
import { z } from 'zod';
import type { IndicatorId } from './ids';

const weight = z.number().min(0, '分值不能为负').max(100, '分值不能超过 100');

export const scoringScheme = z.object({
  weights: z
    .object({
      I1: weight.default(20),
      I2: weight.default(20),
      I3: weight.default(20),
      I4: weight.default(10),
      I5: weight.default(10),
      I5a: weight.default(10),
      growth: weight.default(10),
    })
    .prefault({}),
  perConfirmedAnomaly: weight.default(2),
  perSubsidyFraud: weight.default(10),
  deductionCap: weight.default(30),
});
export type ScoringScheme = z.output<typeof scoringScheme>;
export type ScoredIndicator = Exclude<keyof ScoringScheme['weights'], 'growth'>;
export const SCORED_INDICATORS: readonly ScoredIndicator[] = ['I1', 'I2', 'I3', 'I4', 'I5', 'I5a'];

export interface ScoreInput {
  completion: Partial<Record<IndicatorId, number | null>>;
  /** How many required growth rates apply and how many are met. */
  growthChecks: { required: number; met: number };
  confirmedAnomalies: number;
  subsidyFrauds: number;
}

export interface ScoreLine {
  item: ScoredIndicator | 'growth';
  weight: number;
  score: number;
}

export interface Score {
  lines: ScoreLine[];
  gross: number;
  deduction: number;
  total: number;
}

/** Scores are kept to two decimals, as printed. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function proRata(weightOf: number, fraction: number | null | undefined): number {
  if (fraction === null || fraction === undefined || !(fraction > 0)) return 0;
  return Math.min(weightOf, weightOf * fraction);
}

export function scoreSheet(scheme: ScoringScheme, input: ScoreInput): Score {
  const lines: ScoreLine[] = SCORED_INDICATORS.map((item) => ({
    item,
    weight: scheme.weights[item],
    score: round2(proRata(scheme.weights[item], input.completion[item])),
  }));
  const { required, met } = input.growthChecks;
  lines.push({
    item: 'growth',
    weight: scheme.weights.growth,
    score: round2(proRata(scheme.weights.growth, required > 0 ? met / required : null)),
  });
  const gross = round2(lines.reduce((sum, line) => sum + line.score, 0));
  const deduction = round2(
    Math.min(
      scheme.deductionCap,
      input.confirmedAnomalies * scheme.perConfirmedAnomaly + input.subsidyFrauds * scheme.perSubsidyFraud,
    ),
  );
  return { lines, gross, deduction, total: round2(Math.max(0, gross - deduction)) };
}
