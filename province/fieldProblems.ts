import type { z } from 'zod';
import { fieldLabel } from '../core/sync/recordLabels';
import type { SyncEntityName } from '../shared/sync/records';

type Issue = z.core.$ZodIssue;

const FIX = '请更正后重新同步';
/** A column the desk fills itself (id, version, times, region) is wrong: the caseworker cannot fix it in a form. */
const SYSTEM_PROBLEM = '记录的系统信息有误（不是录入的内容），请联系技术支持';

const missing = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** What is wrong with one value, in words for the caseworker (the schema's own texts name no field). */
function problemOf(issue: Issue, column: string, value: unknown): string {
  if (missing(value)) return '未填写';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return column.endsWith('_fen') ? '应精确到分' : '应为整数';
      return '格式有误';
    case 'too_small':
      if (issue.origin !== 'number') return '格式有误';
      return Number(issue.minimum) === 0 ? '不能为负数' : `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      return `不能大于 ${String(issue.maximum)}`;
    case 'invalid_value':
      return `应为 ${issue.values.map(String).join('、')} 之一`;
    case 'invalid_format':
      return column.endsWith('_date') ? '不是有效日期' : '格式有误';
    default:
      // Refinements (custom) carry a whole Chinese sentence from the schema.
      return `：${issue.message}`;
  }
}

/**
 * The field problems of a record the schema refused, one per field, each naming the field by the label a caseworker
 * knows it by (the import template's) and saying what to do.
 */
export function fieldProblems(
  entity: SyncEntityName,
  issues: readonly Issue[],
  payload: Record<string, unknown>,
): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const issue of issues) {
    const column = String(issue.path[0] ?? '');
    const label = fieldLabel(entity, column);
    const key = label ?? SYSTEM_PROBLEM;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!label) {
      problems.push(SYSTEM_PROBLEM);
      continue;
    }
    const value =
      issue.path.length > 1
        ? (payload[column] as Record<PropertyKey, unknown> | undefined)?.[issue.path[1]!]
        : payload[column];
    const problem = problemOf(issue, column, value);
    problems.push(`${label}${problem.startsWith('：') ? '' : ' '}${problem}，${FIX}`);
  }
  return problems;
}
