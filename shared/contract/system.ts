import { z } from 'zod';
import { method } from './define';
import { isoDate, nonEmpty, regionCode } from './common';
import { password, userView } from './users';

export const systemStatus = z.object({
  setUp: z.boolean(),
  region: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** Before setup: the one region this store may be set up for (the province's workbench), else null. */
  setupRegion: z.string().nullable(),
  installationId: z.string().nullable(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  /**
   * Where the data is kept: a SQLite file on this machine (backed up by the desk itself), or the province's PostgreSQL
   * database in a data centre (backed up there, with pg_dump).
   */
  database: z.enum(['sqlite', 'postgres']),
  today: isoDate,
});

export const generalSettings = z.object({
  provinceEndpointUrl: z
    .string()
    .trim()
    .refine((v) => v === '' || /^https?:\/\/[^\s]+$/.test(v), '省级接口地址应以 http:// 或 https:// 开头')
    .default(''),
  /** A signed-in session that has not been used this long ends; the user signs in again. */
  sessionIdleMinutes: z
    .number({ error: '请填写自动退出登录的时间（分钟）' })
    .int('自动退出登录的时间应为整数分钟')
    .min(5, '自动退出登录的时间不能少于 5 分钟')
    .max(480, '自动退出登录的时间不能超过 480 分钟（8 小时）')
    .default(30),
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

/** The audit log viewer's filters (管理员, 领导): every one optional; `from`/`to` are instants (ISO), to exclusive. */
export const auditSearchInput = z.object({
  actorName: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ error: '起始时间格式不正确' }).optional(),
  to: z.iso.datetime({ error: '截止时间格式不正确' }).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const auditPage = z.object({
  total: z.number().int(),
  rows: z.array(auditEntry),
  /** What the filters can choose from: every actor, action and entity the log holds. */
  actors: z.array(z.string()),
  actions: z.array(z.string()),
  entities: z.array(z.string()),
});

export const auditVerification = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  brokenSeq: z.number().int().nullable(),
  message: z.string().nullable(),
});

export const systemMethods = {
  'system.status': method({ access: 'public', input: z.object({}), output: systemStatus }),
  /** First run: the region of this installation and its first 管理员. Refused once the store is set up. */
  'system.setup': method({
    access: 'public',
    input: z.object({
      regionCode,
      adminUsername: nonEmpty('管理员用户名', 64).regex(
        /^[A-Za-z0-9_.-]+$/,
        '用户名只能用字母、数字、下划线、点和连字符',
      ),
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
  /** The audit log, newest first, filtered and paged: read-only, for 管理员 and 领导. */
  'audit.search': method({ access: 'user', input: auditSearchInput, output: auditPage }),
  /** Walks the hash chain against the anchors of the batches sent: is the log as it was written? (管理员, 领导) */
  'audit.verify': method({ access: 'user', input: z.object({}), output: auditVerification }),
};
