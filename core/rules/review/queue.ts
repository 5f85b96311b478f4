import type { QueueFilters, QueueRow } from '../../../shared/contract/rules';
import { addDays, daysBetween, todayIso } from '../../../shared/domain/dates';
import { regionName } from '../../../shared/domain/regions';
import { ruleInfo } from '../../../shared/rules/catalog';
import type { RuleId } from '../../../shared/rules/ruleIds';
import type { ReadHandle } from '../../store/store';

interface FlagRow {
  id: string;
  ruleId: RuleId;
  regionCode: string;
  source: QueueRow['source'];
  status: QueueRow['status'];
  active: number;
  explanation: string;
  firstSeenAt: string;
  subjects: string;
  lastDecision: string | null;
}

export const FLAG_COLUMNS = `f.id, f.rule_id AS ruleId, f.region_code AS regionCode, f.source, f.status, f.active, f.explanation,
  f.first_seen_at AS firstSeenAt,
  (SELECT json_group_array(json_object('entity', s.entity, 'no', s.business_no)) FROM flag_subjects s WHERE s.flag_id = f.id) AS subjects,
  (SELECT json_object('decision', d.decision, 'reason', d.reason, 'reviewerName', coalesce(u.display_name, d.reviewer_id), 'decidedAt', d.decided_at)
     FROM flag_decisions d LEFT JOIN users u ON u.id = d.reviewer_id WHERE d.flag_id = f.id ORDER BY d.decided_at DESC, d.id DESC LIMIT 1) AS lastDecision`;

export function toQueueRow(r: FlagRow, today: string): QueueRow {
  const subjects = JSON.parse(r.subjects) as { entity: string; no: string }[];
  const numbers = (entity: string) => subjects.filter((s) => s.entity === entity).map((s) => s.no);
  return {
    id: r.id,
    ruleId: r.ruleId,
    ruleName: ruleInfo(r.ruleId).name,
    regionCode: r.regionCode,
    regionName: regionName(r.regionCode) ?? r.regionCode,
    source: r.source,
    status: r.status,
    active: Boolean(r.active),
    explanation: r.explanation,
    firstSeenAt: r.firstSeenAt,
    ageDays: Math.max(0, daysBetween(r.firstSeenAt.slice(0, 10), today)),
    contracts: numbers('deal'),
    pledges: numbers('pledge'),
    subsidies: numbers('subsidy'),
    lastDecision: r.lastDecision ? (JSON.parse(r.lastDecision) as QueueRow['lastDecision']) : null,
  };
}

function whereOf(filters: QueueFilters, today: string): { sql: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (!filters.includeInactive) clauses.push('f.active = 1');
  if (filters.ruleIds?.length) {
    clauses.push('f.rule_id IN (SELECT value FROM json_each(@ruleIds))');
    params.ruleIds = JSON.stringify(filters.ruleIds);
  }
  if (filters.regionCode) {
    clauses.push('f.region_code = @regionCode');
    params.regionCode = filters.regionCode;
  }
  if (filters.status) {
    clauses.push('f.status = @status');
    params.status = filters.status;
  }
  if (filters.source) {
    clauses.push('f.source = @source');
    params.source = filters.source;
  }
  if (filters.minAgeDays !== undefined) {
    clauses.push('substr(f.first_seen_at, 1, 10) <= @seenBy');
    params.seenBy = addDays(today, -filters.minAgeDays);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The queue, longest waiting first: what the reviewers work through. */
export function listQueue(db: ReadHandle, filters: QueueFilters, now: Date, page: { offset: number; limit: number }): { total: number; rows: QueueRow[] } {
  const today = todayIso(now);
  const where = whereOf(filters, today);
  const total = (db.prepare(`SELECT count(*) AS n FROM anomaly_flags f ${where.sql}`).get(where.params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${FLAG_COLUMNS} FROM anomaly_flags f ${where.sql} ORDER BY f.first_seen_at, f.id LIMIT @limit OFFSET @offset`)
    .all({ ...where.params, ...page }) as FlagRow[];
  return { total, rows: rows.map((r) => toQueueRow(r, today)) };
}

export function readQueueRow(db: ReadHandle, flagId: string, now: Date): QueueRow | null {
  const row = db.prepare(`SELECT ${FLAG_COLUMNS} FROM anomaly_flags f WHERE f.id = ?`).get(flagId) as FlagRow | undefined;
  return row ? toQueueRow(row, todayIso(now)) : null;
}
