import { z } from 'zod';
import { method, type MethodSpec } from './define';
import { nonEmpty, regionCode, ulidId } from './common';
import { isIsoDate } from '../domain/dates';
import { ENTERPRISE_SIZES, PARTY_KINDS, SECTORS } from '../domain/enterprise';
import { INDUSTRIES } from '../domain/industries';
import { parseWanToFen } from '../domain/money';
import { parsePatentNumber } from '../domain/patentNumber';
import { checkUscc } from '../domain/uscc';

/**
 * The filings of DOMAIN.md §6: deals, payments, pledges, product registrations, enterprise yearly figures,
 * subsidies, and the parties they name. Money is integer 分 (forms convert 万元 with parseWanToFen); dates are ISO.
 * Checks that need today (dates not in the future) run in core with the service clock.
 */

export const DEAL_KINDS = ['转让', '许可', '作价入股'] as const;
export const LICENSE_MODES = ['独占', '排他', '普通', '开放许可'] as const;
export const PATENT_STATUSES = ['有效', '失效', '届满', '审中'] as const;
export type DealKind = (typeof DEAL_KINDS)[number];

/** Kinds of record a list, a void or an attachment can be about. */
export const FILING_ENTITIES = [
  'deal',
  'payment',
  'pledge',
  'registration',
  'enterprise_figure',
  'subsidy',
  'organization',
] as const;
export type FilingEntity = (typeof FILING_ENTITIES)[number];

// ---------------------------------------------------------------- pieces

/** One message at a time: an empty date asks for it, anything else not a date says what was typed. */
export const realDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .superRefine((value, ctx) => {
      if (value === '') ctx.addIssue({ code: 'custom', message: `请填写${label}` });
      else if (!isIsoDate(value))
        ctx.addIssue({ code: 'custom', message: `${label}“${value}”不是有效日期，应为 YYYY-MM-DD` });
    });
const optionalDate = (label: string) => realDate(label).nullish();
/**
 * An amount in 分. A form hands over the text itself when it is not an amount (MoneyInput), so that it is refused
 * with the reason rather than saved as blank.
 */
export const fen = (label: string) =>
  z
    .number({
      error: (issue) => (typeof issue.input === 'string' ? unreadableAmount(label, issue.input) : `请填写${label}`),
    })
    .int(`${label}应精确到分`)
    .min(0, `${label}不能为负数`)
    .max(Number.MAX_SAFE_INTEGER, `${label}过大`);

