import { z } from 'zod';
import { method } from '../define';
import { nonEmpty, regionCode, ulidId } from '../common';
import { ENTERPRISE_SIZES, PARTY_KINDS, SECTORS } from '../../domain/enterprise';
import { checkUscc } from '../../domain/uscc';
import { optionalText, writeOutcome } from './records';

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

export const partiesMethods = {
  /** Search-as-you-type over names (Chinese substring) and USCC. */
  'parties.search': method({
    access: 'user',
    input: z.object({ query: z.string().trim().max(100), limit: z.number().int().min(1).max(50).default(20) }),
    output: z.array(partyView),
  }),
  'parties.save': method({ access: 'entry', input: partyInput, output: writeOutcome }),
};
