/**
 * Patent term, DOMAIN.md §4: counted from the filing date; the natural expiry is the day before the anniversary.
 * Term compensation (专利权期限补偿, Patent Law 2020 Art. 42) is not modelled: it is granted case by case.
 */
import { addDays, isIsoDate, isoFromParts, isLeapYear } from './dates';
import type { PatentType } from './patentNumber';

/** Designs filed on or after this date have 15 years (Patent Law as amended 2020, in force 2021-06-01). */
export const DESIGN_15_YEAR_TERM_FROM = '2021-06-01';

export function patentTermYears(type: PatentType, filingDate: string): number {
  if (type === 'invention') return 20;
  if (type === 'utility') return 10;
  return filingDate >= DESIGN_15_YEAR_TERM_FROM ? 15 : 10;
}

/**
 * ISO date of the last day of protection. A filing on 29 February has its anniversary on 1 March in a common year,
 * so the expiry is 28 February in every case.
 */
export function naturalExpiry(type: PatentType, filingDate: string): string {
  if (!isIsoDate(filingDate)) throw new RangeError(`naturalExpiry: not an ISO date: "${filingDate}"`);
  const year = Number(filingDate.slice(0, 4)) + patentTermYears(type, filingDate);
  const month = Number(filingDate.slice(5, 7));
  const day = Number(filingDate.slice(8, 10));
  const anniversary =
    month === 2 && day === 29 && !isLeapYear(year) ? isoFromParts(year, 3, 1) : isoFromParts(year, month, day);
  return addDays(anniversary, -1);
}
