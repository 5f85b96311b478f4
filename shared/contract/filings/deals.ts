import { z } from 'zod';
import { nonEmpty } from '../common';
import { ENTERPRISE_SIZES, PARTY_KINDS } from '../../domain/enterprise';
import { INDUSTRIES } from '../../domain/industries';
import { attachmentView } from './attachments';
import { partyInput, partyView } from './parties';
import { patentList, patentView, refusePatentTwice } from './patents';
import { commonFilters, fen, flagView, optionalDate, pageInput, realDate, recordMeta, recordMethods } from './records';

export const DEAL_KINDS = ['转让', '许可', '作价入股'] as const;
export const LICENSE_MODES = ['独占', '排他', '普通', '开放许可'] as const;
export type DealKind = (typeof DEAL_KINDS)[number];

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

export const paymentView = z.object({
  id: z.string(),
  paidDate: z.string(),
  amountFen: z.number().int(),
  voucherNo: z.string(),
  version: z.number().int(),
});

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

export const dealsMethods = {
  /** On update, the deal's payments become the listed ones: payments missing from the list are voided. */
  ...recordMethods('deals', dealInput, dealDetail, dealListInput, dealRow),
};
