import { z } from 'zod';
import { method } from '../define';

export const draftKey = z.string().regex(/^[a-z]+(:[0-9A-Z]+)?$/, '草稿键无效');

export const draftsMethods = {
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
};
