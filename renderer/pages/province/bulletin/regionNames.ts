import { COMPREHENSIVE_REFORM_ZONE_CODE, regionName } from '../../../../shared/domain/regions';

/** A region as a table column names it: 太原市 …, and 综改区 (its full name would not fit a column of twelve). */
export function shortRegionName(code: string): string {
  return code === COMPREHENSIVE_REFORM_ZONE_CODE ? '综改区' : (regionName(code) ?? code);
}
