/**
 * Regions (GB/T 2260), DOMAIN.md §1: Shanxi's eleven cities and the Comprehensive Reform Demonstration Zone (综改区),
 * which reports as its own region and is never rolled up into 太原. County codes roll up to their city.
 */
import { compactCell } from './text';

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
}

export const PROVINCE_CODE = '140000';
export const COMPREHENSIVE_REFORM_ZONE_CODE = '140171';

export const PROVINCE: Region = { code: PROVINCE_CODE, name: '山西省', shortName: '山西' };

/** The twelve reporting regions: the eleven cities and 综改区. The province is their sum. */
export const CITY_REGIONS: readonly Region[] = [
  { code: '140100', name: '太原市', shortName: '太原' },
  { code: '140200', name: '大同市', shortName: '大同' },
  { code: '140300', name: '阳泉市', shortName: '阳泉' },
  { code: '140400', name: '长治市', shortName: '长治' },
  { code: '140500', name: '晋城市', shortName: '晋城' },
  { code: '140600', name: '朔州市', shortName: '朔州' },
  { code: '140700', name: '晋中市', shortName: '晋中' },
  { code: '140800', name: '运城市', shortName: '运城' },
  { code: '140900', name: '忻州市', shortName: '忻州' },
  { code: '141000', name: '临汾市', shortName: '临汾' },
  { code: '141100', name: '吕梁市', shortName: '吕梁' },
  { code: COMPREHENSIVE_REFORM_ZONE_CODE, name: '山西转型综合改革示范区', shortName: '综改区' },
];

const REGION_BY_CODE = new Map<string, Region>([PROVINCE, ...CITY_REGIONS].map((r) => [r.code, r]));

// Province-level divisions of GB/T 2260, so that a code or name from elsewhere in China is recognized as outside
// Shanxi rather than rejected as unknown.
const PROVINCES: readonly (readonly [prefix: string, name: string, shortName: string])[] = [
  ['11', '北京市', '北京'],
  ['12', '天津市', '天津'],
  ['13', '河北省', '河北'],
  ['14', '山西省', '山西'],
  ['15', '内蒙古自治区', '内蒙古'],
  ['21', '辽宁省', '辽宁'],
  ['22', '吉林省', '吉林'],
  ['23', '黑龙江省', '黑龙江'],
  ['31', '上海市', '上海'],
  ['32', '江苏省', '江苏'],
  ['33', '浙江省', '浙江'],
  ['34', '安徽省', '安徽'],
  ['35', '福建省', '福建'],
  ['36', '江西省', '江西'],
  ['37', '山东省', '山东'],
  ['41', '河南省', '河南'],
  ['42', '湖北省', '湖北'],
  ['43', '湖南省', '湖南'],
  ['44', '广东省', '广东'],
  ['45', '广西壮族自治区', '广西'],
  ['46', '海南省', '海南'],
  ['50', '重庆市', '重庆'],
  ['51', '四川省', '四川'],
  ['52', '贵州省', '贵州'],
  ['53', '云南省', '云南'],
  ['54', '西藏自治区', '西藏'],
  ['61', '陕西省', '陕西'],
  ['62', '甘肃省', '甘肃'],
  ['63', '青海省', '青海'],
  ['64', '宁夏回族自治区', '宁夏'],
  ['65', '新疆维吾尔自治区', '新疆'],
  ['71', '台湾省', '台湾'],
  ['81', '香港特别行政区', '香港'],
  ['82', '澳门特别行政区', '澳门'],
];

const PROVINCE_PREFIXES = new Set(PROVINCES.map(([prefix]) => prefix));

/** The 综改区's spellings once a leading 山西省/山西 has been removed. */
const REFORM_ZONE_ALIASES = new Set([
  '综改区',
  '综改示范区',
  '转型综改区',
  '转型综改示范区',
  '综合改革示范区',
  '转型综合改革示范区',
]);

