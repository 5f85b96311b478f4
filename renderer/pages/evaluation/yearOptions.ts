import { CITY_REGIONS, PROVINCE_CODE, regionName } from '../../../shared/domain/regions';

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
