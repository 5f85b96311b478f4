import { z } from 'zod';
import { method, type MethodSpec } from '../define';
import { nonEmpty, regionCode, ulidId } from '../common';
import { isIsoDate } from '../../domain/dates';
import { parseWanToFen } from '../../domain/money';

/**
 * The filings of DOMAIN.md §6: deals, payments, pledges, product registrations, enterprise yearly figures,
 * subsidies, and the parties they name. Each kind has its file here, named as its method prefix and as its file in
 * core/filings; this one holds what they all share. Money is integer 分 (forms convert 万元 with parseWanToFen); dates
 * are ISO. Checks that need today (dates not in the future) run in core with the service clock.
 */

/** Kinds of record a list, a void or an attachment can be about. */
export const FILING_ENTITIES = [
  'deal',
  'payment',
  'pledge',
  'registration',
  'enterprise_figure',
  'subsidy',
  'organization',
] as const;
export type FilingEntity = (typeof FILING_ENTITIES)[number];

/** One message at a time: an empty date asks for it, anything else not a date says what was typed. */
export const realDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .superRefine((value, ctx) => {
      if (value === '') ctx.addIssue({ code: 'custom', message: `请填写${label}` });
      else if (!isIsoDate(value))
        ctx.addIssue({ code: 'custom', message: `${label}“${value}”不是有效日期，应为 YYYY-MM-DD` });
    });
export const optionalDate = (label: string) => realDate(label).nullish();
/**
 * An amount in 分. A form hands over the text itself when it is not an amount (MoneyInput), so that it is refused
 * with the reason rather than saved as blank.
 */
export const fen = (label: string) =>
  z
    .number({
      error: (issue) => (typeof issue.input === 'string' ? unreadableAmount(label, issue.input) : `请填写${label}`),
    })
    .int(`${label}应精确到分`)
    .min(0, `${label}不能为负数`)
    .max(Number.MAX_SAFE_INTEGER, `${label}过大`);

function unreadableAmount(label: string, text: string): string {
  const parsed = parseWanToFen(text);
  return parsed.ok ? `${label}应为数字金额（万元）` : `${label}：${parsed.message}`;
}
export const optionalText = (label: string, max = 200) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).nullish();

export const writeOutcome = z.object({
  id: z.string(),
  version: z.number().int(),
  outcome: z.enum(['new', 'updated', 'unchanged']),
});
export type WriteOutcome = z.infer<typeof writeOutcome>;

export const flagView = z.object({ id: z.string(), ruleId: z.string(), status: z.string(), explanation: z.string() });

export const recordMeta = {
  id: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
};

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export const RECORD_STATUSES = ['active', 'voided', 'all'] as const;

/** Keyset paging: the cursor is opaque to callers (the last row's sort value and id). */
export const pageInput = z.object({
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(500).default(100),
  direction: z.enum(SORT_DIRECTIONS).default('desc'),
});

export const commonFilters = {
  search: z.string().trim().max(100).nullish(),
  status: z.enum(RECORD_STATUSES).default('active'),
  regionCode: regionCode.nullish(),
  year: z.number().int().min(1985).max(2100).nullish(),
  hasFlags: z.boolean().nullish(),
};

const listOutput = <T extends z.ZodType>(row: T) =>
  z.object({
    rows: z.array(row),
    /** Null on the last page. */
    nextCursor: z.string().nullable(),
    /** How many rows match the filters in all, on the first page; null on later pages. */
    total: z.number().int().nullable(),
  });

export const byId = z.object({ id: ulidId });
const voidInput = z.object({ id: ulidId, reason: nonEmpty('作废原因', 500) });
/** The voided version the user saw: a record that changed since is not restored. */
const restoreInput = z.object({ id: ulidId, version: z.number().int().min(1) });
const withId = <T extends z.ZodType>(schema: T) => z.object({ id: ulidId, record: schema });

/** The methods every kind of filing has: create, update (a new version), void (with a reason), restore, get, list. */
export function recordMethods<
  P extends string,
  I extends z.ZodType,
  D extends z.ZodType,
  L extends z.ZodType,
  R extends z.ZodType,
>(prefix: P, input: I, detail: D, list: L, row: R) {
  const update = withId(input);
  const listed = listOutput(row);
  return {
    [`${prefix}.create`]: method({ access: 'entry', input, output: writeOutcome }),
    /** Saves a new version; unchanged input writes nothing. */
    [`${prefix}.update`]: method({ access: 'entry', input: update, output: writeOutcome }),
    [`${prefix}.void`]: method({ access: 'entry', input: voidInput, output: writeOutcome }),
    /** Undoes a void: a new version, audited and sent to the province. */
    [`${prefix}.restore`]: method({ access: 'entry', input: restoreInput, output: writeOutcome }),
    [`${prefix}.get`]: method({ access: 'user', input: byId, output: detail }),
    [`${prefix}.list`]: method({ access: 'user', input: list, output: listed }),
  } as Record<`${P}.create`, MethodSpec<I, typeof writeOutcome>> &
    Record<`${P}.update`, MethodSpec<typeof update, typeof writeOutcome>> &
    Record<`${P}.void`, MethodSpec<typeof voidInput, typeof writeOutcome>> &
    Record<`${P}.restore`, MethodSpec<typeof restoreInput, typeof writeOutcome>> &
    Record<`${P}.get`, MethodSpec<typeof byId, D>> &
    Record<`${P}.list`, MethodSpec<L, typeof listed>>;
}
