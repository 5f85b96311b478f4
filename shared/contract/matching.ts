import { z } from 'zod';
import { method } from './define';
import { nonEmpty, ulidId } from './common';
import { dealInput, matchmakingView } from './filings/deals';
import { fen, realDate, writeOutcome } from './filings/records';
import { partyInput } from './filings/parties';
import { patentNumber } from './filings/patents';
import { ENTERPRISE_SIZES, PARTY_KINDS } from '../domain/enterprise';
import { INDUSTRIES } from '../domain/industries';

/**
 * Supply meets demand (DOMAIN §9): patents offered (专利供给), enterprises' technology needs (技术需求), the ranked
 * matches between them with their reasons, the matchmaking records (对接) and the funnel 供给 → 对接 → 成交.
 */

export const SUPPLY_STATUSES = ['在库', '对接中', '已成交', '撤回'] as const;
export const URGENCIES = ['一般', '较急', '紧急'] as const;
export const MATCH_OUTCOMES = ['洽谈中', '达成意向', '已成交', '未成功'] as const;

const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).nullish();
const industry = z.enum(INDUSTRIES, { error: '请选择所属产业' }).default('其他');
/** IPC as people write it: `H01M 4/36`, `H01M4/36`, `H01M`. */
const ipcClass = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    (v) => v === '' || /^[A-H]\d{2}[A-Z](\s*\d{1,4}(\/\d{1,6})?)?$/.test(v),
    'IPC 分类号格式应如 H01M 4/36 或 H01M',
  )
  .nullish();

/** An open license is declared with its terms (Patent Law Art. 50): the fee and the term. Forms and the import alike. */
export function openLicenseProblems(s: {
  openLicense?: boolean | null;
  openLicenseFeeFen?: number | null;
  openLicenseYears?: number | null;
}): [field: string, message: string][] {
  if (!s.openLicense) return [];
  const problems: [string, string][] = [];
  if (s.openLicenseFeeFen == null) problems.push(['openLicenseFeeFen', '声明开放许可的专利请填写许可使用费']);
  if (s.openLicenseYears == null) problems.push(['openLicenseYears', '声明开放许可的专利请填写许可期限（年）']);
  return problems;
}

export const supplyInput = z
  .object({
    patentNumber,
    title: nonEmpty('专利名称', 300),
    owner: partyInput,
    industry,
    ipcClass,
    keywords: optionalText('关键词', 200),
    abstract: optionalText('摘要', 2000),
    askingTerms: optionalText('转化意向与报价', 300),
    openLicense: z.boolean().default(false),
    openLicenseFeeFen: fen('开放许可费').nullish(),
    openLicenseYears: z
      .number({ error: '开放许可期限应为整数（年）' })
      .int('开放许可期限应为整数（年）')
      .min(1, '开放许可期限至少 1 年')
      .max(20, '开放许可期限不超过 20 年')
      .nullish(),
    status: z.enum(SUPPLY_STATUSES, { error: '状态应为 在库、对接中、已成交 或 撤回' }).default('在库'),
  })
  .superRefine((s, ctx) => {
    for (const [field, message] of openLicenseProblems(s)) ctx.addIssue({ code: 'custom', path: [field], message });
  });
export type SupplyInput = z.input<typeof supplyInput>;
export type ParsedSupply = z.output<typeof supplyInput>;

export const needInput = z.object({
  needNo: nonEmpty('需求编号', 64),
  enterprise: partyInput,
  industry,
  needText: nonEmpty('需求描述', 2000),
  keywords: optionalText('关键词', 200),
  budgetFen: fen('预算').nullish(),
  urgency: z.enum(URGENCIES, { error: '紧迫程度应为 一般、较急 或 紧急' }).default('一般'),
});
export type NeedInput = z.input<typeof needInput>;
export type ParsedNeed = z.output<typeof needInput>;

export const matchmakingInput = z.object({
  needId: ulidId,
  supplyId: ulidId,
  eventDate: realDate('对接日期'),
  event: nonEmpty('对接活动', 300),
  outcome: z.enum(MATCH_OUTCOMES, { error: '对接结果应为 洽谈中、达成意向、已成交 或 未成功' }).default('洽谈中'),
});
export type MatchmakingInput = z.input<typeof matchmakingInput>;
export type ParsedMatchmaking = z.output<typeof matchmakingInput>;

const saved = <T extends z.ZodType>(record: T) => z.object({ id: ulidId.nullish(), record });

/** The region that recorded (at the province: reported) the record; the owner's or enterprise's region is its own. */
const recordedBy = z.string();

export const supplyRow = z.object({
  id: z.string(),
  regionCode: recordedBy,
  patentNumber: z.string(),
  title: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  ownerKind: z.enum(PARTY_KINDS),
  ownerRegion: z.string().nullable(),
  industry: z.string(),
  ipcClass: z.string().nullable(),
  keywords: z.string(),
  abstract: z.string(),
  askingTerms: z.string().nullable(),
  openLicense: z.boolean(),
  openLicenseFeeFen: z.number().nullable(),
  openLicenseYears: z.number().nullable(),
  status: z.enum(SUPPLY_STATUSES),
  /** Contract numbers of recorded deals that name the same patent. */
  dealContracts: z.array(z.string()),
  version: z.number(),
});
export type SupplyRow = z.infer<typeof supplyRow>;

