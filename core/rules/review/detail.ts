import type { FlagDealView, FlagDetail } from '../../../shared/contract/rules';
import { ruleInfo } from '../../../shared/rules/catalog';
import { PROVINCE_DECISION_KEY, provinceDecision } from '../../../shared/sync/feedbackKinds';
import { RECORD_PAGES, recordLink } from '../../filings/recordPages';
import type { Actor } from '../../service/context';
import { notFound } from '../../service/errors';
import type { ReadHandle } from '../../store/store';
import { groupLogPrices } from '../priceGroups';
import { ENTERED_BY, ENTERED_SUBJECTS, readQueueRow } from './queue';
import { dealViews } from './dealViews';
import type { ProvinceSql } from '../../province/store/provinceDb';

/** The deals a flag concerns, as the reviewer compares them side by side. Records of other cities are not here. */
function dealsOfFlag(db: ReadHandle, sql: ProvinceSql, flagId: string): Promise<FlagDealView[]> {
  const ids = db
    .prepare("SELECT entity_id FROM flag_subjects WHERE flag_id = ? AND entity = 'deal'")
    .pluck()
    .all(flagId) as string[];
  return dealViews(sql, ids);
}

/** The kinds a flag can concern, as the reviewer reads them. */
const FLAGGED_KINDS: Record<string, string> = {
  deal: '交易',
  pledge: '质押',
  subsidy: '奖补',
  registration: '产品备案',
};

/** The flag's records held here (province feedback may name other cities' records), each with the page that opens it. */
function recordsOfFlag(db: ReadHandle, flagId: string): FlagDetail['records'] {
  const held = Object.keys(FLAGGED_KINDS).map(
    (entity) => `WHEN '${entity}' THEN EXISTS (SELECT 1 FROM ${RECORD_PAGES[entity]!.table} WHERE id = s.entity_id)`,
  );
  const subjects = db
    .prepare(
      `SELECT s.entity, s.entity_id AS id, s.business_no AS number FROM flag_subjects s
       WHERE s.flag_id = ? AND CASE s.entity ${held.join(' ')} ELSE 0 END ORDER BY s.entity, s.business_no`,
    )
    .all(flagId) as { entity: string; id: string; number: string }[];
  return subjects.map((s) => ({
    label: FLAGGED_KINDS[s.entity]!,
    number: s.number,
    link: recordLink(s.entity, s.id)!,
  }));
}

const BINS = 24;

/** R05: the group's prices per patent in equal bins of ln(price), with the flagged deal's bin marked. */
function priceDistribution(db: ReadHandle, evidence: Record<string, unknown>): FlagDetail['priceDistribution'] {
  const group = evidence.group as { kind?: string; typeRank?: number } | undefined;
  const x = evidence.lnAmountPerPatent;
  if (!group?.kind || typeof group.typeRank !== 'number' || typeof x !== 'number') return null;
  const values = groupLogPrices(db, group.kind, group.typeRank);
  if (values.length === 0) return null;
  const lo = Math.min(values[0]!, x);
  const hi = Math.max(values[values.length - 1]!, x);
  const width = (hi - lo) / BINS || 1;
  const binOf = (v: number) => Math.min(BINS - 1, Math.floor((v - lo) / width));
  const counts = new Array<number>(BINS).fill(0);
  for (const v of values) counts[binOf(v)]!++;
  const dealBin = binOf(x);
  return counts.map((count, i) => ({
    fromFen: Math.round(Math.exp(lo + i * width)),
    toFen: Math.round(Math.exp(lo + (i + 1) * width)),
    count,
    isDeal: i === dealBin,
  }));
}

/** Whoever entered a record the flag concerns may not decide on it (DOMAIN §8, DESIGN §5). */
export function whyCannotDecide(db: ReadHandle, flagId: string, actor: Actor | null): string | null {
  if (!actor || (actor.role !== '审核员' && actor.role !== '管理员')) return '只有审核员或管理员可以审核异常';
  if (!actor.id) return '请以审核员身份登录后在界面中审核';
  const entered = db
    .prepare(`SELECT s.business_no AS no ${ENTERED_SUBJECTS} WHERE s.flag_id = ? AND ${ENTERED_BY} = ?`)
    .all(flagId, actor.id) as { no: string }[];
  if (entered.length === 0) return null;
  return `${entered.map((e) => e.no).join('、')} 由您本人录入，不能由您审核；请由其他审核员处理。`;
}

/** A flag as its reviewer reads it; `sql` is the same store through the interface the province shares (dealViews). */
export async function readFlagDetail(
  db: ReadHandle,
  sql: ProvinceSql,
  flagId: string,
  actor: Actor | null,
  now: Date,
): Promise<FlagDetail> {
  const row = readQueueRow(db, flagId, now, actor?.id ?? null);
  if (!row) throw notFound('该异常记录');
  const extra = db.prepare('SELECT evidence FROM anomaly_flags WHERE id = ?').get(flagId) as { evidence: string };
  const evidence = JSON.parse(extra.evidence) as Record<string, unknown>;
  const decisions = db
    .prepare(
      `SELECT d.decision, d.reason, coalesce(u.display_name, d.reviewer_id) AS reviewerName, d.decided_at AS decidedAt
       FROM flag_decisions d LEFT JOIN users u ON u.id = d.reviewer_id WHERE d.flag_id = ? ORDER BY d.decided_at, d.id`,
    )
    .all(flagId) as FlagDetail['decisions'];
  return {
    ...row,
    ruleDescription: ruleInfo(row.ruleId).description,
    evidence,
    deals: await dealsOfFlag(db, sql, flagId),
    decisions,
    priceDistribution: row.ruleId === 'R05' ? priceDistribution(db, evidence) : null,
    cannotDecide: whyCannotDecide(db, flagId, actor),
    records: recordsOfFlag(db, flagId),
    provinceDecision: provinceDecision.safeParse(evidence[PROVINCE_DECISION_KEY]).data ?? null,
  };
}
