import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates';
import { dailyBackupsToPrune } from './retention';

const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));

describe('retention of daily backups: 7 daily + 4 weekly', () => {
  it('keeps everything while there are at most 7', () => {
    expect(dailyBackupsToPrune(days('2026-11-01', 7))).toEqual([]);
  });

  it('after 60 days of daily backups keeps the last 7 days and one per week for the 4 weeks before', () => {
    const all = days('2026-09-28', 60); // 2026-09-28 is a Monday; the last is 2026-11-26 (a Thursday)
    const kept = all.filter((d) => !dailyBackupsToPrune(all).includes(d));
    expect(kept).toEqual([
      // the newest of each of the 4 weeks before the last 7 days (weeks run Monday to Sunday)
      '2026-10-25',
      '2026-11-01',
      '2026-11-08',
      '2026-11-15',
      // the last 7 days
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
    ]);
  });

  it('keeps a lone old backup from a week with no other (a machine that was off for weeks)', () => {
    const dates = ['2026-06-03', ...days('2026-11-20', 7)];
    expect(dailyBackupsToPrune(dates)).toEqual([]);
  });
});
