import { describe, expect, it } from 'vitest';
import {
  elapsedShare,
  isBehindSchedule,
  latestEndedPeriod,
  overallCompletion,
  periodLabel,
  periodRange,
  rankByScore,
} from './bulletinPeriod';

describe('the period of a 定期通报', () => {
  it('runs a month from its first to its last day, February of a leap year included', () => {
    expect(periodRange({ year: 2023, kind: 'month', number: 6 })).toEqual({ start: '2023-06-01', end: '2023-06-30' });
    expect(periodRange({ year: 2024, kind: 'month', number: 2 })).toEqual({ start: '2024-02-01', end: '2024-02-29' });
  });

  it('runs a quarter over its three months', () => {
    expect(periodRange({ year: 2022, kind: 'quarter', number: 1 })).toEqual({ start: '2022-01-01', end: '2022-03-31' });
    expect(periodRange({ year: 2022, kind: 'quarter', number: 4 })).toEqual({ start: '2022-10-01', end: '2022-12-31' });
  });

  it('is named in Chinese as people write it', () => {
    expect(periodLabel({ year: 2023, kind: 'month', number: 12 })).toBe('2023年12月');
    expect(periodLabel({ year: 2022, kind: 'quarter', number: 3 })).toBe('2022年第三季度');
  });

  it('opens on the last month or quarter that has ended', () => {
    expect(latestEndedPeriod('2024-01-15', 'month')).toEqual({ year: 2023, kind: 'month', number: 12 });
    expect(latestEndedPeriod('2024-05-02', 'month')).toEqual({ year: 2024, kind: 'month', number: 4 });
    expect(latestEndedPeriod('2024-02-10', 'quarter')).toEqual({ year: 2023, kind: 'quarter', number: 4 });
    expect(latestEndedPeriod('2024-08-31', 'quarter')).toEqual({ year: 2024, kind: 'quarter', number: 2 });
  });
});

describe('序时进度 and regions behind schedule', () => {
  it('counts the months of the target period elapsed by the period end', () => {
    expect(elapsedShare('2022-06-30', 2021, 2023)).toBeCloseTo(0.5, 12);
    expect(elapsedShare('2021-03-31', 2021, 2023)).toBeCloseTo(3 / 36, 12);
    expect(elapsedShare('2023-12-31', 2021, 2023)).toBe(1);
  });

  it('stays between 0 and 1 before and after the target period', () => {
    expect(elapsedShare('2020-12-31', 2021, 2023)).toBe(0);
    expect(elapsedShare('2025-06-30', 2021, 2023)).toBe(1);
  });

  it('calls a region behind when its completion is below the elapsed share, and never judges one without a target', () => {
    expect(isBehindSchedule(0.35, 0.5)).toBe(true);
    expect(isBehindSchedule(0.5, 0.5)).toBe(false);
    expect(isBehindSchedule(1.2, 0.5)).toBe(false);
    expect(isBehindSchedule(null, 0.5)).toBe(false);
  });

  it('averages the completion rates a region has, and has none without any target', () => {
    expect(overallCompletion([0.5, null, 1, null, 0.3])).toBeCloseTo(0.6, 12);
    expect(overallCompletion([null, null])).toBeNull();
  });

  it('ranks the highest first, gives equal scores the same rank and leaves regions without targets unranked', () => {
    expect(rankByScore([0.4, 0.9, null, 0.4, 0.1])).toEqual([2, 1, null, 2, 4]);
  });
});
