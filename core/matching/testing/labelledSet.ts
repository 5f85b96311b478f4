import type { NeedInput, SupplyInput } from '../../../shared/contract/matching';
import type { Industry } from '../../../shared/domain/industries';
import { Random } from '../../seed/random';
import { UNIVERSITIES } from '../../seed/vocabulary';

/**
 * The labelled set of matching (DOMAIN §9, bench/README): needs, each with the one pooled patent known to answer it,
 * among many distractors. Generated, not committed: the same seed gives the same set.
 *
 * A topic is a technical object with a property to improve (锂离子电池负极材料 × 循环寿命). Each need's right patent
 * is the only one in the pool on its topic; distractors share the object or the property (and often the industry,
 * the IPC class and the city), so text that only half matches ranks them close. Needs are written as enterprises
 * write them — another order of words, the object shortened, the property as a complaint, words about the
 * enterprise's own business around it — never as a copy of the patent.
 */
interface Field {
  industry: Industry;
  ipc: readonly string[];
  /** [the patent's name of the object, how an enterprise says it]. */
  objects: readonly (readonly [string, string])[];
  /** [the property as a patent states it, the complaint an enterprise writes]. */
  properties: readonly (readonly [string, string])[];
  business: readonly string[];
}

const FIELDS: readonly Field[] = [
  {
    industry: '智能网联新能源汽车',
    ipc: ['H01M 4/36', 'B60L 58/10'],
    objects: [
      ['锂离子电池负极材料', '电池负极'],
      ['动力电池管理系统', '电池管理'],
      ['驱动电机控制器', '电机控制器'],
      ['车载充电机', '充电机'],
      ['电池热管理装置', '电池散热'],
    ],
    properties: [
      ['循环寿命', '循环寿命短'],
      ['低温放电性能', '冬天低温放电差'],
      ['能量密度', '能量密度不够'],
      ['安全性', '有起火安全隐患'],
      ['充电效率', '充电太慢'],
    ],
    business: ['新能源汽车零部件', '电动物流车', '电动客车'],
  },
  {
    industry: '煤机智能制造装备',
    ipc: ['E21C 35/24', 'E21D 23/00', 'B65G 15/00'],
    objects: [
      ['采煤机截割部', '采煤机截割'],
      ['液压支架电液控制系统', '液压支架控制'],
      ['刮板输送机链轮', '刮板机链轮'],
      ['掘进机定位导航系统', '掘进机导航'],
      ['带式输送机托辊', '皮带机托辊'],
    ],
    properties: [
      ['耐磨性', '磨损太快'],
      ['故障诊断精度', '故障判断不准'],
      ['自动化程度', '人工操作多'],
      ['能耗', '耗电量大'],
      ['可靠性', '经常停机'],
    ],
    business: ['煤矿机械维修', '矿山设备制造', '煤矿综采服务'],
  },
  {
    industry: '特种金属材料',
    ipc: ['C22C 23/02', 'C22F 1/06', 'C21D 8/02'],
    objects: [
      ['镁合金压铸件', '镁合金铸件'],
      ['不锈钢冷轧板', '不锈钢板'],
      ['铝合金型材', '铝型材'],
      ['钛合金锻件', '钛合金件'],
      ['高温合金叶片', '合金叶片'],
    ],
    properties: [
      ['耐腐蚀性', '容易腐蚀生锈'],
      ['屈服强度', '强度不够'],
      ['表面质量', '表面有缺陷'],
      ['成品率', '废品率高'],
      ['焊接性能', '焊接开裂'],
    ],
    business: ['金属制品加工', '汽车轻量化部件', '五金制造'],
  },
  {
    industry: '碳基新材料',
    ipc: ['C01B 32/184', 'D01F 9/22', 'C04B 35/52'],
    objects: [
      ['石墨烯导热膜', '导热膜'],
      ['聚丙烯腈基碳纤维', '碳纤维'],
      ['煤基针状焦', '针状焦'],
      ['活性炭吸附材料', '活性炭'],
      ['碳化硅陶瓷', '碳化硅'],
    ],
    properties: [
      ['导热系数', '导热不好'],
      ['拉伸强度', '拉伸强度低'],
      ['杂质含量', '杂质偏高'],
      ['比表面积', '吸附量小'],
      ['生产成本', '成本太高'],
    ],
    business: ['煤化工', '电子材料', '复合材料制品'],
  },
  {
    industry: '现代生物医药和大健康',
    ipc: ['A61K 36/00', 'C12N 15/00', 'A61B 5/00'],
    objects: [
      ['中药配方颗粒', '配方颗粒'],
      ['黄芪提取物', '黄芪提取'],
      ['血糖监测传感器', '血糖监测'],
      ['医用敷料', '敷料'],
      ['连翘有效成分', '连翘成分'],
    ],
    properties: [
      ['溶出度', '溶出不稳定'],
      ['提取率', '提取率低'],
      ['检测灵敏度', '检测不灵敏'],
      ['抗菌性能', '抗菌效果差'],
      ['稳定性', '放置后不稳定'],
    ],
    business: ['中药饮片', '医疗器械', '保健食品'],
  },
  {
    industry: '光伏',
    ipc: ['H02S 40/00', 'H01L 31/18', 'H10F 10/00'],
    objects: [
      ['单晶硅太阳能电池片', '电池片'],
      ['光伏组件封装胶膜', '封装胶膜'],
      ['光伏逆变器', '逆变器'],
      ['光伏支架跟踪系统', '跟踪支架'],
      ['钙钛矿薄膜', '钙钛矿'],
    ],
    properties: [
      ['光电转换效率', '转换效率低'],
      ['抗衰减性能', '衰减太快'],
      ['发电量', '发电量不足'],
      ['耐候性', '户外老化快'],
      ['良品率', '良率低'],
    ],
    business: ['光伏电站运维', '光伏组件生产', '分布式光伏安装'],
  },
  {
    industry: '节能环保',
    ipc: ['B01D 53/00', 'C02F 1/00', 'F23J 15/00'],
    objects: [
      ['焦化废水处理工艺', '焦化废水'],
      ['燃煤烟气脱硝催化剂', '脱硝催化剂'],
      ['煤矸石综合利用', '煤矸石'],
      ['粉煤灰制砖', '粉煤灰'],
      ['工业余热回收装置', '余热回收'],
    ],
    properties: [
      ['处理效率', '处理达不到标准'],
      ['运行成本', '运行费用高'],
      ['资源化利用率', '利用率低'],
      ['二次污染', '有二次污染'],
      ['热回收效率', '热量浪费大'],
    ],
    business: ['焦化', '火力发电', '建材生产'],
  },
  {
    industry: '信息技术应用创新',
    ipc: ['G06F 9/455', 'G06F 21/60', 'H04L 9/32'],
    objects: [
      ['国产操作系统适配中间件', '操作系统适配'],
      ['数据库迁移工具', '数据库迁移'],
      ['电子公文安全交换平台', '公文交换'],
      ['国产处理器虚拟化', '虚拟化'],
      ['办公软件兼容组件', '办公软件兼容'],
    ],
    properties: [
      ['兼容性', '兼容问题多'],
      ['数据安全', '数据泄露风险'],
      ['运行速度', '运行太慢'],
      ['迁移成本', '迁移成本大'],
      ['部署效率', '部署困难'],
    ],
    business: ['政务信息化', '软件外包', '系统集成'],
  },
];

