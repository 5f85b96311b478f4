import { formatFenAsWan } from '../../../shared/domain/money';

/** 分 shown as “12.34 万元”. */
export const wan = (fen: number) => `${formatFenAsWan(fen, 2, { thousands: true })} 万元`;
