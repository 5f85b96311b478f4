import type { IndicatorId } from './ids';

/**
 * The deals an indicator's value is made of (DOMAIN §7): I1 and I3 (with I3a/I3b) count deals of SME assignees, I2
 * deals of universities and institutes; I4 and I5 count registrations and pledges, no deals.
 */
export function dealFamily(id: IndicatorId): 'I1' | 'I2' | null {
  if (id === 'I1' || id === 'I1a' || id === 'I1b' || id === 'I3' || id === 'I3a' || id === 'I3b') return 'I1';
  if (id === 'I2' || id === 'I2a' || id === 'I2b') return 'I2';
  return null;
}
