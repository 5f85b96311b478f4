import { z } from 'zod';
import { method } from './define';
import { nonEmpty } from './common';
import { CITY_REGIONS } from '../domain/regions';

const CITY_CODES = CITY_REGIONS.map((r) => r.code) as [string, ...string[]];

export const installationView = z.object({
  fingerprint: z.string(),
  /** The fingerprint as read out on the telephone to the city (groups of four). */
  readable: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.enum(['在用', '已替换', '已吊销']),
  enrolledAt: z.string(),
  /** When it stopped signing (replaced or revoked), and by which key if replaced. */
  retiredAt: z.string().nullable(),
  replacedBy: z.string().nullable(),
  /** The next outbox sequence the province expects from it. */
  nextSeq: z.number().int(),
  batches: z.number().int(),
  lastBatchAt: z.string().nullable(),
  lastContactAt: z.string().nullable(),
});
export type InstallationView = z.infer<typeof installationView>;

const region = z.enum(CITY_CODES, { error: '请选择该安装所属的地市或综改区' });
const pem = z
  .string()
  .trim()
  .min(1, '请粘贴公钥或选择公钥文件')
  .max(4000, '公钥内容过长：应为 patent-desk key 导出的 PEM 文件');

export const provinceInstallationsMethods = {
  'installations.list': method({
    access: 'admin',
    scope: 'province',
    input: z.object({}),
    output: z.array(installationView),
  }),
  /** Enrolls a city installation's public key (PEM, from `patent-desk key` or 设置 → 签名密钥). */
  'installations.enroll': method({
    access: 'admin',
    scope: 'province',
    input: z.object({ regionCode: region, publicKeyPem: pem }),
    output: z.object({ readable: z.string(), created: z.boolean() }),
  }),
  /** A new key takes an enrolled one's place (key rotated, new computer) and continues its sequence. */
  'installations.replace': method({
    access: 'admin',
    scope: 'province',
    input: z.object({ fingerprint: z.string().min(1), publicKeyPem: pem }),
    output: z.object({ readable: z.string(), replaced: z.string() }),
  }),
  /** The key signs nothing from now on (a computer lost or retired); its records stay. */
  'installations.revoke': method({
    access: 'admin',
    scope: 'province',
    input: z.object({ fingerprint: z.string().min(1), reason: nonEmpty('吊销原因', 200) }),
    output: z.object({ readable: z.string() }),
  }),
};
