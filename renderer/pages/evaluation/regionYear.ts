import { useSearchParams } from 'react-router-dom';
import { CITY_REGIONS, PROVINCE_CODE, regionName } from '../../../shared/domain/regions';
import { useSession } from '../../app/session';

/** 2020 (the base year) through this year, newest first. */
export function yearOptions(today: string): { value: number; label: string }[] {
  const thisYear = Number(today.slice(0, 4));
  const years: { value: number; label: string }[] = [];
  for (let y = thisYear; y >= 2020; y--) years.push({ value: y, label: `${y} 年` });
  return years;
}

/** The twelve reporting regions and the province. */
export const reportingRegionOptions = [
  { value: PROVINCE_CODE, label: `${regionName(PROVINCE_CODE)}（全省）` },
  ...CITY_REGIONS.map((r) => ({ value: r.code, label: r.name })),
];

/** Region and year from the address (so a sheet can be linked and printed), else this installation's region. */
export function useRegionYear() {
  const { status } = useSession();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? status.region?.code ?? PROVINCE_CODE;
  const year = Number(params.get('year') ?? Number(status.today.slice(0, 4)) - 1);
  const set = (next: { region?: string; year?: number }) =>
    setParams({ region: next.region ?? region, year: String(next.year ?? year) }, { replace: true });
  // `run` makes the print view compute and render afresh (a script printing the same sheet again).
  return { region, year, set, all: params.get('all') === '1', printRun: params.get('run'), today: status.today };
}
