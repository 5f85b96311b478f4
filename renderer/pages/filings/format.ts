import { formatFenAsWan } from '../../../shared/domain/money';
import { regionName } from '../../../shared/domain/regions';

export const wan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : `${formatFenAsWan(fen, 2, { thousands: true })} 万元`;
export const region = (code: string | null | undefined) => (code ? (regionName(code) ?? code) : '—');
export const text = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '—' : String(value);
