/** Shanxi's 14 strategic emerging industries (晋政发〔2021〕17号), plus 其他, in the order of DOMAIN.md §2. */
export const INDUSTRIES = [
  '信息技术应用创新',
  '半导体',
  '大数据融合创新',
  '光电',
  '光伏',
  '碳基新材料',
  '特种金属材料',
  '生物基新材料',
  '先进轨道交通装备',
  '煤机智能制造装备',
  '智能网联新能源汽车',
  '通用航空',
  '现代生物医药和大健康',
  '节能环保',
  '其他',
] as const;

export type Industry = (typeof INDUSTRIES)[number];

export function isIndustry(value: string): value is Industry {
  return (INDUSTRIES as readonly string[]).includes(value);
}
