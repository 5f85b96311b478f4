import type { Industry } from './industries';

/**
 * IPC ↔ industry (DOMAIN §9). Source: 国家知识产权局《战略性新兴产业分类与国际专利分类参照关系表（2021）（试行）》
 * (published by CNIPA in 2021, which maps the national strategic emerging industries of 国家统计局令第23号 to IPC groups),
 * reduced to IPC subclasses and main groups and carried over onto Shanxi's 14 industries (晋政发〔2021〕17号) by the
 * national category each of them belongs to. *The code's choice:* the reduction is coarse (subclass level, with main
 * groups where a subclass is shared by several industries); an IPC class matches the longest prefix listed.
 */
export const IPC_INDUSTRIES: readonly (readonly [prefix: string, industries: readonly Industry[]])[] = [
  ['G06F', ['信息技术应用创新']],
  ['G06F16', ['大数据融合创新']],
  ['G06Q', ['信息技术应用创新', '大数据融合创新']],
  ['G06N', ['大数据融合创新']],
  ['H04L', ['信息技术应用创新', '大数据融合创新']],
  ['G06T', ['信息技术应用创新']],
  ['H01L', ['半导体']],
  ['H01L31', ['光伏']],
  ['H10B', ['半导体']],
  ['H10K', ['光电']],
  ['H10F', ['光伏']],
  ['C30B', ['半导体']],
  ['G02B', ['光电']],
  ['G02F', ['光电']],
  ['H01S', ['光电']],
  ['G01J', ['光电']],
  ['H02S', ['光伏']],
  ['C01B32', ['碳基新材料']],
  ['D01F9', ['碳基新材料']],
  ['C04B35', ['碳基新材料']],
  ['C22C', ['特种金属材料']],
  ['C22F', ['特种金属材料']],
  ['C21D', ['特种金属材料']],
  ['B22F', ['特种金属材料']],
  ['C08B', ['生物基新材料']],
  ['C08H', ['生物基新材料']],
  ['C12P', ['生物基新材料']],
  ['B61', ['先进轨道交通装备']],
  ['E21C', ['煤机智能制造装备']],
  ['E21D', ['煤机智能制造装备']],
  ['E21F', ['煤机智能制造装备']],
  ['B65G', ['煤机智能制造装备']],
  ['B60L', ['智能网联新能源汽车', '先进轨道交通装备']],
  ['B60W', ['智能网联新能源汽车']],
  ['B62D', ['智能网联新能源汽车']],
  ['H01M', ['智能网联新能源汽车']],
  ['B64C', ['通用航空']],
  ['B64D', ['通用航空']],
  ['B64F', ['通用航空']],
  ['B64U', ['通用航空']],
  ['A61K', ['现代生物医药和大健康']],
  ['A61P', ['现代生物医药和大健康']],
  ['A61B', ['现代生物医药和大健康']],
  ['C07K', ['现代生物医药和大健康']],
  ['C12N', ['现代生物医药和大健康']],
  ['B01D', ['节能环保']],
  ['C02F', ['节能环保']],
  ['B09B', ['节能环保']],
  ['F23J', ['节能环保']],
];

/** The IPC class as written (`H01M 4/36`, `h01m4/36`) folded to the table's form: no spaces, upper case, no slash part. */
export function foldIpc(ipc: string): string {
  return ipc.replace(/\s+/g, '').toUpperCase().split('/')[0] ?? '';
}

/** The industries an IPC class belongs to by the longest listed prefix; none when the class is not listed. */
export function industriesOfIpc(ipc: string | null | undefined): readonly Industry[] {
  if (!ipc) return [];
  const folded = foldIpc(ipc);
  let best: (typeof IPC_INDUSTRIES)[number] | undefined;
  for (const entry of IPC_INDUSTRIES) {
    if (folded.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best?.[1] ?? [];
}
