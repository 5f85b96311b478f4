import { describe, expect, it } from 'vitest';
import { scoreSheet, scoringScheme } from './scoring';

const scheme = scoringScheme.parse({});

describe('the default scoring scheme', () => {
  it('has the weights of DOMAIN §7', () => {
    expect(scheme).toEqual({
      weights: { I1: 20, I2: 20, I3: 20, I4: 10, I5: 10, I5a: 10, growth: 10 },
      perConfirmedAnomaly: 2,
      perSubsidyFraud: 10,
      deductionCap: 30,
    });
  });

  it('scores each indicator pro rata to completion, capped at its weight', () => {
    const score = scoreSheet(scheme, {
      completion: { I1: 0.5, I2: 1.7, I3: null, I4: 1, I5: 0.25, I5a: 0 },
      growthChecks: { required: 4, met: 3 },
      confirmedAnomalies: 0,
      subsidyFrauds: 0,
    });
    expect(score.lines.map((l) => l.score)).toEqual([10, 20, 0, 10, 2.5, 0, 7.5]);
    expect(score.total).toBe(50);
  });

  it('deducts 2 per confirmed anomaly and 10 per subsidy fraud, at most 30', () => {
    const full = { completion: { I1: 1, I2: 1, I3: 1, I4: 1, I5: 1, I5a: 1 }, growthChecks: { required: 1, met: 1 } };
    expect(scoreSheet(scheme, { ...full, confirmedAnomalies: 3, subsidyFrauds: 1 })).toMatchObject({
      gross: 100,
      deduction: 16,
      total: 84,
    });
    expect(scoreSheet(scheme, { ...full, confirmedAnomalies: 10, subsidyFrauds: 2 })).toMatchObject({
      deduction: 30,
      total: 70,
    });
  });
});