const METHODS = ['制备方法', '检测装置', '控制方法', '加工工艺', '监测系统', '改进结构'] as const;
const FILLERS = [
  '工艺流程简单',
  '适合规模化生产',
  '设备投资少',
  '操作方便',
  '已完成中试验证',
  '具有较好的推广价值',
] as const;
const CITIES = [
  '140100',
  '140200',
  '140300',
  '140400',
  '140500',
  '140600',
  '140700',
  '140800',
  '140900',
  '141000',
  '141100',
] as const;
const SIZES = ['微型', '小型', '中型', '大型'] as const;

export interface LabelledNeed {
  need: NeedInput;
  /** The patent number of the one right patent in the pool. */
  rightPatent: string;
}

export interface LabelledSet {
  pool: SupplyInput[];
  needs: LabelledNeed[];
}

/** A valid application number (DOMAIN §3) from a serial: year 2015–2023, invention or utility model. */
export function patentNumberOf(serial: number): string {
  const year = 2015 + (serial % 9);
  const digits = `${year}${serial % 5 === 0 ? 2 : 1}${String(serial).padStart(7, '0')}`;
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * (weights[i] as number), 0) % 11;
  return `${digits}.${sum === 10 ? 'X' : sum}`;
}

interface Topic {
  field: Field;
  object: readonly [string, string];
  property: readonly [string, string];
}

