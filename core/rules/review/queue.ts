import type { QueueFilters, QueueRow, QueueSort } from '../../../shared/contract/rules';
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

const FLAG_COLUMNS = `f.id, f.rule_id AS ruleId, f.region_code AS regionCode, f.source, f.status, f.active, f.explanation,
  f.first_seen_at AS firstSeenAt,
  (SELECT json_group_array(json_object('entity', s.entity, 'no', s.business_no)) FROM flag_subjects s WHERE s.flag_id = f.id) AS subjects,
  (SELECT json_object('decision', d.decision, 'reason', d.reason, 'reviewerName', coalesce(u.display_name, d.reviewer_id), 'decidedAt', d.decided_at)
     FROM flag_decisions d LEFT JOIN users u ON u.id = d.reviewer_id WHERE d.flag_id = f.id ORDER BY d.decided_at DESC, d.id DESC LIMIT 1) AS lastDecision`;

/** The records of a flag with whoever entered them (the four-eyes rule of DOMAIN §8); add a WHERE on s.flag_id. */
export const ENTERED_SUBJECTS = `FROM flag_subjects s
  LEFT JOIN deals d ON s.entity = 'deal' AND d.id = s.entity_id
  LEFT JOIN pledges p ON s.entity = 'pledge' AND p.id = s.entity_id
  LEFT JOIN subsidies y ON s.entity = 'subsidy' AND y.id = s.entity_id`;
export const ENTERED_BY = 'coalesce(d.created_by, p.created_by, y.created_by)';

function toQueueRow(r: FlagRow, today: string, enteredByYou: boolean): QueueRow {
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
    enteredByYou,
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
  if (filters.search) {
    clauses.push(
      `EXISTS (SELECT 1 FROM flag_subjects s WHERE s.flag_id = f.id AND instr(lower(s.business_no), lower(@search)) > 0)`,
    );
    params.search = filters.search;
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const SORT_COLUMNS: Record<QueueSort['field'], string> = {
  firstSeenAt: 'f.first_seen_at',
  ruleId: 'f.rule_id',
  regionCode: 'f.region_code',
  status: 'f.status',
};

/** Longest waiting first unless a column is chosen; ties by age, then id, so pages never overlap. */
function orderOf(sort: QueueSort | undefined): string {
  const direction = sort?.order === 'descend' ? 'DESC' : 'ASC';
  const column = SORT_COLUMNS[sort?.field ?? 'firstSeenAt'];
  return column === SORT_COLUMNS.firstSeenAt
    ? `${column} ${direction}, f.id ${direction}`
    : `${column} ${direction}, f.first_seen_at, f.id`;
}

/** Whether `actorId` entered a record of each flag: those the queue marks as not theirs to decide. */
function enteredBy(db: ReadHandle, actorId: string | null): (flagId: string) => boolean {
  if (!actorId) return () => false;
  const statement = db
    .prepare(`SELECT 1 ${ENTERED_SUBJECTS} WHERE s.flag_id = ? AND ${ENTERED_BY} = ? LIMIT 1`)
    .pluck();
  return (flagId) => statement.get(flagId, actorId) !== undefined;
}

export interface QueueView {
  sort?: QueueSort;
  /** The signed-in user, whose own records' flags are marked (null: nobody's, as in the exported workbook). */
  actorId?: string | null;
}

/** The queue, longest waiting first unless sorted otherwise: what the reviewers work through. */
export function listQueue(
  db: ReadHandle,
  filters: QueueFilters,
  now: Date,
  page: { offset: number; limit: number },
  view: QueueView = {},
): { total: number; rows: QueueRow[] } {
  const today = todayIso(now);
  const where = whereOf(filters, today);
  const total = (
    db.prepare(`SELECT count(*) AS n FROM anomaly_flags f ${where.sql}`).get(where.params) as { n: number }
  ).n;
  const rows = db
    .prepare(
      `SELECT ${FLAG_COLUMNS} FROM anomaly_flags f ${where.sql} ORDER BY ${orderOf(view.sort)} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...where.params, ...page }) as FlagRow[];
  const mine = enteredBy(db, view.actorId ?? null);
  return { total, rows: rows.map((r) => toQueueRow(r, today, mine(r.id))) };
}

export function readQueueRow(db: ReadHandle, flagId: string, now: Date, actorId: string | null): QueueRow | null {
  const row = db.prepare(`SELECT ${FLAG_COLUMNS} FROM anomaly_flags f WHERE f.id = ?`).get(flagId) as
    FlagRow | undefined;
  return row ? toQueueRow(row, todayIso(now), enteredBy(db, actorId)(flagId)) : null;
}
