import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEN_PER_WAN, fenToWanNumber, formatFenAsWan, parseWanToFen } from './money';

const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const safeFen = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

describe('parseWanToFen', () => {
  it('reads 123.456789 万元 as 123456789 分, exact to the 分', () => {
    expect(parseWanToFen('123.456789')).toEqual({ ok: true, fen: 123_456_789 });
  });

  it('reads 20亿元 written as 200000 万元 as 200 billion 分', () => {
    expect(parseWanToFen('200000')).toEqual({ ok: true, fen: 200_000_000_000 });
  });

  it.each([
    ['1,234.5'],
    ['1，234.5'],
    ['１，２３４．５'],
    [' 1 234.5 '],
    ['+1234.5'],
    ['1234.50000000'],
    ['1234.5万元'],
    ['1234.5 万'],
  ])('reads %s as 1234.5 万元', (input) => {
    expect(parseWanToFen(input)).toEqual({ ok: true, fen: 1_234_500_000 });
  });

  it('reads .5 and 5. and 0', () => {
    expect(parseWanToFen('.5')).toEqual({ ok: true, fen: 500_000 });
    expect(parseWanToFen('5.')).toEqual({ ok: true, fen: 5_000_000 });
    expect(parseWanToFen('0')).toEqual({ ok: true, fen: 0 });
    expect(parseWanToFen(0)).toEqual({ ok: true, fen: 0 });
    expect(parseWanToFen(-0)).toEqual({ ok: true, fen: 0 });
  });

  it('reads numbers from Excel without binary noise: 0.1 + 0.2 is 0.3 万元', () => {
    expect(parseWanToFen(0.1 + 0.2)).toEqual({ ok: true, fen: 300_000 });
    expect(parseWanToFen(123.456789)).toEqual({ ok: true, fen: 123_456_789 });
    expect(parseWanToFen(1.15)).toEqual({ ok: true, fen: 1_150_000 });
  });

  it('refuses negative amounts in words a caseworker understands', () => {
    for (const input of ['-1', '－1', '−1', -1, -0.000001]) {
      const r = parseWanToFen(input);
      expect(r).toMatchObject({ ok: false, code: 'MONEY_NEGATIVE' });
      if (!r.ok) expect(r.message).toMatch(/不能为负数/);
    }
  });

  it('refuses more than six decimals and says how many there are', () => {
    expect(parseWanToFen('1.2345678')).toEqual({
      ok: false,
      code: 'MONEY_PRECISION',
      message: '金额最多保留 6 位小数（万元精确到分），当前有 7 位小数：1.2345678',
    });
    expect(parseWanToFen(0.0000001)).toMatchObject({ ok: false, code: 'MONEY_PRECISION' });
  });

  it('refuses amounts beyond Number.MAX_SAFE_INTEGER 分', () => {
    expect(parseWanToFen('9007199254.740991')).toEqual({ ok: true, fen: Number.MAX_SAFE_INTEGER });
    expect(parseWanToFen('9007199254.740992')).toMatchObject({ ok: false, code: 'MONEY_RANGE' });
    expect(parseWanToFen(1e21)).toMatchObject({ ok: false, code: 'MONEY_RANGE' });
  });

  it('refuses a decimal comma and misplaced thousands separators rather than guessing', () => {
    for (const input of ['1,5', '12,34', '1,2345', ',123', '1,234,5']) {
      expect(parseWanToFen(input)).toMatchObject({ ok: false, code: 'MONEY_FORMAT' });
    }
  });

  it('refuses empty cells, text, exponents, amounts in 元 and non-finite numbers', () => {
    for (const input of ['', ' ', '.', 'abc', '1e5', '12元', '1.2.3', '++1', Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(parseWanToFen(input)).toMatchObject({ ok: false, code: 'MONEY_FORMAT' });
    }
  });

  it('reads back every amount formatted with six decimals, with or without separators and in full width', () => {
    fc.assert(
      fc.property(safeFen, fc.boolean(), fc.boolean(), (fen, thousands, fullWidth) => {
        let text = formatFenAsWan(fen, 6, { thousands });
        if (fullWidth) text = toFullWidth(text);
        expect(parseWanToFen(text)).toEqual({ ok: true, fen });
      }),
    );
  });

  it('reads every JS number of up to 15 significant digits exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), (fen) => {
        expect(parseWanToFen(fen / FEN_PER_WAN)).toEqual({ ok: true, fen });
      }),
    );
  });

  it('never returns anything but a safe non-negative integer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double()), (input) => {
        const r = parseWanToFen(input);
        if (r.ok) {
          expect(Number.isSafeInteger(r.fen)).toBe(true);
          expect(r.fen).toBeGreaterThanOrEqual(0);
        } else {
          expect(r.message).toMatch(/金额/);
        }
      }),
    );
  });
});

describe('formatFenAsWan', () => {
  it('shows 123456789 分 as 123.46', () => {
    expect(formatFenAsWan(123_456_789)).toBe('123.46');
  });

  it('rounds half away from zero (四舍五入)', () => {
    expect(formatFenAsWan(5_000)).toBe('0.01');
    expect(formatFenAsWan(4_999)).toBe('0.00');
    expect(formatFenAsWan(-5_000)).toBe('-0.01');
    expect(formatFenAsWan(-4_999)).toBe('0.00');
    expect(formatFenAsWan(1_500_000, 0)).toBe('2');
  });

  it('groups thousands when asked', () => {
    expect(formatFenAsWan(123_456_789_012, 2, { thousands: true })).toBe('123,456.79');
    expect(formatFenAsWan(999_999_995_000, 2, { thousands: true })).toBe('1,000,000.00');
    expect(formatFenAsWan(123_456_789_012)).toBe('123456.79');
  });

  it('shows six decimals as the exact amount', () => {
    expect(formatFenAsWan(1, 6)).toBe('0.000001');
    expect(formatFenAsWan(Number.MAX_SAFE_INTEGER, 6)).toBe('9007199254.740991');
  });

  it('refuses fractional 分 and decimals outside 0–6', () => {
    expect(() => formatFenAsWan(1.5)).toThrow(RangeError);
    expect(() => formatFenAsWan(1, 7)).toThrow(RangeError);
  });

  it('is never more than half a unit of the last decimal away from the exact amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.nat(6), (fen, d) => {
        const shown = formatFenAsWan(fen, d);
        const shownFen = BigInt(shown.replace('.', '')) * 10n ** BigInt(6 - d);
        const diff = shownFen - BigInt(fen);
        const half = 10n ** BigInt(6 - d) / 2n;
        expect(diff <= half && -diff <= half).toBe(true);
      }),
    );
  });
});

describe('fenToWanNumber', () => {
  it('divides by a million', () => {
    expect(fenToWanNumber(123_456_789)).toBeCloseTo(123.456789, 9);
  });
});
