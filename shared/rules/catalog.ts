import type { RuleId } from './ruleIds';
import type { RuleThresholds } from './thresholds';

export interface ThresholdField {
  key: keyof RuleThresholds;
  label: string;
  unit: string;
}

export interface RuleInfo {
  id: RuleId;
  /** Short Chinese name shown in lists and filters. */
  name: string;
  /** What the rule looks for, in plain Chinese, for reviewers and the settings page. */
  description: string;
  thresholds: readonly ThresholdField[];
}

/** DOMAIN §8, in plain Chinese. The wording is what reviewers read; the numbers come from settings. */
export const RULES: readonly RuleInfo[] = [
  {
    id: 'R01',
    name: '重复转让',
    description: '同一专利在短期内被两次或多次转让或作价入股（按备案日，无备案日按合同日）。',
    thresholds: [{ key: 'r01RepeatWithinDays', label: '间隔不超过', unit: '天' }],
  },
  {
    id: 'R02',
    name: '回流交易',
    description: '专利从甲转给乙后，又由乙转回甲。',
    thresholds: [{ key: 'r02RoundTripWithinDays', label: '回流间隔不超过', unit: '天' }],
  },
  {
    id: 'R03',
    name: '关联交易',
    description: '让与方和受让方的统一社会信用代码、名称、法定代表人、电话或地址相同。',
    thresholds: [],
  },
  {
    id: 'R04',
    name: '象征性价格',
    description: '转让或作价入股的成交金额低于阈值（含零元）。',
    thresholds: [{ key: 'r04NominalBelowYuan', label: '成交金额低于', unit: '元' }],
  },
  {
    id: 'R05',
    name: '价格离群',
    description:
      '按交易类型和专利类型（取最高：发明＞实用新型＞外观设计）分组，单件专利价格的对数偏离组中位数过远（修正 Z 分数）。',
    thresholds: [
      { key: 'r05ZScoreAbove', label: '修正 Z 分数绝对值超过', unit: '' },
      { key: 'r05MinGroupDeals', label: '分组至少', unit: '笔交易' },
    ],
  },
  {
    id: 'R06',
    name: '价款未到账',
    description: '合同签订满一定天数后，实际到账仍低于成交金额的一定比例（按扫描当日计算）。',
    thresholds: [
      { key: 'r06MinPaidPercent', label: '到账低于成交金额的', unit: '%' },
      { key: 'r06AfterDays', label: '合同签订满', unit: '天' },
    ],
  },
  {
    id: 'R07',
    name: '临期或失效专利',
    description: '交易的专利已失效或届满，或自然到期日在备案日后不久。',
    thresholds: [{ key: 'r07ExpiryWithinDays', label: '到期日在备案日后不超过', unit: '天' }],
  },
  {
    id: 'R08',
    name: '批量转移',
    description: '同一让与方向同一受让方在短期内转移大量专利。',
    thresholds: [
      { key: 'r08MinPatents', label: '专利不少于', unit: '件' },
      { key: 'r08WithinDays', label: '时间跨度不超过', unit: '天' },
    ],
  },
  {
    id: 'R09',
    name: '规模不符',
    description: '受让方按中小微企业统计，但其年度数据已超过中小企业标准上限。',
    thresholds: [],
  },
  {
    id: 'R10',
    name: '重复备案',
    description: '同样的专利、同样的双方、同一合同日期或合同编号的交易被登记了两次（含跨地市）。',
    thresholds: [],
  },
  {
    id: 'R11',
    name: '重复奖补',
    description: '同一交易或质押获得多次奖补，或被两个项目奖补。',
    thresholds: [],
  },
  {
    id: 'R12',
    name: '开放许可冲突',
    description: '开放许可期间，同一专利存在有效的独占或排他许可，或存在未经质权人同意的质押。',
    thresholds: [],
  },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleInfo(id: RuleId): RuleInfo {
  const info = BY_ID.get(id);
  if (!info) throw new RangeError(`unknown rule ${id}`);
  return info;
}

/** "R02 回流交易", the label used in filters, lists and exports. */
export function ruleLabel(id: string): string {
  const info = BY_ID.get(id as RuleId);
  return info ? `${info.id} ${info.name}` : id;
}
