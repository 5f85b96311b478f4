import { z } from 'zod';
import { method } from '../define';
import { parsePatentNumber } from '../../domain/patentNumber';
import { optionalDate, optionalText } from './records';

export const PATENT_STATUSES = ['有效', '失效', '届满', '审中'] as const;

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

export function refusePatentTwice(patents: { number: string }[], ctx: z.RefinementCtx, path = 'patents'): void {
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

export const patentList = z.array(patentInput, { error: '请至少填写一件专利' }).min(1, '请至少填写一件专利');

export const patentView = z.object({
  number: z.string(),
  type: z.enum(['发明', '实用新型', '外观设计']),
  title: z.string(),
  filingDate: z.string().nullable(),
  status: z.enum(PATENT_STATUSES),
  naturalExpiry: z.string().nullable(),
});
export type PatentView = z.infer<typeof patentView>;

export const patentsMethods = {
  /** What the store already knows of a patent, to fill in the form as the number is typed. */
  'patents.lookup': method({
    access: 'user',
    input: z.object({ number: patentNumber }),
    output: patentView.nullable(),
  }),
};