function unreadableAmount(label: string, text: string): string {
  const parsed = parseWanToFen(text);
  return parsed.ok ? `${label}应为数字金额（万元）` : `${label}：${parsed.message}`;
}
const optionalText = (label: string, max = 200) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`).nullish();

export const patentNumber = z
  .string({ error: '请填写专利号' })
  .trim()
  .superRefine((value, ctx) => {
    const parsed = parsePatentNumber(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  });

export const patentInput = z.object({
  number: patentNumber,
  title: optionalText('专利名称'),
  filingDate: optionalDate('申请日'),
  status: z.enum(PATENT_STATUSES, { error: '专利状态应为 有效、失效、届满 或 审中' }).nullish(),
});
export type PatentInput = z.input<typeof patentInput>;

/** A party: an existing organization (id) or one described by its fields; core matches by USCC, then by name. */
export const partyInput = z
  .object({
    id: ulidId.nullish(),
    name: nonEmpty('单位名称', 200),
    uscc: z.string().trim().toUpperCase().nullish(),
    kind: z.enum(PARTY_KINDS, { error: '请选择单位类型' }),
    regionCode: regionCode.nullish(),
    size: z.enum(ENTERPRISE_SIZES, { error: '规模应为 微型、小型、中型 或 大型' }).nullish(),
    sector: z.enum(SECTORS).nullish(),
    legalRep: optionalText('法定代表人', 64),
    phone: optionalText('电话', 64),
    address: optionalText('地址', 200),
    /** The USCC's embedded organization code fails its check but the user has verified the code. */
    confirmUsccWarning: z.boolean().nullish(),
  })
  .superRefine((party, ctx) => {
    const uscc = party.uscc ?? '';
    if (uscc === '') return;
    if (party.kind === '个人') {
      ctx.addIssue({ code: 'custom', path: ['uscc'], message: '个人没有统一社会信用代码，请清空或改选单位类型' });
      return;
    }
    const checked = checkUscc(uscc);
    if (!checked.ok) ctx.addIssue({ code: 'custom', path: ['uscc'], message: checked.message });
    else if (checked.warning && !party.confirmUsccWarning) {
      ctx.addIssue({ code: 'custom', path: ['uscc'], message: checked.warning.message });
    }
  });
export type PartyInput = z.input<typeof partyInput>;
export type ParsedParty = z.output<typeof partyInput>;

function refusePatentTwice(patents: { number: string }[], ctx: z.RefinementCtx, path = 'patents'): void {
  const seen = new Map<string, number>();
  patents.forEach((p, i) => {
    const parsed = parsePatentNumber(p.number);
    if (!parsed.ok) return;
    const first = seen.get(parsed.normalized);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [path, i, 'number'],
        message: `专利 ${parsed.normalized} 已在第 ${first + 1} 行填写，同一专利不能重复列出`,
      });
    } else seen.set(parsed.normalized, i);
  });
}

const patentList = z.array(patentInput, { error: '请至少填写一件专利' }).min(1, '请至少填写一件专利');

// ---------------------------------------------------------------- deals and payments

export const paymentLine = z.object({
  paidDate: realDate('到账日期'),
  amountFen: fen('到账金额').min(1, '到账金额应大于 0'),
  voucherNo: z.string().trim().max(64, '凭证号不能超过 64 个字').default(''),
});
export type PaymentLine = z.input<typeof paymentLine>;

export const dealFields = z.object({
  kind: z.enum(DEAL_KINDS, { error: '请选择交易类型' }),
  licenseMode: z.enum(LICENSE_MODES, { error: '许可方式应为 独占、排他、普通 或 开放许可' }).nullish(),
  contractNo: nonEmpty('合同编号', 64),
  contractDate: realDate('合同日期'),
  recordationDate: optionalDate('备案（登记）日期'),
  licenseEndDate: optionalDate('许可期限止'),
  patents: patentList,
  assignor: partyInput,
  assignee: partyInput,
  assigneeSize: z.enum(ENTERPRISE_SIZES).nullish(),
  industry: z.enum(INDUSTRIES, { error: '请选择所属产业' }).default('其他'),
  amountFen: fen('成交金额'),
  payments: z.array(paymentLine).default([]),
  /** Payments above the contract amount were checked with the user. */
  confirmOverpayment: z.boolean().nullish(),
});

type DealShape = z.output<typeof dealFields>;

/** The deal form's checkbox for payments above the contract amount; the refusal quotes it. */
export const OVERPAYMENT_CONFIRMATION = '确认到账金额超过成交金额';

/** The cross-field checks of a deal that need no clock; each names the field it is about. */
export function checkDeal(deal: DealShape, ctx: z.RefinementCtx): void {
  if (deal.kind === '许可' && !deal.licenseMode) {
    ctx.addIssue({ code: 'custom', path: ['licenseMode'], message: '许可交易须选择许可方式' });
  }
  if (deal.kind !== '许可' && deal.licenseMode) {
    ctx.addIssue({
      code: 'custom',
      path: ['licenseMode'],
      message: `${deal.kind}交易不填许可方式，只有许可交易才有许可方式`,
    });
  }
  if (deal.kind !== '许可' && deal.licenseEndDate) {
    ctx.addIssue({ code: 'custom', path: ['licenseEndDate'], message: '只有许可交易才填许可期限' });
  }
  if (deal.recordationDate && deal.recordationDate < deal.contractDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['recordationDate'],
      message: `备案（登记）日期不能早于合同日期 ${deal.contractDate}`,
    });
  }
  if (deal.licenseEndDate && deal.licenseEndDate < deal.contractDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['licenseEndDate'],
      message: `许可期限止不能早于合同日期 ${deal.contractDate}`,
    });
  }
  deal.payments.forEach((p, i) => {
    if (p.paidDate < deal.contractDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['payments', i, 'paidDate'],
        message: `到账日期不能早于合同日期 ${deal.contractDate}`,
      });
    }
  });
  const paid = deal.payments.reduce((sum, p) => sum + p.amountFen, 0);
  if (paid > deal.amountFen && !deal.confirmOverpayment) {
    ctx.addIssue({
      code: 'custom',
      path: ['confirmOverpayment'],
      message: `到账金额合计超过成交金额，请核实后勾选“${OVERPAYMENT_CONFIRMATION}”`,
    });
  }
  refusePatentTwice(deal.patents, ctx);
}

export const dealInput = dealFields.superRefine(checkDeal);
export type DealInput = z.input<typeof dealInput>;
export type ParsedDeal = z.output<typeof dealInput>;

/** One payment on an existing deal (the importer's 到账 sheet). */
export const paymentInput = paymentLine.extend({ confirmOverpayment: z.boolean().nullish() });
export type ParsedPayment = z.output<typeof paymentInput>;

// ---------------------------------------------------------------- pledges, registrations, figures, subsidies

export const pledgeInput = z
  .object({
    registrationNo: nonEmpty('质押登记号', 64),
    pledgor: partyInput,
    pledgeeName: nonEmpty('质权人', 200),
    amountFen: fen('融资金额'),
    registrationDate: realDate('登记日期'),
    termMonths: z
      .number({ error: '期限应为月数' })
      .int('期限应为整月数')
      .min(1, '期限至少 1 个月')
      .max(600, '期限不能超过 600 个月')
      .nullish(),
    patents: patentList,
  })
  .superRefine((p, ctx) => refusePatentTwice(p.patents, ctx));
export type PledgeInput = z.input<typeof pledgeInput>;
export type ParsedPledge = z.output<typeof pledgeInput>;

export const registrationInput = z
  .object({
    registrationNo: nonEmpty('备案号', 64),
    enterprise: partyInput,
    enterpriseSize: z.enum(ENTERPRISE_SIZES).nullish(),
    productName: nonEmpty('产品名称', 200),
    registrationDate: realDate('备案日期'),
    outputValueFen: fen('产值').nullish(),
    patents: patentList,
  })
  .superRefine((r, ctx) => refusePatentTwice(r.patents, ctx));
export type RegistrationInput = z.input<typeof registrationInput>;
export type ParsedRegistration = z.output<typeof registrationInput>;

export const enterpriseFiguresInput = z.object({
  enterprise: partyInput,
  year: z.number({ error: '请填写年度' }).int('年度应为整数').min(2000, '年度应在 2000 年以后').max(2100, '年度不合理'),
  revenueFen: fen('营业收入').nullish(),
  employees: z.number({ error: '就业人数应为整数' }).int('就业人数应为整数').min(0, '就业人数不能为负数').nullish(),
  sector: z.enum(SECTORS, { error: '请选择行业门类' }).nullish(),
});
export type EnterpriseFiguresInput = z.input<typeof enterpriseFiguresInput>;
export type ParsedEnterpriseFigures = z.output<typeof enterpriseFiguresInput>;

export const subsidyInput = z.object({
  subsidyNo: nonEmpty('奖补编号', 64),
  recipient: partyInput,
  programName: nonEmpty('项目名称', 200),
  amountFen: fen('奖补金额'),
  grantedDate: realDate('奖补日期'),
  /** Links by business number; core resolves them to records of this installation. */
  dealContractNo: optionalText('关联合同编号', 64),
  pledgeRegistrationNo: optionalText('关联质押登记号', 64),
});
export type SubsidyInput = z.input<typeof subsidyInput>;
export type ParsedSubsidy = z.output<typeof subsidyInput>;

// ---------------------------------------------------------------- outputs

export const writeOutcome = z.object({
  id: z.string(),
  version: z.number().int(),
  outcome: z.enum(['new', 'updated', 'unchanged']),
});
export type WriteOutcome = z.infer<typeof writeOutcome>;

export const partyView = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  kind: z.enum(PARTY_KINDS),
  regionCode: z.string().nullable(),
  cityCode: z.string().nullable(),
  size: z.enum(ENTERPRISE_SIZES).nullable(),
  sector: z.string().nullable(),
  legalRep: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  version: z.number().int(),
});
export type PartyView = z.infer<typeof partyView>;

export const patentView = z.object({
  number: z.string(),
  type: z.enum(['发明', '实用新型', '外观设计']),
  title: z.string(),
  filingDate: z.string().nullable(),
  status: z.enum(PATENT_STATUSES),
  naturalExpiry: z.string().nullable(),
});
export type PatentView = z.infer<typeof patentView>;

export const paymentView = z.object({
  id: z.string(),
  paidDate: z.string(),
  amountFen: z.number().int(),
  voucherNo: z.string(),
  version: z.number().int(),
});

export const attachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const flagView = z.object({ id: z.string(), ruleId: z.string(), status: z.string(), explanation: z.string() });

const recordMeta = {
  id: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
};

/**
 * A 对接 (DOMAIN §9) as other records show it: which need of which enterprise met which pooled patent, when and
 * where. A deal's detail lists the 对接 it was concluded from.
 */
export const matchmakingView = z.object({
  id: z.string(),
  needId: z.string(),
  needNo: z.string(),
  enterpriseName: z.string(),
  supplyId: z.string(),
  patentNumber: z.string(),
  patentTitle: z.string(),
  eventDate: z.string(),
  event: z.string(),
});
export type MatchmakingView = z.infer<typeof matchmakingView>;

export const dealDetail = z.object({
  ...recordMeta,
  regionCode: z.string(),
  contractNo: z.string(),
  kind: z.enum(DEAL_KINDS),
  licenseMode: z.enum(LICENSE_MODES).nullable(),
  contractDate: z.string(),
  recordationDate: z.string().nullable(),
  licenseEndDate: z.string().nullable(),
  industry: z.string(),
  amountFen: z.number().int(),
  paidFen: z.number().int(),
  assigneeSize: z.enum(ENTERPRISE_SIZES).nullable(),
  assignor: partyView,
  assignee: partyView,
  patents: z.array(patentView),
  payments: z.array(paymentView),
  attachments: z.array(attachmentView),
  flags: z.array(flagView),
  /** The 对接 this deal was concluded from (empty: entered under 交易, or an open license taken from the pool). */
  fromMatchmakings: z.array(matchmakingView),
});
export type DealDetail = z.infer<typeof dealDetail>;

export const pledgeDetail = z.object({
  ...recordMeta,
  regionCode: z.string(),
  registrationNo: z.string(),
  pledgor: partyView,
  pledgeeName: z.string(),
  amountFen: z.number().int(),
  registrationDate: z.string(),
  termMonths: z.number().int().nullable(),
  patents: z.array(patentView),
  attachments: z.array(attachmentView),
  flags: z.array(flagView),
});

export const registrationDetail = z.object({
  ...recordMeta,
  regionCode: z.string(),
  registrationNo: z.string(),
  enterprise: partyView,
  enterpriseSize: z.enum(ENTERPRISE_SIZES).nullable(),
  productName: z.string(),
  registrationDate: z.string(),
  outputValueFen: z.number().int().nullable(),
  patents: z.array(patentView),
  attachments: z.array(attachmentView),
  flags: z.array(flagView),
});

export const figuresDetail = z.object({
  ...recordMeta,
  enterprise: partyView,
  year: z.number().int(),
  revenueFen: z.number().int().nullable(),
  employees: z.number().int().nullable(),
  sector: z.string().nullable(),
  attachments: z.array(attachmentView),
});

export const subsidyDetail = z.object({
  ...recordMeta,
  regionCode: z.string(),
  subsidyNo: z.string(),
  recipient: partyView,
  programName: z.string(),
  amountFen: z.number().int(),
  grantedDate: z.string(),
  dealId: z.string().nullable(),
  dealContractNo: z.string().nullable(),
  pledgeId: z.string().nullable(),
  pledgeRegistrationNo: z.string().nullable(),
  clawedBackAt: z.string().nullable(),
  attachments: z.array(attachmentView),
  flags: z.array(flagView),
});

// ---------------------------------------------------------------- lists

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export const RECORD_STATUSES = ['active', 'voided', 'all'] as const;

/** Keyset paging: the cursor is opaque to callers (the last row's sort value and id). */
export const pageInput = z.object({
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(500).default(100),
  direction: z.enum(SORT_DIRECTIONS).default('desc'),
});

export const commonFilters = {
  search: z.string().trim().max(100).nullish(),
  status: z.enum(RECORD_STATUSES).default('active'),
  regionCode: regionCode.nullish(),
  year: z.number().int().min(1985).max(2100).nullish(),
  hasFlags: z.boolean().nullish(),
};

export const DEAL_SORTS = ['recordationDate', 'contractDate', 'amountFen', 'updatedAt'] as const;
export const dealListInput = pageInput.extend({
  ...commonFilters,
  kind: z.enum(DEAL_KINDS).nullish(),
  assignorKind: z.enum(PARTY_KINDS).nullish(),
  assigneeKind: z.enum(PARTY_KINDS).nullish(),
  assigneeSize: z.enum(ENTERPRISE_SIZES).nullish(),
  industry: z.enum(INDUSTRIES).nullish(),
  sort: z.enum(DEAL_SORTS).default('recordationDate'),
});
export type DealListInput = z.input<typeof dealListInput>;
export type DealListQuery = z.output<typeof dealListInput>;

export const dealRow = z.object({
  id: z.string(),
  contractNo: z.string(),
  kind: z.enum(DEAL_KINDS),
  licenseMode: z.string().nullable(),
  regionCode: z.string(),
  contractDate: z.string(),
  recordationDate: z.string().nullable(),
  amountFen: z.number().int(),
  patentCount: z.number().int(),
  industry: z.string(),
  assignorName: z.string(),
  assignorKind: z.string(),
  assigneeName: z.string(),
  assigneeSize: z.string().nullable(),
  flagCount: z.number().int(),
  version: z.number().int(),
  voidedAt: z.string().nullable(),
});
export type DealRow = z.infer<typeof dealRow>;

const listOutput = <T extends z.ZodType>(row: T) =>
  z.object({
    rows: z.array(row),
    /** Null on the last page. */
    nextCursor: z.string().nullable(),
    /** How many rows match the filters in all, on the first page; null on later pages. */
    total: z.number().int().nullable(),
  });

export const PLEDGE_SORTS = ['registrationDate', 'amountFen', 'updatedAt'] as const;
export const pledgeListInput = pageInput.extend({
  ...commonFilters,
  sort: z.enum(PLEDGE_SORTS).default('registrationDate'),
});
export const pledgeRow = z.object({
  id: z.string(),
  registrationNo: z.string(),
  regionCode: z.string(),
  pledgorName: z.string(),
  pledgeeName: z.string(),
  amountFen: z.number().int(),
  registrationDate: z.string(),
  termMonths: z.number().int().nullable(),
  patentCount: z.number().int(),
  flagCount: z.number().int(),
  version: z.number().int(),
  voidedAt: z.string().nullable(),
});

export const REGISTRATION_SORTS = ['registrationDate', 'updatedAt'] as const;
export const registrationListInput = pageInput.extend({
  ...commonFilters,
  enterpriseSize: z.enum(ENTERPRISE_SIZES).nullish(),
  sort: z.enum(REGISTRATION_SORTS).default('registrationDate'),
});
export const registrationRow = z.object({
  id: z.string(),
  registrationNo: z.string(),
  regionCode: z.string(),
  enterpriseName: z.string(),
  enterpriseSize: z.string().nullable(),
  productName: z.string(),
  registrationDate: z.string(),
  outputValueFen: z.number().int().nullable(),
  patentCount: z.number().int(),
  flagCount: z.number().int(),
  version: z.number().int(),
  voidedAt: z.string().nullable(),
});

export const FIGURES_SORTS = ['year', 'updatedAt'] as const;
export const figuresListInput = pageInput.extend({ ...commonFilters, sort: z.enum(FIGURES_SORTS).default('year') });
export const figuresRow = z.object({
  id: z.string(),
  enterpriseName: z.string(),
  uscc: z.string().nullable(),
  regionCode: z.string().nullable(),
  year: z.number().int(),
  revenueFen: z.number().int().nullable(),
  employees: z.number().int().nullable(),
  sector: z.string().nullable(),
  version: z.number().int(),
  voidedAt: z.string().nullable(),
});

export const SUBSIDY_SORTS = ['grantedDate', 'amountFen', 'updatedAt'] as const;
export const subsidyListInput = pageInput.extend({
  ...commonFilters,
  sort: z.enum(SUBSIDY_SORTS).default('grantedDate'),
});
export const subsidyRow = z.object({
  id: z.string(),
  subsidyNo: z.string(),
  regionCode: z.string(),
  recipientName: z.string(),
  programName: z.string(),
  amountFen: z.number().int(),
  grantedDate: z.string(),
  dealContractNo: z.string().nullable(),
  pledgeRegistrationNo: z.string().nullable(),
  flagCount: z.number().int(),
  version: z.number().int(),
  voidedAt: z.string().nullable(),
});

// ---------------------------------------------------------------- methods

const byId = z.object({ id: ulidId });
const voidInput = z.object({ id: ulidId, reason: nonEmpty('作废原因', 500) });
/** The voided version the user saw: a record that changed since is not restored. */
const restoreInput = z.object({ id: ulidId, version: z.number().int().min(1) });
const withId = <T extends z.ZodType>(schema: T) => z.object({ id: ulidId, record: schema });

export const draftKey = z.string().regex(/^[a-z]+(:[0-9A-Z]+)?$/, '草稿键无效');

/** The methods every kind of filing has: create, update (a new version), void (with a reason), restore, get, list. */
function recordMethods<
  P extends string,
  I extends z.ZodType,
  D extends z.ZodType,
  L extends z.ZodType,
  R extends z.ZodType,
>(prefix: P, input: I, detail: D, list: L, row: R) {
  const update = withId(input);
  const listed = listOutput(row);
  return {
    [`${prefix}.create`]: method({ access: 'entry', input, output: writeOutcome }),
    /** Saves a new version; unchanged input writes nothing. */
    [`${prefix}.update`]: method({ access: 'entry', input: update, output: writeOutcome }),
    [`${prefix}.void`]: method({ access: 'entry', input: voidInput, output: writeOutcome }),
    /** Undoes a void: a new version, audited and sent to the province. */
    [`${prefix}.restore`]: method({ access: 'entry', input: restoreInput, output: writeOutcome }),
    [`${prefix}.get`]: method({ access: 'user', input: byId, output: detail }),
    [`${prefix}.list`]: method({ access: 'user', input: list, output: listed }),
  } as Record<`${P}.create`, MethodSpec<I, typeof writeOutcome>> &
    Record<`${P}.update`, MethodSpec<typeof update, typeof writeOutcome>> &
    Record<`${P}.void`, MethodSpec<typeof voidInput, typeof writeOutcome>> &
    Record<`${P}.restore`, MethodSpec<typeof restoreInput, typeof writeOutcome>> &
    Record<`${P}.get`, MethodSpec<typeof byId, D>> &
    Record<`${P}.list`, MethodSpec<L, typeof listed>>;
}

export const filingsMethods = {
  /** On update, the deal's payments become the listed ones: payments missing from the list are voided. */
  ...recordMethods('deals', dealInput, dealDetail, dealListInput, dealRow),
  ...recordMethods('pledges', pledgeInput, pledgeDetail, pledgeListInput, pledgeRow),
  ...recordMethods('registrations', registrationInput, registrationDetail, registrationListInput, registrationRow),
  ...recordMethods('figures', enterpriseFiguresInput, figuresDetail, figuresListInput, figuresRow),
  ...recordMethods('subsidies', subsidyInput, subsidyDetail, subsidyListInput, subsidyRow),

  /** Search-as-you-type over names (Chinese substring) and USCC. */
  'parties.search': method({
    access: 'user',
    input: z.object({ query: z.string().trim().max(100), limit: z.number().int().min(1).max(50).default(20) }),
    output: z.array(partyView),
  }),
  'parties.save': method({ access: 'entry', input: partyInput, output: writeOutcome }),
  /** What the store already knows of a patent, to fill in the form as the number is typed. */
  'patents.lookup': method({
    access: 'user',
    input: z.object({ number: patentNumber }),
    output: patentView.nullable(),
  }),

  'drafts.save': method({
    access: 'user',
    input: z.object({ key: draftKey, data: z.record(z.string(), z.unknown()) }),
    output: z.object({ savedAt: z.string() }),
  }),
  'drafts.load': method({
    access: 'user',
    input: z.object({ key: draftKey }),
    output: z.object({ data: z.record(z.string(), z.unknown()), savedAt: z.string() }).nullable(),
  }),
  'drafts.clear': method({ access: 'user', input: z.object({ key: draftKey }), output: z.object({}) }),

  /** Attaches a file (scanned contract, receipt): copied into the data folder, hashed. */
  'attachments.add': method({
    access: 'entry',
    input: z.object({
      entity: z.enum(FILING_ENTITIES),
      entityId: ulidId,
      fileName: nonEmpty('文件名', 200),
      contentBase64: z.string().min(1, '文件为空').max(40_000_000, '附件不能超过 30 MB'),
    }),
    output: attachmentView,
  }),
  'attachments.read': method({
    access: 'user',
    input: byId,
    output: z.object({ fileName: z.string(), sha256: z.string(), contentBase64: z.string() }),
  }),
  'attachments.void': method({ access: 'entry', input: byId, output: z.object({}) }),
};
