/** How indicator numbers are shown on screens, sheets and exports: money in 万元 (2 decimals), rates in %, "—" for none. */
import { fenToWanNumber, formatFenAsWan } from '../domain/money';
import { INDICATORS, type IndicatorId } from './ids';

export const NONE = '—';

export function formatRate(rate: number | null | undefined, decimals = 1): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return NONE;
  return `${(rate * 100).toFixed(decimals)}%`;
}

function groupInteger(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A value in the indicator's unit, without the unit: 1,234 / 12,345.67 (万元) / 20.0%. */
export function formatIndicator(id: IndicatorId, value: number | null | undefined): string {
  if (value === null || value === undefined) return NONE;
  switch (INDICATORS[id].kind) {
    case 'money':
      return formatFenAsWan(value, 2, { thousands: true });
    case 'rate':
      return formatRate(value);
    default:
      return groupInteger(value);
  }
}

/** The same with its unit: 12 项, 3 家, 800.00 万元, 20.0%. */
export function formatIndicatorWithUnit(id: IndicatorId, value: number | null | undefined): string {
  const text = formatIndicator(id, value);
  if (text === NONE || INDICATORS[id].kind === 'rate') return text;
  return `${text} ${INDICATORS[id].unit}`;
}

/** The number a chart plots: money as 万元, counts as they are. */
export function chartNumber(id: IndicatorId, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return INDICATORS[id].kind === 'money' ? fenToWanNumber(value) : value;
}
