/**
 * The ways caseworkers write a value into a cell (DESIGN §3, "cells are forgiving where people are"): full-width
 * digits, thousands separators, stray spaces, dates as Excel serials or `2022/3/5` or `2022年3月5日`, regions by code
 * or by name, patent numbers with ZL or CN or without the dot. Every spelling reads back as the same value.
 */
import { epochDayOf } from '../../shared/domain/dates';
import { formatFenAsWan } from '../../shared/domain/money';
import { CITY_REGIONS } from '../../shared/domain/regions';
import type { Random } from './random';

export type SpelledCell = string | number | Date | null;

/** Excel's serial of 1970-01-01 (serials count days from 1899-12-30). */
const UNIX_EPOCH_SERIAL = 25569;
const REGION_BY_CODE = new Map(CITY_REGIONS.map((r) => [r.code, r]));
const ASCII_TO_FULL_WIDTH = 0xfee0;

/** Digits, dot, comma and letters as their full-width forms, as a Chinese input method types them. */
function fullWidth(text: string): string {
  return text.replace(/[0-9.,A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + ASCII_TO_FULL_WIDTH));
}

function trimZeros(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;
}

export class Speller {
  constructor(private readonly r: Random) {}

  /** Free text, now and then with the trailing (or leading) spaces a copy from elsewhere brings. */
  text(value: string): string {
    const roll = this.r.next();
    if (roll < 0.08) return `${value} `;
    if (roll < 0.11) return `${value}\u3000`;
    if (roll < 0.13) return ` ${value}`;
    return value;
  }

  date(iso: string | null): SpelledCell {
    if (iso === null) return null;
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const roll = this.r.next();
    if (roll < 0.4) return new Date(`${iso}T00:00:00.000Z`); // a date cell: Excel stores its serial
    if (roll < 0.5) return epochDayOf(iso) + UNIX_EPOCH_SERIAL; // a bare serial, the date format lost
    if (roll < 0.65) return iso;
    if (roll < 0.8) return `${y}/${m}/${d}`;
    if (roll < 0.93) return `${y}年${m}月${d}日`;
    return `${y}/${m}/${d} `;
  }

  /** An amount in 万元, exact to the 分. */
  money(fen: number | null): SpelledCell {
    if (fen === null) return null;
    const plain = trimZeros(formatFenAsWan(fen, 6));
    const roll = this.r.next();
    if (roll < 0.45) return Number(plain); // a number cell; six decimals survive a double
    if (roll < 0.65) return trimZeros(formatFenAsWan(fen, 6, { thousands: true }));
    if (roll < 0.75) return fullWidth(plain);
    if (roll < 0.85) return `${plain} `;
    return plain;
  }

  /** A whole number, with its unit or thousands separators as people add them. */
  integer(value: number | null, unit: string): SpelledCell {
    if (value === null) return null;
    const roll = this.r.next();
    if (roll < 0.6) return value;
    if (roll < 0.72) return `${value}${unit}`;
    if (roll < 0.82 && value >= 10_000) return value.toLocaleString('en-US');
    if (roll < 0.9) return fullWidth(String(value));
    return String(value);
  }

  /** A Shanxi region by code, by name or by short name (太原 = 太原市 = 140100; 综改区). */
  region(code: string): string {
    const region = REGION_BY_CODE.get(code);
    if (!region) return code;
    return this.r.pick([code, code, region.name, region.shortName]);
  }

  /** A normalized application number as it comes from certificates, databases or hand typing. */
  patent(number: string): string {
    const roll = this.r.next();
    if (roll < 0.12) return `ZL${number}`;
    if (roll < 0.22) return `CN${number}`;
    if (roll < 0.32) return number.replace('.', '');
    if (roll < 0.37) return fullWidth(number);
    return number;
  }
}
