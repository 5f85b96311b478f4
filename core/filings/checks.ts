import { todayIso } from '../../shared/domain/dates';
import { DeskError } from '../service/errors';
import type { Writer } from '../service/context';

/** A refused input: the message names the field (dotted path) so forms show it there and the importer maps it to a column. */
export function refuse(field: string, message: string): DeskError {
  return new DeskError('VALIDATION', message, { field, issues: [{ field, message }] });
}

/** Today on the clock of this transaction; dates after it are refused. */
export function refuseFutureDates(
  w: Pick<Writer, 'at'>,
  dates: [field: string, label: string, value: string | null | undefined][],
): void {
  const today = todayIso(new Date(w.at));
  for (const [field, label, value] of dates) {
    if (value && value > today) throw refuse(field, `${label}（${value}）晚于今天（${today}），不能填写未来的日期`);
  }
}
