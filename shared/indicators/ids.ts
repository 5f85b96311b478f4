/**
 * The indicators of DOMAIN §7 (成效评价 of 晋财行〔2021〕35号, 四、奖补条件): ids, Chinese names, units and what kind of
 * number each one is. Counts are integers, money is integer 分, rates are fractions (0.4 = 40 %).
 */
export const INDICATOR_IDS = [
  'I1',
  'I1a',
  'I1b',
  'I2',
  'I2a',
  'I2b',
  'I3',
  'I3a',
  'I3b',
  'I4',
  'I4a',
  'I5',
  'I5a',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** count: 项 (patent-deal pairs, registrations, pledges); enterprises: 家; money: 分 shown as 万元; rate: a fraction. */
export type IndicatorKind = 'count' | 'enterprises' | 'money' | 'rate';

export interface IndicatorInfo {
  id: IndicatorId;
  name: string;
  /** Short label for charts and table headers. */
  shortName: string;
  kind: IndicatorKind;
  /** The unit shown to people (money is shown in 万元). */
  unit: '项' | '家' | '万元' | '%';
}

export const INDICATORS: Record<IndicatorId, IndicatorInfo> = {
  I1: {
    id: 'I1',
    name: '中小微企业受让、许可、入股专利数',
    shortName: '中小微企业受让专利数',
    kind: 'count',
    unit: '项',
  },
  I1a: { id: 'I1a', name: '中小微企业受让专利成交金额', shortName: '受让成交金额', kind: 'money', unit: '万元' },
  I1b: { id: 'I1b', name: '中小微企业受让专利实际到账金额', shortName: '受让到账金额', kind: 'money', unit: '万元' },
  I2: { id: 'I2', name: '高校院所转让、许可、入股专利数', shortName: '高校院所转化专利数', kind: 'count', unit: '项' },
  I2a: { id: 'I2a', name: '高校院所专利成交金额', shortName: '高校院所成交金额', kind: 'money', unit: '万元' },
  I2b: { id: 'I2b', name: '高校院所专利实际到账金额', shortName: '高校院所到账金额', kind: 'money', unit: '万元' },
  I3: { id: 'I3', name: '惠及中小微企业数', shortName: '惠及中小微企业数', kind: 'enterprises', unit: '家' },
  I3a: { id: 'I3a', name: '惠及企业营业收入增幅', shortName: '营业收入增幅', kind: 'rate', unit: '%' },
  I3b: { id: 'I3b', name: '惠及企业就业人数增幅', shortName: '就业人数增幅', kind: 'rate', unit: '%' },
  I4: { id: 'I4', name: '中小微企业专利产品备案数', shortName: '专利产品备案数', kind: 'count', unit: '项' },
  I4a: { id: 'I4a', name: '备案涉及专利数', shortName: '备案涉及专利数', kind: 'count', unit: '项' },
  I5: { id: 'I5', name: '专利质押融资金额', shortName: '质押融资金额', kind: 'money', unit: '万元' },
  I5a: { id: 'I5a', name: '专利质押项目数', shortName: '质押项目数', kind: 'count', unit: '项' },
};

/** The indicators that have a cumulative value and can have a target (I3a/I3b are rates of one year). */
export const TARGETABLE_IDS = INDICATOR_IDS.filter((id) => INDICATORS[id].kind !== 'rate');

/**
 * The indicators judged by their 年均增幅 against a required rate (DOMAIN §7, the targets table): a cumulative value
 * and a rate the plan requires. I3a/I3b are rates of one year, judged by that year's own growth; I4/I4a have no rate.
 */
export const AVERAGE_GROWTH_IDS: readonly IndicatorId[] = ['I1', 'I1a', 'I1b', 'I2', 'I2a', 'I2b', 'I3', 'I5', 'I5a'];

/** First year of the program; cumulative values run from here through the year asked for (DESIGN §3a). */
export const PROGRAM_FIRST_YEAR = 2021;
/** The base year of 年均增幅. */
export const BASE_YEAR = 2020;

export function isIndicatorId(value: string): value is IndicatorId {
  return (INDICATOR_IDS as readonly string[]).includes(value);
}
