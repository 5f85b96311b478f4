import { z } from 'zod';
import { SECTORS } from '../../domain/enterprise';
import { attachmentView } from './attachments';
import { partyInput, partyView } from './parties';
import { commonFilters, fen, pageInput, recordMeta, recordMethods } from './records';

export const enterpriseFiguresInput = z.object({
  enterprise: partyInput,
  year: z.number({ error: '请填写年度' }).int('年度应为整数').min(2000, '年度应在 2000 年以后').max(2100, '年度不合理'),
  revenueFen: fen('营业收入').nullish(),
  employees: z.number({ error: '就业人数应为整数' }).int('就业人数应为整数').min(0, '就业人数不能为负数').nullish(),
  sector: z.enum(SECTORS, { error: '请选择行业门类' }).nullish(),
});
export type EnterpriseFiguresInput = z.input<typeof enterpriseFiguresInput>;
export type ParsedEnterpriseFigures = z.output<typeof enterpriseFiguresInput>;

export const figuresDetail = z.object({
  ...recordMeta,
  enterprise: partyView,
  year: z.number().int(),
  revenueFen: z.number().int().nullable(),
  employees: z.number().int().nullable(),
  sector: z.string().nullable(),
  attachments: z.array(attachmentView),
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

export const figuresMethods = {
  ...recordMethods('figures', enterpriseFiguresInput, figuresDetail, figuresListInput, figuresRow),
};
