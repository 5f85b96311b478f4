import { z } from 'zod';
import { nonEmpty } from '../common';
import { attachmentView } from './attachments';
import { partyInput, partyView } from './parties';
import { commonFilters, fen, flagView, optionalText, pageInput, realDate, recordMeta, recordMethods } from './records';

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

export const subsidiesMethods = {
  ...recordMethods('subsidies', subsidyInput, subsidyDetail, subsidyListInput, subsidyRow),
};
