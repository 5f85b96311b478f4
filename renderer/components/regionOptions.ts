import { CITY_REGIONS, PROVINCE_CODE, regionName } from '../../shared/domain/regions';

/** The twelve reporting regions and the province, for selects. */
export const installationRegionOptions = [
  // A short name that is not the start of the full one (综改区) is part of the label, so that typing it finds the region.
  ...CITY_REGIONS.map((r) => ({
    value: r.code,
    label: r.name.startsWith(r.shortName) ? `${r.name}（${r.code}）` : `${r.name}（${r.shortName}，${r.code}）`,
  })),
  { value: PROVINCE_CODE, label: `${regionName(PROVINCE_CODE)}（省级，${PROVINCE_CODE}）` },
];
