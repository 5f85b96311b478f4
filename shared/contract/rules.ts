import { z } from 'zod';
import { method } from './define';
import { provinceDecision } from '../sync/feedbackKinds';
import { nonEmpty, regionCode } from './common';
import { fileDownload } from './common';
import { FLAG_DECISIONS, FLAG_SOURCES, FLAG_STATUSES, RULE_IDS } from '../rules/ruleIds';
import { ruleThresholds } from '../rules/thresholds';

export const ruleIdSchema = z.enum(RULE_IDS, { error: '未知的规则编号' });
const ruleIdList = z.array(ruleIdSchema).min(1, '请至少选择一条规则').optional();

export const ruleSettingsView = z.object({
  rules: z.array(
    z.object({
      id: ruleIdSchema,
      name: z.string(),
      description: z.string(),
      thresholds: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string() })),
    }),
  ),
  thresholds: ruleThresholds,
  /** Version of the thresholds in settings (0: never changed, the DOMAIN defaults). */
  version: z.number().int(),
});

/** One flag as `patent-desk scan` prints it (DESIGN §3a). */
export const scanFlag = z.object({
  rule: ruleIdSchema,
  region: z.string(),
  contracts: z.array(z.string()),
  pledges: z.array(z.string()),
  subsidies: z.array(z.string()),
  deals: z.array(z.string()),
  explanation: z.string(),
  evidence: z.record(z.string(), z.unknown()),
});
export type ScanFlag = z.infer<typeof scanFlag>;

export const scanSummary = z.object({
  found: z.number().int(),
  created: z.number().int(),
  reactivated: z.number().int(),
  refreshed: z.number().int(),
  deactivated: z.number().int(),
});

export const SCAN_JOB_STATES = ['运行中', '已完成', '失败'] as const;
export const scanJob = z.object({
  jobId: z.string(),
  state: z.enum(SCAN_JOB_STATES),
  /** Steps done of steps: one per rule, then saving the flags. */
  done: z.number().int(),
  steps: z.number().int(),
  current: z.string().nullable(),
  summary: scanSummary.nullable(),
  message: z.string().nullable(),
});
export type ScanJob = z.infer<typeof scanJob>;

const decisionView = z.object({
  decision: z.enum(FLAG_STATUSES),
  reason: z.string(),
  reviewerName: z.string(),
  decidedAt: z.string(),
});

export const queueRow = z.object({
  id: z.string(),
  ruleId: ruleIdSchema,
  ruleName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  source: z.enum(FLAG_SOURCES),
  status: z.enum(FLAG_STATUSES),
  /** False when the latest scan no longer finds it (kept with its history, hidden by default). */
  active: z.boolean(),
  explanation: z.string(),
  firstSeenAt: z.string(),
  ageDays: z.number().int(),
  contracts: z.array(z.string()),
  pledges: z.array(z.string()),
  subsidies: z.array(z.string()),
  lastDecision: decisionView.nullable(),
  /** The signed-in reviewer entered a record of it and may not decide it (four eyes); false for everyone else. */
  enteredByYou: z.boolean(),
});
export type QueueRow = z.infer<typeof queueRow>;

export const queueFilters = z.object({
  ruleIds: z.array(ruleIdSchema).optional(),
  regionCode: regionCode.optional(),
  status: z.enum(FLAG_STATUSES).optional(),
  source: z.enum(FLAG_SOURCES).optional(),
  /** Only flags first found at least this many days ago. */
  minAgeDays: z.number().int().min(0).max(36500).optional(),
  includeInactive: z.boolean().default(false),
  /** Part of a contract number, pledge registration number or subsidy number of a record the flag concerns. */
  search: z.string().trim().max(100).optional(),
});
export type QueueFilters = z.input<typeof queueFilters>;

export const QUEUE_SORT_FIELDS = ['firstSeenAt', 'ruleId', 'regionCode', 'status'] as const;
export const queueSort = z.object({ field: z.enum(QUEUE_SORT_FIELDS), order: z.enum(['ascend', 'descend']) });
export type QueueSort = z.infer<typeof queueSort>;