/**
 * The reporting region (one of the twelve) of a 6-digit code inside Shanxi, else null (outside Shanxi, the province
 * code itself, or no such city). 140171 stays 140171; any other 1401xx is 太原; 14XXyy is 14XX00.
 */
export function rollupRegion(code: string): string | null {
  if (!/^14\d{4}$/.test(code) || code === PROVINCE_CODE) return null;
  if (code === COMPREHENSIVE_REFORM_ZONE_CODE) return code;
  const city = `${code.slice(0, 4)}00`;
  return REGION_BY_CODE.has(city) ? city : null;
}

/** Name of the province or of one of the twelve regions; null for any other code. */
export function regionName(code: string): string | null {
  return REGION_BY_CODE.get(code)?.name ?? null;
}

export type RegionResult =
  | { ok: true; code: string; cityCode: string | null; inShanxi: boolean }
  | { ok: false; code: 'REGION_UNKNOWN'; message: string };

function unknown(message: string): RegionResult {
  return { ok: false, code: 'REGION_UNKNOWN', message };
}

const NEED_CITY = '所在地应填写到地市或县区：仅填“山西省”无法归入统计地区';

/**
 * Reads a 所在地 cell: a 6-digit GB/T 2260 code, or the name of a Shanxi region (with or without 市, optionally
 * preceded by 山西省), 综改区 in its usual spellings, a Shanxi city followed by a county name, or another province's name.
 * `code` is the code given (or the region's code for a name); `cityCode` is the reporting region inside Shanxi.
 */
export function resolveRegion(input: string): RegionResult {
  const text = compactCell(String(input ?? ''));
  if (text === '') return unknown('所在地为空');

  if (/^\d+$/.test(text)) {
    if (text.length !== 6) return unknown(`行政区划代码应为 6 位数字，当前为 ${text.length} 位`);
    if (text === PROVINCE_CODE) return unknown(NEED_CITY);
    if (text.startsWith('14')) {
      const cityCode = rollupRegion(text);
      if (cityCode === null) return unknown(`山西省没有行政区划代码为 ${text} 的地区`);
      return { ok: true, code: text, cityCode, inShanxi: true };
    }
    if (!PROVINCE_PREFIXES.has(text.slice(0, 2))) return unknown(`行政区划代码 ${text} 不存在`);
    return { ok: true, code: text, cityCode: null, inShanxi: false };
  }

  const inShanxi = (code: string): RegionResult => ({ ok: true, code, cityCode: code, inShanxi: true });
  if (text === PROVINCE.name || text === PROVINCE.shortName) return unknown(NEED_CITY);
  const local = text.replace(/^山西省?/, '');
  if (REFORM_ZONE_ALIASES.has(local)) return inShanxi(COMPREHENSIVE_REFORM_ZONE_CODE);
  for (const region of CITY_REGIONS) {
    if (local === region.name || local === region.shortName) return inShanxi(region.code);
  }
  if (/综改|综合改革示范区/.test(local)) return inShanxi(COMPREHENSIVE_REFORM_ZONE_CODE);
  // "太原市小店区": a county written under its city rolls up to the city.
  for (const region of CITY_REGIONS) {
    if (region.name.endsWith('市') && local.startsWith(region.name)) return inShanxi(region.code);
  }

  for (const [prefix, name, shortName] of PROVINCES) {
    if (prefix !== '14' && (text === name || text === shortName || text === `${shortName}省`)) {
      return { ok: true, code: `${prefix}0000`, cityCode: null, inShanxi: false };
    }
  }
  return unknown(`无法识别的所在地“${text}”：请填写 6 位行政区划代码或山西省地市名称（如 太原、太原市、综改区）`);
}

/** A region as a message names it: its name, the code when unknown, 未填写 when missing. */
export const regionText = (code: unknown) => (typeof code === 'string' ? (regionName(code) ?? code) : '未填写');
