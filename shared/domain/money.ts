/**
 * Money is stored as an integer number of 分 and entered and shown in 万元 (DOMAIN.md §6).
 * 1 万元 = 10,000 元 = 1,000,000 分, so a 万元 amount with up to six decimals is exact to the 分.
 * Parsing is done on decimal strings, never by multiplying floats.
 */
import { compactCell } from './text';

export const FEN_PER_WAN = 1_000_000;
const WAN_DECIMALS = 6;
const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER);

export type MoneyResult =
  | { ok: true; fen: number }
  | { ok: false; code: 'MONEY_FORMAT' | 'MONEY_NEGATIVE' | 'MONEY_PRECISION' | 'MONEY_RANGE'; message: string };

function fail(code: Exclude<MoneyResult, { ok: true }>['code'], message: string): MoneyResult {
  return { ok: false, code, message };
}

/** Rewrites `1.5e+21` / `1e-7` as plain decimal digits. */
function expandExponent(s: string): string {
  const m = /^(\d+)(?:\.(\d*))?e([+-]?\d+)$/i.exec(s);
  if (!m) return s;
  const intDigits = m[1] ?? '';
  const digits = intDigits + (m[2] ?? '');
  const point = intDigits.length + Number(m[3]);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A JS number (an Excel cell) as the decimal a person typed. Excel keeps 15 significant digits, and 15 is also the
 * most a double carries faithfully, so toPrecision(15) undoes binary noise (0.1 + 0.2 reads as 0.3).
 */
function decimalStringOf(n: number): string {
  return expandExponent(n.toPrecision(15));
}

/**
 * Reads an amount in 万元: a number, or text with full-width digits, thousands separators (, or ，), spaces,
 * a leading +, an optional trailing 万元. Refuses negatives, more than six significant decimals, and amounts
 * beyond Number.MAX_SAFE_INTEGER 分.
 */
export function parseWanToFen(input: string | number): MoneyResult {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('MONEY_FORMAT', '金额不是有效数字');
    if (input < 0) return fail('MONEY_NEGATIVE', `金额不能为负数：${input}`);
    text = decimalStringOf(Math.abs(input)); // abs folds -0
  } else {
    text = compactCell(String(input ?? ''));
  }
  const shown = text;
  if (text === '') return fail('MONEY_FORMAT', '金额为空');

  text = text.replace(/万元?$/, '');
  if (/元$/.test(text)) return fail('MONEY_FORMAT', `金额单位应为万元：${shown}`);
  if (/^[-−]/.test(text)) return fail('MONEY_NEGATIVE', `金额不能为负数：${shown}`);
  text = text.replace(/^\+/, '');

  if (text.includes(',')) {
    // Strict grouping, so that a decimal comma ("1,5") is never read as fifteen.
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) return fail('MONEY_FORMAT', `金额的千分位分隔符位置不正确：${shown}`);
    text = text.replace(/,/g, '');
  }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || !/\d/.test(text)) return fail('MONEY_FORMAT', `金额不是有效数字：${shown}`);

  const intDigits = m[1] ?? '';
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  if (decimals.length > WAN_DECIMALS) {
    return fail(
      'MONEY_PRECISION',
      `金额最多保留 ${WAN_DECIMALS} 位小数（万元精确到分），当前有 ${decimals.length} 位小数：${shown}`,
    );
  }
  const fenDigits = (intDigits + decimals.padEnd(WAN_DECIMALS, '0')).replace(/^0+/, '');
  if (
    fenDigits.length > MAX_SAFE_DIGITS.length ||
    (fenDigits.length === MAX_SAFE_DIGITS.length && fenDigits > MAX_SAFE_DIGITS)
  ) {
    return fail('MONEY_RANGE', `金额过大，超出可精确记录的范围：${shown}`);
  }
  return { ok: true, fen: fenDigits === '' ? 0 : Number(fenDigits) };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

export interface FormatWanOptions {
  /** Group the integer part with commas: 1,234.56. */
  thousands?: boolean;
}

/**
 * Shows 分 as 万元 with the given decimals (0–6), rounding half away from zero (四舍五入) in integer arithmetic:
 * 123456789 → '123.46'.
 */
export function formatFenAsWan(fen: number, decimals = 2, options: FormatWanOptions = {}): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`formatFenAsWan: fen must be a safe integer, got ${fen}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > WAN_DECIMALS) {
    throw new RangeError(`formatFenAsWan: decimals must be 0–${WAN_DECIMALS}, got ${decimals}`);
  }
  const abs = Math.abs(fen);
  const divisor = 10 ** (WAN_DECIMALS - decimals);
  const remainder = abs % divisor;
  let scaled = (abs - remainder) / divisor;
  if (remainder * 2 >= divisor) scaled += 1;

  const unit = 10 ** decimals;
  const fraction = scaled % unit;
  const whole = String((scaled - fraction) / unit);
  const sign = fen < 0 && scaled > 0 ? '-' : '';
  const wholeText = options.thousands ? groupThousands(whole) : whole;
  return decimals === 0 ? sign + wholeText : `${sign}${wholeText}.${String(fraction).padStart(decimals, '0')}`;
}

/** The way every screen and sheet says an amount: “12,345.67 万元”. */
export function formatWan(fen: number): string {
  return `${formatFenAsWan(fen, 2, { thousands: true })} 万元`;
}

/** 分 as a floating 万元 number, for charts and ratios only; never store or sum it. */
export function fenToWanNumber(fen: number): number {
  return fen / FEN_PER_WAN;
}
