import { patentCheckChar } from '../../shared/domain/patentNumber';
import { orgCodeCheckChar, USCC_ALPHABET, usccCheckChar } from '../../shared/domain/uscc';
import type { Random } from './random';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID from a given time and the generator: sortable like real ones, reproducible unlike them. */
export function seededUlid(ms: number, random: Random): string {
  let time = '';
  let t = ms;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let rest = '';
  for (let i = 0; i < 16; i++) rest += CROCKFORD[Math.floor(random.next() * 32)];
  return time + rest;
}

const ORG_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A valid USCC: registration type ('91' enterprise, '12' public institution), the division code, an organization
 * code with its own check character, and the code's check character. `serial` keeps them unique.
 */
export function makeUscc(type: '91' | '12' | '52', divisionCode: string, serial: number): string {
  let body = '';
  let n = serial;
  for (let i = 0; i < 8; i++) {
    body = ORG_CODE_CHARS[n % ORG_CODE_CHARS.length] + body;
    n = Math.floor(n / ORG_CODE_CHARS.length);
  }
  const orgCode = body + orgCodeCheckChar(body);
  // The org-code check may be X or 0–9; both are in the USCC alphabet.
  const first17 = `${type}${divisionCode}${orgCode}`;
  if (![...first17].every((c) => USCC_ALPHABET.includes(c))) throw new Error(`bad USCC body ${first17}`);
  return first17 + usccCheckChar(first17);
}

/** A valid modern application number `YYYYTNNNNNNN.C`. */
export function makePatentNumber(year: number, typeDigit: '1' | '2' | '3', serial: number): string {
  const digits = `${year}${typeDigit}${String(serial).padStart(7, '0')}`;
  return `${digits}.${patentCheckChar(digits)}`;
}
