import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isLeapYear } from './dates';
import { naturalExpiry, patentTermYears } from './patentTerm';
import { PATENT_TYPES } from './patentNumber';

const filingDate = fc
  .integer({ min: Date.UTC(1985, 3, 1), max: Date.UTC(2030, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

describe('naturalExpiry', () => {
  it('ends an invention 20 years after filing, on the day before the anniversary', () => {
    expect(naturalExpiry('invention', '2017-10-11')).toBe('2037-10-10');
  });

  it('ends a utility model after 10 years', () => {
    expect(naturalExpiry('utility', '2020-01-01')).toBe('2029-12-31');
  });

  it('gives a design filed on 2021-05-31 10 years and one filed on 2021-06-01 15 years', () => {
    expect(naturalExpiry('design', '2021-05-31')).toBe('2031-05-30');
    expect(naturalExpiry('design', '2021-06-01')).toBe('2036-05-31');
  });

  it('ends a patent filed on 29 February on 28 February, whether the anniversary year is leap or not', () => {
    expect(naturalExpiry('invention', '2000-02-29')).toBe('2020-02-28');
    expect(naturalExpiry('utility', '2000-02-29')).toBe('2010-02-28');
    expect(naturalExpiry('design', '2024-02-29')).toBe('2039-02-28');
  });

  it('refuses a filing date that is not an ISO date', () => {
    expect(() => naturalExpiry('invention', '2021/6/1')).toThrow(RangeError);
  });

  it('always ends the day before the anniversary of the term', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATENT_TYPES), filingDate, (type, filed) => {
        const expiry = naturalExpiry(type, filed);
        const anniversary = addDays(expiry, 1);
        const years = patentTermYears(type, filed);
        expect(Number(anniversary.slice(0, 4)) - Number(filed.slice(0, 4))).toBe(years);
        const leapDayLost = filed.slice(5) === '02-29' && !isLeapYear(Number(anniversary.slice(0, 4)));
        expect(anniversary.slice(5)).toBe(leapDayLost ? '03-01' : filed.slice(5));
      }),
    );
  });
});

describe('patentTermYears', () => {
  it('is 20 for inventions, 10 for utility models, 10 or 15 for designs', () => {
    expect(patentTermYears('invention', '1990-01-01')).toBe(20);
    expect(patentTermYears('utility', '2023-01-01')).toBe(10);
    expect(patentTermYears('design', '2021-05-31')).toBe(10);
    expect(patentTermYears('design', '2021-06-01')).toBe(15);
  });
});
