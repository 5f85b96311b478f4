import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  highestPatentType,
  PATENT_TYPE_LABELS,
  patentCheckChar,
  parsePatentNumber,
  patentTypeRank,
  type PatentNumberResult,
} from './patentNumber';

const options = { currentYear: 2025 };
const parse = (s: string): PatentNumberResult => parsePatentNumber(s, options);

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digitsOf = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''));
const typeDigit = fc.constantFrom('1', '2', '3', '8', '9');
/** 12 digits of a plausible modern number (year 2003–2026). */
const modernDigits = fc
  .tuple(fc.integer({ min: 2003, max: 2026 }), typeDigit, digitsOf(7))
  .map(([y, t, s]) => `${y}${t}${s}`);
/** 8 digits of a legacy (1989–2003) number. */
const legacyDigits = fc
  .tuple(fc.constantFrom('89', '90', '95', '99', '00', '01', '02', '03'), typeDigit, digitsOf(5))
  .map(([y, t, s]) => `${y}${t}${s}`);
const checkChars = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'];
const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('parsePatentNumber', () => {
  it.each([
    ['201710117081.7', 'invention', 'modern', 2017],
    ['202311303481.9', 'invention', 'modern', 2023],
    ['202311352019.8', 'invention', 'modern', 2023],
    ['202010310978.3', 'invention', 'modern', 2020],
    ['200510113767.6', 'invention', 'modern', 2005],
    ['00814037.5', 'invention', 'legacy', 2000],
    ['01800565.9', 'invention', 'legacy', 2001],
    ['95115608.X', 'invention', 'legacy', 1995],
  ] as const)('accepts the verified number %s', (input, type, era, filingYear) => {
    expect(parse(input)).toEqual({ ok: true, normalized: input, type, era, filingYear });
  });

  it('refuses 202310999716.5 and names the expected check character 6', () => {
    expect(parse('202310999716.5')).toEqual({
      ok: false,
      code: 'PATENT_CHECK',
      message: '专利号校验位错误，应为 6',
      expectedCheck: '6',
    });
  });

  it('accepts a ZL or CN prefix in any case, spaces, full-width characters and a missing dot', () => {
    for (const input of [
      'ZL201710117081.7',
      'zl 2017 1 0117081.7',
      'CN2017101170817',
      'cn 201710117081.7',
      'ＺＬ２０１７１０１１７０８１．７',
      '2017 1 0117081 . 7',
      '201710117081。7',
      ' 201710117081.7\u3000',
    ]) {
      expect(parse(input)).toMatchObject({ ok: true, normalized: '201710117081.7' });
    }
  });

  it('accepts a lowercase x as the check character', () => {
    expect(parse('95115608.x')).toMatchObject({ ok: true, normalized: '95115608.X' });
    expect(parse('95115608x')).toMatchObject({ ok: true, normalized: '95115608.X' });
  });

  it('reads the type from the 5th digit, PCT 8 as invention and 9 as utility model', () => {
    const typeFor = (t: string) => {
      const digits = `2021${t}0000001`;
      const r = parse(`${digits}.${patentCheckChar(digits)}`);
      return r.ok ? r.type : r.code;
    };
    expect(['1', '2', '3', '8', '9'].map(typeFor)).toEqual(['invention', 'utility', 'design', 'invention', 'utility']);
  });

  it('reads the type of an 8-digit number from its 3rd digit', () => {
    const r = parse(`99200001.${patentCheckChar('99200001')}`);
    expect(r).toMatchObject({ ok: true, type: 'utility', era: 'legacy', filingYear: 1999 });
    expect(parse(`02300001${patentCheckChar('02300001')}`)).toMatchObject({
      ok: true,
      type: 'design',
      filingYear: 2002,
    });
  });

  it('refuses a type digit other than 1, 2, 3, 8 or 9', () => {
    const digits = '202140000001';
    expect(parse(`${digits}.${patentCheckChar(digits)}`)).toMatchObject({ ok: false, code: 'PATENT_FORMAT' });
  });

  it('accepts 1985–1988 numbers without a check character and stores the 8 digits', () => {
    expect(parse('85100001')).toEqual({
      ok: true,
      normalized: '85100001',
      type: 'invention',
      era: 'early',
      filingYear: 1985,
    });
    expect(parse(`ZL88201234.${patentCheckChar('88201234')}`)).toMatchObject({ ok: true, normalized: '88201234' });
  });

  it('refuses a 1985–1988 number carrying a check character that does not fit', () => {
    const wrong = patentCheckChar('85100001') === '1' ? '2' : '1';
    expect(parse(`85100001.${wrong}`)).toMatchObject({ ok: false, code: 'PATENT_FORMAT' });
  });

  it('refuses a modern or legacy number without its check character and says which it should be', () => {
    expect(parse('201710117081')).toMatchObject({ ok: false, code: 'PATENT_FORMAT', expectedCheck: '7' });
    expect(parse('95115608')).toMatchObject({ ok: false, code: 'PATENT_FORMAT', expectedCheck: 'X' });
  });

  it('refuses modern years before 2003 or after next year', () => {
    const at = (year: number) => {
      const digits = `${year}10000001`;
      return parse(`${digits}.${patentCheckChar(digits)}`);
    };
    expect(at(2002)).toMatchObject({ ok: false, code: 'PATENT_FORMAT' });
    expect(at(2003)).toMatchObject({ ok: true, filingYear: 2003 });
    expect(at(2026)).toMatchObject({ ok: true, filingYear: 2026 });
    expect(at(2027)).toMatchObject({ ok: false, code: 'PATENT_FORMAT' });
  });

  it('refuses two-digit years 04 to 84', () => {
    for (const yy of ['04', '50', '84']) {
      const digits = `${yy}100001`;
      expect(parse(`${digits}.${patentCheckChar(digits)}`)).toMatchObject({ ok: false, code: 'PATENT_FORMAT' });
    }
  });

  it('refuses empty input, letters, a misplaced dot and wrong lengths with a Chinese message', () => {
    for (const input of ['', '   ', 'ZL', '2017101170817A', '20171011.70817', '2017101170.7', '12345678901234.5']) {
      const r = parse(input);
      expect(r).toMatchObject({ ok: false, code: 'PATENT_FORMAT' });
      if (!r.ok) expect(r.message).toMatch(/专利号/);
    }
  });

  it('accepts every modern number whose check character is computed by patentCheckChar', () => {
    fc.assert(
      fc.property(modernDigits, (digits) => {
        const r = parse(`${digits}.${patentCheckChar(digits)}`);
        expect(r).toMatchObject({ ok: true, era: 'modern', filingYear: Number(digits.slice(0, 4)) });
      }),
    );
  });

  it('refuses every other check character and names the right one', () => {
    fc.assert(
      fc.property(fc.oneof(modernDigits, legacyDigits), fc.constantFrom(...checkChars), (digits, check) => {
        const expected = patentCheckChar(digits);
        fc.pre(check !== expected);
        expect(parse(`${digits}.${check}`)).toMatchObject({ ok: false, code: 'PATENT_CHECK', expectedCheck: expected });
      }),
    );
  });

  it('normalizes every accepted spelling of a number to the same form, and the normal form to itself', () => {
    fc.assert(
      fc.property(
        fc.oneof(modernDigits, legacyDigits),
        fc.constantFrom('', 'ZL', 'zl', 'CN', 'cn '),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (digits, prefix, dot, fullWidth, spaced) => {
          const normalized = `${digits}.${patentCheckChar(digits)}`;
          let input = `${prefix}${spaced ? `${digits.slice(0, -7)} ${digits.slice(-7)}` : digits}${dot ? '.' : ''}`;
          input += patentCheckChar(digits).toLowerCase();
          if (fullWidth) input = toFullWidth(input);
          expect(parse(input)).toMatchObject({ ok: true, normalized });
          expect(parse(normalized)).toMatchObject({ ok: true, normalized });
        },
      ),
    );
  });

  it('catches any single mistyped digit', () => {
    fc.assert(
      fc.property(modernDigits, fc.nat(11), fc.integer({ min: 1, max: 9 }), (digits, at, delta) => {
        const check = patentCheckChar(digits);
        const typo = digits.slice(0, at) + ((Number(digits[at]) + delta) % 10) + digits.slice(at + 1);
        expect(parse(`${typo}.${check}`).ok && patentCheckChar(typo) === check).toBe(false);
      }),
    );
  });

  it('catches any swap of two different adjacent digits', () => {
    fc.assert(
      fc.property(modernDigits, fc.nat(10), (digits, at) => {
        fc.pre(digits[at] !== digits[at + 1]);
        const swapped = digits.slice(0, at) + digits[at + 1] + digits[at] + digits.slice(at + 2);
        expect(patentCheckChar(swapped)).not.toBe(patentCheckChar(digits));
      }),
    );
  });
});

describe('patentCheckChar', () => {
  it('weights 12 digits by 2..9,2..5 and writes remainder 10 as X', () => {
    expect(patentCheckChar('202310999716')).toBe('6');
    expect(patentCheckChar('95115608')).toBe('X');
  });

  it('refuses anything but 8 or 12 digits', () => {
    expect(() => patentCheckChar('1234567')).toThrow(RangeError);
    expect(() => patentCheckChar('20231099971A')).toThrow(RangeError);
  });
});

describe('patent types', () => {
  it('labels the three types in Chinese', () => {
    expect(PATENT_TYPE_LABELS).toEqual({ invention: '发明', utility: '实用新型', design: '外观设计' });
  });

  it('ranks invention above utility model above design', () => {
    expect(patentTypeRank('invention')).toBeGreaterThan(patentTypeRank('utility'));
    expect(patentTypeRank('utility')).toBeGreaterThan(patentTypeRank('design'));
  });

  it('takes the highest type of a deal, or null for none', () => {
    expect(highestPatentType(['design', 'utility', 'design'])).toBe('utility');
    expect(highestPatentType(['design', 'invention'])).toBe('invention');
    expect(highestPatentType([])).toBeNull();
  });
});
