import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactCell, hasControlChars, normalizeCell, normalizeOrgName, toHalfWidth } from './text';

const fullWidthAscii = fc.integer({ min: 0xff01, max: 0xff5e }).map((c) => String.fromCharCode(c));
const messyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(' ', '\u3000', '\u00a0', '\t', '\n', '\u200b', '\ufeff', '（', '）', '有', '限', '公', '司'),
    fullWidthAscii,
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  maxLength: 30,
});

describe('normalizeCell', () => {
  it('turns full-width digits, letters and punctuation into ASCII', () => {
    expect(normalizeCell('２０２２／３／５　ＡＢｃ，．')).toBe('2022/3/5 ABc,.');
  });

  it('trims and collapses ideographic, non-breaking and ordinary spaces', () => {
    expect(normalizeCell('\u3000 太原\u00a0\u00a0 市 \t')).toBe('太原 市');
  });

  it('drops zero-width characters pasted from web pages', () => {
    expect(normalizeCell('\ufeff2022\u200b-03-05')).toBe('2022-03-05');
  });

  it('leaves Chinese text alone', () => {
    expect(normalizeCell('山西转型综合改革示范区')).toBe('山西转型综合改革示范区');
  });

  it('is idempotent and leaves no full-width ASCII, no edge spaces and no double spaces', () => {
    fc.assert(
      fc.property(messyText, (s) => {
        const once = normalizeCell(s);
        expect(normalizeCell(once)).toBe(once);
        expect(once).not.toMatch(/[\uff01-\uff5e\u3000]/);
        expect(once).not.toMatch(/^\s|\s$|\s\s/);
      }),
    );
  });

  it('returns text that needs nothing done as it is, and otherwise folds width, drops zero-width and collapses spaces', () => {
    fc.assert(
      fc.property(fc.oneof(messyText, fc.string({ maxLength: 30 })), (s) => {
        expect(normalizeCell(s)).toBe(
          toHalfWidth(s)
            .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
            .replace(/\s+/g, ' ')
            .trim(),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('maps every full-width ASCII character to its ASCII twin', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x21, max: 0x7e }), (code) => {
        expect(toHalfWidth(String.fromCharCode(code + 0xfee0))).toBe(String.fromCharCode(code));
      }),
    );
  });
});

describe('compactCell', () => {
  it('removes every space', () => {
    expect(compactCell(' ZL 2017 1 0117081.7 ')).toBe('ZL201710117081.7');
  });
});

describe('normalizeOrgName', () => {
  it('matches a name written with full-width brackets, spaces and lowercase Latin to its plain spelling', () => {
    expect(normalizeOrgName(' 山西 ａｂｃ科技（太原）有限公司 ')).toBe(normalizeOrgName('山西ABC科技(太原)有限公司'));
    expect(normalizeOrgName('山西abc科技（太原）有限公司')).toBe('山西ABC科技(太原)有限公司');
  });

  it('keeps the legal suffix, so companies differing only in it stay different', () => {
    expect(normalizeOrgName('太原某某科技有限公司')).not.toBe(normalizeOrgName('太原某某科技股份有限公司'));
  });

  it('is idempotent and insensitive to added spaces and width', () => {
    fc.assert(
      fc.property(messyText, (s) => {
        const key = normalizeOrgName(s);
        expect(normalizeOrgName(key)).toBe(key);
        expect(normalizeOrgName(` ${s.split('').join(' ')} `)).toBe(key);
        expect(key).not.toMatch(/[\s（）a-z]/);
      }),
    );
  });
});

describe('hasControlChars', () => {
  it('finds ESC, BEL, NUL, DEL and C1 controls anywhere, however long the text, and allows tab and line breaks', () => {
    const long = '山'.repeat(2_000_000);
    for (const ch of ['\u001b', '\u0007', '\u0000', '\u007f', '\u009b'])
      expect(hasControlChars(`${long}${ch}`)).toBe(true);
    expect(hasControlChars(`${long}\t第一行\r\n第二行`)).toBe(false);
  });
});
