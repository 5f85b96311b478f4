/**
 * Calendar dates as ISO strings `YYYY-MM-DD`: no time, no time zone. Arithmetic runs on day numbers computed with
 * integer civil-calendar formulas, so it never depends on the machine's zone or on Date's two-digit-year quirks.
 */
import { normalizeCell } from './text';

export type DateResult =
  { ok: true; iso: string } | { ok: false; code: 'DATE_FORMAT' | 'DATE_INVALID'; message: string };

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats year, month (1–12), day as `YYYY-MM-DD`. Throws on a date that does not exist. */
export function isoFromParts(year: number, month: number, day: number): string {
  if (!isRealDate(year, month, day)) throw new RangeError(`no such date: ${year}-${month}-${day}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True for a real calendar date written exactly `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function partsOf(iso: string): [number, number, number] {
  if (!isIsoDate(iso)) throw new RangeError(`not an ISO date: "${iso}"`);
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** Day number (days since 1970-01-01) of an ISO date. */
export function epochDayOf(iso: string): number {
  return daysFromCivil(...partsOf(iso));
}

/** ISO date of a day number (days since 1970-01-01). */
export function isoFromEpochDay(days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`epoch day must be an integer, got ${days}`);
  return isoFromParts(...civilFromDays(days));
}

/** The date n days after (n < 0: before) the given one. */
export function addDays(iso: string, n: number): string {
  return isoFromEpochDay(epochDayOf(iso) + n);
}

/** Signed number of days from a to b: daysBetween('2022-03-05', '2022-03-06') === 1. */
export function daysBetween(a: string, b: string): number {
  return epochDayOf(b) - epochDayOf(a);
}

export function yearOf(iso: string): number {
  return partsOf(iso)[0];
}

/** Today's date on the user's clock (local time), as ISO. */
export function todayIso(now: Date = new Date()): string {
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

// Excel's 1900 date system: serial 1 is 1900-01-01, and serial 60 is 1900-02-29, a day that never was (kept by Excel
// for Lotus 1-2-3 compatibility). From serial 61 (1900-03-01) on, serial = days since 1899-12-30.
const EXCEL_EPOCH_DAY = daysFromCivil(1899, 12, 30);
const EXCEL_FAKE_LEAP_DAY = 60;
const EXCEL_MAX_SERIAL = 2958465; // 9999-12-31

function fromExcelSerial(serial: number): DateResult {
  const whole = Math.floor(serial);
  if (whole < 1 || whole > EXCEL_MAX_SERIAL) {
    return { ok: false, code: 'DATE_FORMAT', message: `无法识别的日期：Excel 日期序号 ${serial} 超出范围` };
  }
  if (whole === EXCEL_FAKE_LEAP_DAY) {
    return {
      ok: false,
      code: 'DATE_INVALID',
      message: '日期不存在：1900-02-29（Excel 日期序号 60 是 Excel 的历史错误）',
    };
  }
  // Before the fake leap day, Excel counts one day less than the real calendar.
  const offset = whole < EXCEL_FAKE_LEAP_DAY ? whole + 1 : whole;
  return { ok: true, iso: isoFromEpochDay(EXCEL_EPOCH_DAY + offset) };
}

/** The Excel (1900 system) serial of an ISO date; dates before 1900-03-01 get Excel's own numbering. */
export function excelSerialOf(iso: string): number {
  const serial = epochDayOf(iso) - EXCEL_EPOCH_DAY;
  return serial <= EXCEL_FAKE_LEAP_DAY ? serial - 1 : serial;
}

function fromParts(year: number, month: number, day: number, shown: string): DateResult {
  if (!isRealDate(year, month, day)) return { ok: false, code: 'DATE_INVALID', message: `日期不存在：${shown}` };
  return { ok: true, iso: isoFromParts(year, month, day) };
}

const TIME_SUFFIX = /(?: +|(?<=\d)T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?$/;

const FORMAT_HINT = '请写作 2022-03-05、2022/3/5、2022.3.5、2022年3月5日 或 20220305';

function unrecognized(shown: string): DateResult {
  return { ok: false, code: 'DATE_FORMAT', message: `无法识别的日期“${shown}”：${FORMAT_HINT}` };
}

/**
 * Reads a date cell: `2022-03-05`, `2022/3/5`, `2022.3.5`, `2022年3月5日`, `20220305`, full-width digits, an Excel
 * serial (a number, or 1–5 digits with an optional fraction; the time of day is dropped), an ISO date-time without
 * offset or with `Z` (the date part is taken), or a JS Date. A Date's UTC parts are taken, because exceljs hands
 * date cells over as UTC midnight; a Date built from local midnight east of Greenwich would read as the day before,
 * so UI code should pass ISO strings rather than Dates.
 */
export function parseDate(input: string | number | Date): DateResult {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return unrecognized('Invalid Date');
    const [year, month, day] = [input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate()];
    return fromParts(year, month, day, `${year}-${month}-${day}`);
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return unrecognized(String(input));
    // A number cell holding 20220305 is a date typed without separators, never a serial (serials end at 2958465).
    if (Number.isInteger(input) && input >= 10000101 && input <= 99991231) return parseDate(String(input));
    return fromExcelSerial(input);
  }
  const shown = normalizeCell(String(input ?? ''));
  if (shown === '') return { ok: false, code: 'DATE_FORMAT', message: '日期为空' };
  // A time of day after the date (CSV exports, ISO date-times) is dropped; spaces elsewhere carry no meaning.
  const text = shown.replace(TIME_SUFFIX, '').replace(/ /g, '');

  if (/^\d{1,5}(\.\d+)?$/.test(text)) return fromExcelSerial(Number(text));

  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), text);

  m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[3]), Number(m[4]), text);

  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), text);

  return unrecognized(shown);
}
