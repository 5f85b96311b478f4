import { z } from 'zod';
import { nonEmpty } from '../common';
import { attachmentView } from './attachments';
import { partyInput, partyView } from './parties';
import { patentList, patentView, refusePatentTwice } from './patents';
import { commonFilters, fen, flagView, pageInput, realDate, recordMeta, recordMethods } from './records';

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

export const pledgesMethods = {
  ...recordMethods('pledges', pledgeInput, pledgeDetail, pledgeListInput, pledgeRow),
};
