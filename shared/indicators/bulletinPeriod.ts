/**
 * The 定期通报 (晋财行〔2021〕35号 三、(一) “定期通报机制”): its period (a month or a quarter of a year), how much of a
 * target's period has elapsed at the period's end (序时进度), and which regions are behind it. DOMAIN §7a.
 */
import { daysInMonth, isoFromParts } from '../domain/dates';
import type { IndicatorId } from './ids';

export type BulletinPeriodKind = 'month' | 'quarter';

export interface BulletinPeriod {
  year: number;
  kind: BulletinPeriodKind;
  /** 1–12 for a month, 1–4 for a quarter. */
  number: number;
}

/** The indicators the plan sets a number for (990 项 / 1300 项 / 660 家 / 20 亿元 / 300 项): the bulletin's progress, ranking and schedule. */
export const BULLETIN_MAIN_IDS: readonly IndicatorId[] = ['I1', 'I2', 'I3', 'I5', 'I5a'];

const QUARTER_NAMES = ['一', '二', '三', '四'];

/** 2023年6月 / 2023年第二季度. */
export function periodLabel(p: BulletinPeriod): string {
  return p.kind === 'month' ? `${p.year}年${p.number}月` : `${p.year}年第${QUARTER_NAMES[p.number - 1]}季度`;
}

/** First and last day of the period. */
export function periodRange(p: BulletinPeriod): { start: string; end: string } {
  const firstMonth = p.kind === 'month' ? p.number : (p.number - 1) * 3 + 1;
  const lastMonth = p.kind === 'month' ? p.number : p.number * 3;
  return {
    start: isoFromParts(p.year, firstMonth, 1),
    end: isoFromParts(p.year, lastMonth, daysInMonth(p.year, lastMonth)),
  };
}

/** The last period that has ended on `today` (last month, or the last quarter), for opening the page on it. */
export function latestEndedPeriod(today: string, kind: BulletinPeriodKind): BulletinPeriod {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'month') return month === 1 ? { year: year - 1, kind, number: 12 } : { year, kind, number: month - 1 };
  const quarter = Math.ceil(month / 3) - 1;
  return quarter === 0 ? { year: year - 1, kind, number: 4 } : { year, kind, number: quarter };
}

/**
 * 序时进度: the share of a target's period (whole years `yearFrom`–`yearTo`) that has elapsed by the end of the month
 * in which `periodEnd` falls, counted in months (a bulletin always ends on a month's end), between 0 and 1.
 * Example: the plan 2021–2023 at the end of June 2022 → 18 of 36 months = 50 %.
 */
export function elapsedShare(periodEnd: string, yearFrom: number, yearTo: number): number {
  const total = (yearTo - yearFrom + 1) * 12;
  const elapsed = (Number(periodEnd.slice(0, 4)) - yearFrom) * 12 + Number(periodEnd.slice(5, 7));
  return Math.min(1, Math.max(0, elapsed / total));
}

/**
 * Behind schedule (落后于序时进度): a completion rate below the elapsed share of its target's period. Undefined
 * (false) without a completion rate: a region without a target is not judged.
 */
export function isBehindSchedule(completion: number | null, elapsed: number | null): boolean {
  return completion !== null && elapsed !== null && completion < elapsed;
}

/** 综合完成率: the mean of the completion rates a region has among the main indicators; null when it has none. */
export function overallCompletion(completions: readonly (number | null)[]): number | null {
  const known = completions.filter((c): c is number => c !== null);
  return known.length === 0 ? null : known.reduce((s, c) => s + c, 0) / known.length;
}

/**
 * Ranks by a score, highest first; equal scores share a rank (1, 2, 2, 4); a null score gets no rank.
 * Returns the rank of each item in the order given.
 */
export function rankByScore(scores: readonly (number | null)[]): (number | null)[] {
  return scores.map((score) =>
    score === null ? null : 1 + scores.filter((other) => other !== null && other > score).length,
  );
}