export const needRow = z.object({
  id: z.string(),
  regionCode: recordedBy,
  needNo: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  enterpriseKind: z.enum(PARTY_KINDS),
  enterpriseSize: z.enum(ENTERPRISE_SIZES).nullable(),
  enterpriseRegion: z.string().nullable(),
  industry: z.string(),
  needText: z.string(),
  keywords: z.string(),
  budgetFen: z.number().nullable(),
  urgency: z.enum(URGENCIES),
  version: z.number(),
});
export type NeedRow = z.infer<typeof needRow>;

export const matchmakingRow = matchmakingView.extend({
  outcome: z.enum(MATCH_OUTCOMES),
  dealId: z.string().nullable(),
  dealContractNo: z.string().nullable(),
  version: z.number(),
});
export type MatchmakingRow = z.infer<typeof matchmakingRow>;

/** Why a candidate ranks where it does: a kind for the tag colour and a sentence for people. */
export const matchReason = z.object({
  kind: z.enum(['industry', 'ipc', 'keywords', 'text', 'region', 'size']),
  text: z.string(),
});
export type MatchReason = z.infer<typeof matchReason>;

export const patentMatch = z.object({ supply: supplyRow, score: z.number(), reasons: z.array(matchReason) });
export type PatentMatch = z.infer<typeof patentMatch>;
export const enterpriseMatch = z.object({ need: needRow, score: z.number(), reasons: z.array(matchReason) });
export type EnterpriseMatch = z.infer<typeof enterpriseMatch>;

export const funnelRow = z.object({
  regionCode: z.string(),
  year: z.number(),
  supplies: z.number(),
  matched: z.number(),
  dealt: z.number(),
  /** 对接 / 供给 and 成交 / 对接 as fractions; null when the base is 0. */
  matchRate: z.number().nullable(),
  dealRate: z.number().nullable(),
  /** Mean days from a patent's first 对接 to its deal's contract date. */
  avgDaysToDeal: z.number().nullable(),
});
export type FunnelRow = z.infer<typeof funnelRow>;

const listFilter = z.object({
  search: z.string().trim().max(100).nullish(),
  limit: z.number().int().min(1).max(2000).default(500),
});

export const matchingMethods = {
  'matching.supply.save': method({ access: 'entry', input: saved(supplyInput), output: writeOutcome }),
  'matching.supply.list': method({
    access: 'user',
    input: listFilter.extend({
      openLicenseOnly: z.boolean().default(false),
      status: z.enum(SUPPLY_STATUSES).nullish(),
    }),
    output: z.object({ rows: z.array(supplyRow), total: z.number() }),
  }),
  'matching.needs.save': method({ access: 'entry', input: saved(needInput), output: writeOutcome }),
  'matching.needs.list': method({
    access: 'user',
    input: listFilter,
    output: z.object({ rows: z.array(needRow), total: z.number() }),
  }),
  'matching.forNeed': method({
    access: 'user',
    input: z.object({ needId: ulidId, limit: z.number().int().min(1).max(50).default(10) }),
    output: z.object({ need: needRow, matches: z.array(patentMatch) }),
  }),
  'matching.forSupply': method({
    access: 'user',
    input: z.object({ supplyId: ulidId, limit: z.number().int().min(1).max(50).default(10) }),
    output: z.object({ supply: supplyRow, matches: z.array(enterpriseMatch) }),
  }),
  'matching.matchmakings.save': method({ access: 'entry', input: saved(matchmakingInput), output: writeOutcome }),
  'matching.matchmakings.list': method({
    access: 'user',
    input: z.object({ needId: ulidId.nullish(), supplyId: ulidId.nullish() }),
    output: z.array(matchmakingRow),
  }),
  /** One 对接 with its need, its patent and the deal it became: what a deal's 来源对接 link opens. */
  'matching.matchmakings.get': method({ access: 'user', input: z.object({ id: ulidId }), output: matchmakingRow }),
  /**
   * Records the deal a 对接 or an open license turned into, in one step: the deal is created exactly as 交易 → 新增
   * does (its checks, R12 included), the 对接 (if any) links to it as 已成交, and a patent transferred or licensed
   * other than openly leaves the pool as 已成交.
   */
  'matching.recordDeal': method({
    access: 'entry',
    input: z.object({ supplyId: ulidId, matchmakingId: ulidId.nullish(), deal: dealInput }),
    output: writeOutcome,
  }),
  'matching.funnel': method({
    access: 'user',
    input: z.object({ year: z.number().int().min(2000).max(2100) }),
    output: z.array(funnelRow),
  }),
};
