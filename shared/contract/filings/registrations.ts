import { z } from 'zod';
import { nonEmpty } from '../common';
import { ENTERPRISE_SIZES } from '../../domain/enterprise';
import { attachmentView } from './attachments';
import { partyInput, partyView } from './parties';
import { patentList, patentView, refusePatentTwice } from './patents';
import { commonFilters, fen, flagView, pageInput, realDate, recordMeta, recordMethods } from './records';

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

export const registrationsMethods = {
  ...recordMethods('registrations', registrationInput, registrationDetail, registrationListInput, registrationRow),
};
