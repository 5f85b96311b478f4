import { describe, expect, it } from 'vitest';
import { dealFamily } from './dealFamily';
import { INDICATOR_IDS } from './ids';

describe('dealFamily: which deals an indicator counts', () => {
  it('sends the SME indicators to the I1 deals and the universities’ to the I2 deals', () => {
    expect(INDICATOR_IDS.filter((id) => dealFamily(id) === 'I1')).toEqual(['I1', 'I1a', 'I1b', 'I3', 'I3a', 'I3b']);
    expect(INDICATOR_IDS.filter((id) => dealFamily(id) === 'I2')).toEqual(['I2', 'I2a', 'I2b']);
  });

  it('has no deals behind registrations and pledges', () => {
    expect((['I4', 'I4a', 'I5', 'I5a'] as const).map((id) => dealFamily(id))).toEqual([null, null, null, null]);
  });
});
