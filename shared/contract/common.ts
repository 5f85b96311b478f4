import { z } from 'zod';
import { hasControlChars } from '../domain/text';

/** Reusable zod pieces with Chinese messages. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const regionCode = z.string().regex(/^\d{6}$/, '地区代码应为 6 位数字');
export const ulidId = z.string().min(1, '缺少编号');
export const nonEmpty = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`)
    .refine((s) => !hasControlChars(s), `${label}含有不可见的控制字符，请删除后重新填写`);

/** A file handed back to the caller to save: base64 content and a Chinese file name. */
export const fileDownload = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});
export type FileDownload = z.infer<typeof fileDownload>;
