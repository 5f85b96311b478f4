import { useSearchParams } from 'react-router-dom';
import {
  latestEndedPeriod,
  type BulletinPeriod,
  type BulletinPeriodKind,
} from '../../../../shared/indicators/bulletinPeriod';
import { useSession } from '../../../app/session';

/**
 * The bulletin's period from the address (so that it can be linked and printed), else the last quarter that has
 * ended. `run` makes the print view compute afresh (a script printing the same period again).
 */
export function useBulletinPeriod() {
  const { status } = useSession();
  const [params, setParams] = useSearchParams();
  const kind: BulletinPeriodKind = params.get('kind') === 'month' ? 'month' : 'quarter';
  const fallback = latestEndedPeriod(status.today, kind);
  const period: BulletinPeriod = {
    year: Number(params.get('year') ?? fallback.year),
    kind,
    number: Number(params.get('number') ?? fallback.number),
  };
  const set = (next: Partial<BulletinPeriod>) => {
    const merged = { ...period, ...next };
    // A quarter number carried over from a month (or the other way) would name another period: start on the latest.
    if (next.kind && next.kind !== period.kind) merged.number = latestEndedPeriod(status.today, next.kind).number;
    setParams({ year: String(merged.year), kind: merged.kind, number: String(merged.number) }, { replace: true });
  };
  return { period, set, today: status.today, printRun: params.get('run') };
}
