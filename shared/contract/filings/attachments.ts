import { z } from 'zod';
import { method } from '../define';
import { nonEmpty, ulidId } from '../common';
import { byId, FILING_ENTITIES } from './records';

export const attachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const attachmentsMethods = {
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
