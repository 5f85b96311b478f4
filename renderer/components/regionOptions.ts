import { CITY_REGIONS, PROVINCE_CODE, regionName } from '../../shared/domain/regions';

/** The twelve reporting regions and the province, for selects. */
export const installationRegionOptions = [
  ...CITY_REGIONS.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` })),
  { value: PROVINCE_CODE, label: `${regionName(PROVINCE_CODE)}（省级，${PROVINCE_CODE}）` },
];
