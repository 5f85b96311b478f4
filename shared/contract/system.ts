import { z } from 'zod';
import { method } from './define';
import { isoDate, nonEmpty, regionCode } from './common';
import { password, userView } from './auth';

export const systemStatus = z.object({
  setUp: z.boolean(),
  region: z.object({ code: z.string(), name: z.string() }).nullable(),
  installationId: z.string().nullable(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  today: isoDate,
});

export const generalSettings = z.object({
  provinceEndpointUrl: z
    .string()
    .trim()
    .refine((v) => v === '' || /^https?:\/\/[^\s]+$/.test(v), '省级接口地址应以 http:// 或 https:// 开头')
    .default(''),
});
export type GeneralSettings = z.infer<typeof generalSettings>;

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const systemMethods = {
  'system.status': method({ access: 'public', input: z.object({}), output: systemStatus }),
  /** First run: the region of this installation and its first 管理员. Refused once the store is set up. */
  'system.setup': method({
    access: 'public',
    input: z.object({
      regionCode,
      adminUsername: nonEmpty('管理员用户名', 64).regex(/^[A-Za-z0-9_.-]+$/, '用户名只能用字母、数字、下划线、点和连字符'),
      adminDisplayName: nonEmpty('管理员姓名', 64),
      password,
    }),
    output: userView,
  }),
  'settings.getGeneral': method({ access: 'user', input: z.object({}), output: generalSettings }),
  'settings.updateGeneral': method({ access: 'admin', input: generalSettings, output: generalSettings }),
  /** Version history of one record, from the audit log: who changed what, when. */
  'audit.history': method({
    access: 'user',
    input: z.object({ entity: z.string().min(1), entityId: z.string().min(1) }),
    output: z.array(auditEntry),
  }),
};