const dealView = z.object({
  id: z.string(),
  contractNo: z.string(),
  kind: z.string(),
  licenseMode: z.string().nullable(),
  regionCode: z.string(),
  contractDate: z.string(),
  recordationDate: z.string().nullable(),
  amountFen: z.number().int(),
  receivedFen: z.number().int(),
  assignor: z.string(),
  assignorUscc: z.string().nullable(),
  assignee: z.string(),
  assigneeUscc: z.string().nullable(),
  patents: z.array(
    z.object({ number: z.string(), type: z.string(), status: z.string(), filingDate: z.string().nullable() }),
  ),
  payments: z.array(z.object({ date: z.string(), amountFen: z.number().int() })),
  enteredBy: z.string().nullable(),
  voided: z.boolean(),
});
export type FlagDealView = z.infer<typeof dealView>;

export const flagDetail = queueRow.extend({
  ruleDescription: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  deals: z.array(dealView),
  decisions: z.array(decisionView),
  /** R05: the group's amounts per patent in bins on a log scale, the flagged deal's bin marked. */
  priceDistribution: z
    .array(z.object({ fromFen: z.number(), toFen: z.number(), count: z.number().int(), isDeal: z.boolean() }))
    .nullable(),
  /** Null when the signed-in user may decide; otherwise why not, in Chinese. */
  cannotDecide: z.string().nullable(),
  /** Every record the flag concerns held here (deals, pledges, subsidies), with the desk page that opens it. */
  records: z.array(z.object({ label: z.string(), number: z.string(), link: z.string() })),
  /** A 省级反馈 flag the province's officers decided in its cross-city review: their decision and reason. */
  provinceDecision: provinceDecision.nullable(),
});
export type FlagDetail = z.infer<typeof flagDetail>;

/** A decision must say what was checked: a word or two (“同意”, “没问题”) is refused. */
export const MIN_REASON_LENGTH = 5;
export const reviewReason = nonEmpty('审核理由', 500).refine(
  (v) => v === '' || [...v].length >= MIN_REASON_LENGTH,
  `审核理由至少 ${MIN_REASON_LENGTH} 个字：请写明核实了什么、依据是什么`,
);

const reason = reviewReason;

export const rulesMethods = {
  /** The twelve rules with their current thresholds. */
  'rules.settings': method({ access: 'user', input: z.object({}), output: ruleSettingsView }),
  /** New thresholds; a new settings version, audited. Later scans use it. */
  'rules.updateThresholds': method({ access: 'admin', input: ruleThresholds, output: ruleSettingsView }),
  /** A full scan, run to the end; answers every flag found (the CLI's `scan`). */
  'rules.scan': method({
    access: 'review',
    input: z.object({ ruleIds: ruleIdList }),
    output: z.object({ flags: z.array(scanFlag), summary: scanSummary }),
  }),
  /** A full scan in the background; poll rules.scanStatus for its progress. */
  'rules.scanStart': method({ access: 'review', input: z.object({ ruleIds: ruleIdList }), output: scanJob }),
  'rules.scanStatus': method({ access: 'review', input: z.object({ jobId: z.string().min(1) }), output: scanJob }),
  /** The review queue (异常审核), newest first. */
  'review.queue': method({
    access: 'user',
    input: queueFilters.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      /** Longest waiting first unless a column is chosen. */
      sort: queueSort.optional(),
    }),
    output: z.object({ total: z.number().int(), rows: z.array(queueRow) }),
  }),
  'review.flag': method({ access: 'user', input: z.object({ flagId: z.string().min(1) }), output: flagDetail }),
  /** 确认异常 / 排除 / 需补充材料, with a reason; refused to whoever entered a record the flag concerns. */
  'review.decide': method({
    access: 'review',
    input: z.object({
      flagId: z.string().min(1),
      decision: z.enum(FLAG_DECISIONS, { error: '请选择审核结论' }),
      reason,
    }),
    output: flagDetail,
  }),
  /** Back to 待审核, with a reason; the earlier decision stays in the history. */
  'review.reopen': method({
    access: 'review',
    input: z.object({ flagId: z.string().min(1), reason }),
    output: flagDetail,
  }),
  /** The queue with its filters as an xlsx workbook. */
  'review.exportQueue': method({ access: 'user', input: queueFilters, output: fileDownload }),
};
