/**
 * Chinese patent application numbers (专利申请号), DOMAIN.md §3.
 *
 * - modern (since 2003-10-01): `YYYYTNNNNNNN.C` — 4-digit year, type digit, 7-digit serial, check character.
 * - legacy (1989 – 2003-09-30): `YYTNNNNN.C` — 2-digit year, type digit, 5-digit serial, check character.
 * - early (1985–1988): `YYTNNNNN` — 8 digits, no check character.
 */
import { compactCell } from './text';

export const PATENT_TYPES = ['invention', 'utility', 'design'] as const;
export type PatentType = (typeof PATENT_TYPES)[number];
export type PatentEra = 'modern' | 'legacy' | 'early';

export const PATENT_TYPE_LABELS: Readonly<Record<PatentType, string>> = {
  invention: '发明',
  utility: '实用新型',
  design: '外观设计',
};

const TYPE_RANK: Readonly<Record<PatentType, number>> = { invention: 3, utility: 2, design: 1 };

/** Invention 3 > utility model 2 > design 1: a deal's type is the highest of its patents' (rule R05). */
export function patentTypeRank(type: PatentType): number {
  return TYPE_RANK[type];
}

/** The highest-ranked type among the given ones, or null for none. */
export function highestPatentType(types: Iterable<PatentType>): PatentType | null {
  let best: PatentType | null = null;
  for (const t of types) if (best === null || TYPE_RANK[t] > TYPE_RANK[best]) best = t;
  return best;
}

// The type digit; 8 and 9 are PCT applications entering the Chinese national phase.
const TYPE_BY_DIGIT: Readonly<Record<string, PatentType>> = {
  '1': 'invention',
  '2': 'utility',
  '3': 'design',
  '8': 'invention',
  '9': 'utility',
};

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] as const;

/**
 * The check character of a 12-digit (modern) or 8-digit (legacy) application number:
 * digits weighted 2,3,4,5,6,7,8,9,2,3,4,5 from the left, sum mod 11, 10 written `X`. There is no "11 − r" step.
 */
export function patentCheckChar(digits: string): string {
  if (!/^(\d{8}|\d{12})$/.test(digits)) throw new RangeError(`patentCheckChar expects 8 or 12 digits, got "${digits}"`);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (WEIGHTS[i] ?? 0);
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

export type PatentNumberResult =
  | { ok: true; normalized: string; type: PatentType; era: PatentEra; filingYear: number }
  | { ok: false; code: 'PATENT_FORMAT' | 'PATENT_CHECK'; message: string; expectedCheck?: string };

export interface ParsePatentNumberOptions {
  /** Defaults to the current calendar year; modern numbers may carry a year up to one after it. */
  currentYear?: number;
}

const MODERN_FIRST_YEAR = 2003;
const EXAMPLE = '（如 202310999716.6）';

function formatError(message: string, expectedCheck?: string): PatentNumberResult {
  return expectedCheck === undefined
    ? { ok: false, code: 'PATENT_FORMAT', message }
    : { ok: false, code: 'PATENT_FORMAT', message, expectedCheck };
}

function twoDigitYear(yy: number): { filingYear: number; era: PatentEra } | null {
  if (yy >= 85 && yy <= 88) return { filingYear: 1900 + yy, era: 'early' };
  if (yy >= 89) return { filingYear: 1900 + yy, era: 'legacy' };
  if (yy <= 3) return { filingYear: 2000 + yy, era: 'legacy' };
  return null;
}

/**
 * Reads an application or patent number the way people write it: `ZL`/`CN` prefix (any case), spaces, full-width
 * digits, dot and letters, an ideographic full stop 。 for the dot, a missing dot, a lowercase `x`.
 */
export function parsePatentNumber(input: string, options: ParsePatentNumberOptions = {}): PatentNumberResult {
  const currentYear = options.currentYear ?? new Date().getFullYear();
  const compact = compactCell(String(input ?? ''))
    .toUpperCase()
    .replace(/。/g, '.')
    .replace(/^(ZL|CN)/, '');
  if (compact === '') return formatError('专利号为空');

  const match = /^(\d+)(?:\.?([0-9X]))?$/.exec(compact);
  if (!match) {
    return formatError(`专利号格式不正确：应为 12 位数字加校验位${EXAMPLE}，2003 年 10 月以前为 8 位数字加校验位`);
  }
  let digits = match[1] ?? '';
  let check = match[2];
  // Without a dot a digit check character is swallowed by the digits: 13 or 9 digits mean the last is the check.
  if (check === undefined && (digits.length === 13 || digits.length === 9)) {
    check = digits.slice(-1);
    digits = digits.slice(0, -1);
  }

  if (digits.length === 12) return parseModern(digits, check, currentYear);
  if (digits.length === 8) return parseTwoDigitYear(digits, check);
  return formatError(
    `专利号位数不正确：应为 12 位数字加校验位${EXAMPLE}，2003 年 10 月以前为 8 位数字加校验位，当前为 ${digits.length} 位数字`,
  );
}

function typeOf(digit: string | undefined): PatentType | undefined {
  return digit === undefined ? undefined : TYPE_BY_DIGIT[digit];
}

function parseModern(digits: string, check: string | undefined, currentYear: number): PatentNumberResult {
  const filingYear = Number(digits.slice(0, 4));
  if (filingYear < MODERN_FIRST_YEAR || filingYear > currentYear + 1) {
    return formatError(
      `专利号年份 ${filingYear} 不合理：12 位申请号的年份应在 ${MODERN_FIRST_YEAR}–${currentYear + 1} 之间`,
    );
  }
  const type = typeOf(digits[4]);
  if (!type) return formatError(`专利号第 5 位（类型）应为 1、2、3、8 或 9，当前为 ${digits[4]}`);
  const expected = patentCheckChar(digits);
  if (check === undefined) return formatError(`专利号缺少校验位，应为 ${expected}`, expected);
  if (check !== expected) {
    return { ok: false, code: 'PATENT_CHECK', message: `专利号校验位错误，应为 ${expected}`, expectedCheck: expected };
  }
  return { ok: true, normalized: `${digits}.${check}`, type, era: 'modern', filingYear };
}

function parseTwoDigitYear(digits: string, check: string | undefined): PatentNumberResult {
  const yy = Number(digits.slice(0, 2));
  const year = twoDigitYear(yy);
  if (!year) {
    return formatError(`专利号年份 ${digits.slice(0, 2)} 不合理：8 位申请号的年份应为 85–99 或 00–03`);
  }
  const type = typeOf(digits[2]);
  if (!type) return formatError(`专利号第 3 位（类型）应为 1、2、3、8 或 9，当前为 ${digits[2]}`);
  const expected = patentCheckChar(digits);
  if (year.era === 'early') {
    // 1985–1988 numbers were issued without a check character. Some databases print one computed afterwards with
    // the same weights; accept it when it agrees, since it then adds nothing, and store the 8 digits alone.
    if (check !== undefined && check !== expected) {
      return formatError(`1985–1988 年的专利号没有校验位，请只填写 8 位数字 ${digits}`);
    }
    return { ok: true, normalized: digits, type, era: 'early', filingYear: year.filingYear };
  }
  if (check === undefined) return formatError(`专利号缺少校验位，应为 ${expected}`, expected);
  if (check !== expected) {
    return { ok: false, code: 'PATENT_CHECK', message: `专利号校验位错误，应为 ${expected}`, expectedCheck: expected };
  }
  return { ok: true, normalized: `${digits}.${check}`, type, era: 'legacy', filingYear: year.filingYear };
}
