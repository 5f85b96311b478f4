import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  epochDayOf,
  excelSerialOf,
  isIsoDate,
  isoFromEpochDay,
  parseDate,
  todayIso,
  yearOf,
} from './dates';

const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** A real calendar date between 1900-03-01 and 2199-12-31, as [year, month, day] and ISO. */
const dateParts = fc.integer({ min: Date.UTC(1900, 2, 1), max: Date.UTC(2199, 11, 31) }).map((ms) => {
  const d = new Date(ms);
  const parts = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] as const;
  return { parts, iso: d.toISOString().slice(0, 10) };
});

describe('parseDate', () => {
  it.each([
    ['2022-03-05'],
    ['2022/3/5'],
    ['2022.3.5'],
    ['2022年3月5日'],
    ['2022 年 3 月 5 日'],
    ['2022年03月05'],
    ['20220305'],
    ['２０２２－０３－０５'],
    ['２０２２年３月５日'],
    [' 2022/03/05 '],
    ['2022-03-05 00:00:00'],
    ['2022-03-05T00:00:00.000Z'],
    ['2022/3/5 14:30'],
  ])('reads %s as 2022-03-05', (input) => {
    expect(parseDate(input)).toEqual({ ok: true, iso: '2022-03-05' });
  });

  it('reads the Excel serial 44625, as a number or as text, as 2022-03-05 and drops the time of day', () => {
    expect(parseDate(44625)).toEqual({ ok: true, iso: '2022-03-05' });
    expect(parseDate('44625')).toEqual({ ok: true, iso: '2022-03-05' });
    expect(parseDate(44625.75)).toEqual({ ok: true, iso: '2022-03-05' });
    expect(parseDate('４４６２５.５')).toEqual({ ok: true, iso: '2022-03-05' });
  });

  it('reads the number 20220305 typed into a number cell as a date, not a serial', () => {
    expect(parseDate(20220305)).toEqual({ ok: true, iso: '2022-03-05' });
  });

  it('counts Excel serials around the fake 1900-02-29 as Excel does', () => {
    expect(parseDate(1)).toEqual({ ok: true, iso: '1900-01-01' });
    expect(parseDate(59)).toEqual({ ok: true, iso: '1900-02-28' });
    expect(parseDate(61)).toEqual({ ok: true, iso: '1900-03-01' });
  });

  it('refuses serial 60, the 1900-02-29 that never was', () => {
    expect(parseDate(60)).toMatchObject({
      ok: false,
      code: 'DATE_INVALID',
      message: expect.stringMatching(/1900-02-29/),
    });
  });

  it('refuses serials below 1 and past 9999-12-31', () => {
    expect(parseDate(0)).toMatchObject({ ok: false });
    expect(parseDate(-5)).toMatchObject({ ok: false });
    expect(parseDate(2958466)).toMatchObject({ ok: false });
  });

  it('takes the UTC date of a Date, as exceljs gives UTC midnight', () => {
    expect(parseDate(new Date(Date.UTC(2022, 2, 5)))).toEqual({ ok: true, iso: '2022-03-05' });
    expect(parseDate(new Date('2022-03-05T23:59:59Z'))).toEqual({ ok: true, iso: '2022-03-05' });
    expect(parseDate(new Date(Number.NaN))).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
  });

  it('refuses 2022-02-30 and 2023-02-29 as dates that do not exist, but accepts 2024-02-29', () => {
    expect(parseDate('2022-02-30')).toEqual({ ok: false, code: 'DATE_INVALID', message: '日期不存在：2022-02-30' });
    expect(parseDate('2023年2月29日')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parseDate('20221301')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parseDate('2024/2/29')).toEqual({ ok: true, iso: '2024-02-29' });
    expect(parseDate('1900-02-29')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
  });

  it('refuses empty cells, two-digit years, mixed separators and other text with a Chinese hint', () => {
    for (const input of [
      '',
      '  ',
      '22/3/5',
      '3/5/2022',
      '2022-3/5',
      '2022-03',
      '二〇二二年三月五日',
      'abc',
      '202203051',
    ]) {
      const r = parseDate(input);
      expect(r).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
      if (!r.ok) expect(r.message).toMatch(/日期/);
    }
  });

  it('reads every real date the same in every accepted spelling', () => {
    fc.assert(
      fc.property(dateParts, fc.boolean(), ({ parts: [y, m, d], iso }, fullWidth) => {
        const spellings = [iso, `${y}/${m}/${d}`, `${y}.${m}.${d}`, `${y}年${m}月${d}日`, iso.replace(/-/g, '')];
        for (const s of spellings) {
          expect(parseDate(fullWidth ? toFullWidth(s) : s)).toEqual({ ok: true, iso });
        }
        expect(parseDate(new Date(`${iso}T00:00:00Z`))).toEqual({ ok: true, iso });
      }),
    );
  });

  it('reads the Excel serial of every date since 1900-03-01 back as that date, as text while it has 5 digits', () => {
    fc.assert(
      fc.property(dateParts, ({ iso }) => {
        const serial = excelSerialOf(iso);
        expect(parseDate(serial)).toEqual({ ok: true, iso });
        if (serial <= 99_999) expect(parseDate(String(serial))).toEqual({ ok: true, iso });
      }),
    );
  });

  it('agrees with Excel that serial n + 1 is the day after serial n, except across the fake leap day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958464 }), (n) => {
        fc.pre(n !== 59 && n !== 60);
        const a = parseDate(n);
        const b = parseDate(n + 1);
        if (a.ok && b.ok) expect(daysBetween(a.iso, b.iso)).toBe(1);
        else throw new Error(`serial ${n} refused`);
      }),
    );
  });
});

describe('isIsoDate', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2022-3-5')).toBe(false);
    expect(isIsoDate('2022-03-05T00:00')).toBe(false);
    expect(isIsoDate(20220305)).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2022-03-05', -365)).toBe('2021-03-05');
  });

  it('counts days from a to b, negative when b is earlier', () => {
    expect(daysBetween('2022-03-05', '2022-03-06')).toBe(1);
    expect(daysBetween('2022-03-06', '2022-03-05')).toBe(-1);
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
  });

  it('refuses a date that is not ISO', () => {
    expect(() => addDays('2022/3/5', 1)).toThrow(RangeError);
    expect(() => daysBetween('2022-02-30', '2022-03-01')).toThrow(RangeError);
  });

  it('agrees with the UTC calendar of JS Date', () => {
    fc.assert(
      fc.property(dateParts, ({ iso }) => {
        expect(epochDayOf(iso)).toBe(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
      }),
    );
  });

  it('makes addDays and daysBetween inverse to each other', () => {
    fc.assert(
      fc.property(dateParts, fc.integer({ min: -40000, max: 40000 }), ({ iso }, n) => {
        const later = addDays(iso, n);
        expect(isIsoDate(later)).toBe(true);
        expect(daysBetween(iso, later)).toBe(n);
        expect(addDays(later, -n)).toBe(iso);
        expect(isoFromEpochDay(epochDayOf(iso))).toBe(iso);
      }),
    );
  });

  it('gives the year of an ISO date', () => {
    expect(yearOf('2023-12-31')).toBe(2023);
  });
});

describe('todayIso', () => {
  it('takes the date on the local clock', () => {
    expect(todayIso(new Date(2022, 2, 5, 23, 59, 59))).toBe('2022-03-05');
    expect(todayIso(new Date(2022, 2, 5, 0, 0, 0))).toBe('2022-03-05');
  });

  it('gives an ISO date for now by default', () => {
    expect(isIsoDate(todayIso())).toBe(true);
  });
});
