import { epochDayOf } from '../../shared/domain/dates';

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

/** Monday-based week number since the epoch (1970-01-01 was a Thursday, hence the +3). */
function weekOf(iso: string): number {
  return Math.floor((epochDayOf(iso) + 3) / 7);
}

/**
 * Which daily backups to delete, given the dates (ISO) of those that exist: the newest 7 stay; of the older ones,
 * the newest of each week stays for the 4 most recent weeks not already covered by those 7. Everything else goes.
 */
export function dailyBackupsToPrune(dates: readonly string[]): string[] {
  const newestFirst = [...new Set(dates)].sort().reverse();
  // Weeks the kept dailies already stand for need no weekly backup of their own.
  const coveredWeeks = new Set(newestFirst.slice(0, KEEP_DAILY).map(weekOf));
  const keptWeeks = new Set<number>();
  const prune: string[] = [];
  for (const date of newestFirst.slice(KEEP_DAILY)) {
    const week = weekOf(date);
    if (!coveredWeeks.has(week) && !keptWeeks.has(week) && keptWeeks.size < KEEP_WEEKLY) keptWeeks.add(week);
    else prune.push(date);
  }
  return prune;
}