function patentOn(rng: Random, topic: Topic, serial: number): SupplyInput {
  const { field, object, property } = topic;
  const method = rng.pick(METHODS);
  return {
    patentNumber: patentNumberOf(serial),
    title: `一种提高${property[0]}的${object[0]}${method}`,
    owner: { name: rng.pick(UNIVERSITIES), kind: '高校', regionCode: rng.pick(CITIES) },
    industry: field.industry,
    ipcClass: rng.pick(field.ipc),
    keywords: `${object[0]}，${property[0]}`,
    abstract: `本发明涉及${field.business[0]}领域，公开了一种${object[0]}${method}，${rng.pick(FILLERS)}，显著改善了${object[0]}的${property[0]}，${rng.pick(FILLERS)}。`,
  };
}

function needFor(rng: Random, topic: Topic, index: number): NeedInput {
  const { field, object, property } = topic;
  const plain = rng.chance(0.5);
  const text = plain
    ? `我公司从事${rng.pick(field.business)}，现有${object[1]}${property[1]}，希望引进提升${property[0]}的技术。`
    : // One complaint in five never names the property the patent improves: no word-based method can find those.
      `主营${rng.pick(field.business)}，${property[1]}是${object[0]}的老问题，${rng.chance(0.8) ? `想把${property[0]}做上去，` : ''}寻求高校合作解决，预算可商量。`;
  return {
    needNo: `XQ-${String(index + 1).padStart(4, '0')}`,
    enterprise: {
      name: `山西${String(index + 1).padStart(4, '0')}号科技有限公司`,
      kind: '企业',
      regionCode: rng.pick(CITIES),
      size: rng.pick(SIZES),
    },
    // Surveys often leave the industry blank: one need in five says nothing about it.
    industry: rng.chance(0.8) ? field.industry : '其他',
    needText: text,
    keywords: rng.chance(0.5) ? object[1] : '',
    urgency: '一般',
  };
}

/**
 * `needs` needs with their right patents, and distractors up to `poolSize` patents: each distractor shares the
 * object or the property of some need's topic, never both.
 */
export function generateLabelledSet(seed = 1, needs = 120, poolSize = 3000): LabelledSet {
  const rng = new Random(seed);
  const topics: Topic[] = FIELDS.flatMap((field) =>
    field.objects.flatMap((object) => field.properties.map((property) => ({ field, object, property }))),
  );
  const order = topics
    .map((t) => [rng.next(), t] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, t]) => t);
  const wanted = order.slice(0, Math.min(needs, order.length));
  const taken = new Set(wanted);
  const free = topics.filter((t) => !taken.has(t));
  let serial = 1;
  const pool: SupplyInput[] = [];
  const labelled = wanted.map((topic, i) => {
    const right = patentOn(rng, topic, serial++);
    pool.push(right);
    return { need: needFor(rng, topic, i), rightPatent: right.patentNumber };
  });
  // Distractors: topics no need asks for, so each shares at most the object or the property with a need.
  while (pool.length < poolSize) pool.push(patentOn(rng, rng.pick(free), serial++));
  return { pool, needs: labelled };
}
