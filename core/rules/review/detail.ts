import type { FlagDealView, FlagDetail } from '../../../shared/contract/rules';
import { ruleInfo } from '../../../shared/rules/catalog';
import { PROVINCE_DECISION_KEY, provinceDecision } from '../../../shared/sync/feedbackKinds';
import { RECORD_PAGES, recordLink } from '../../filings/recordPages';
import type { Actor } from '../../service/context';
import { notFound } from '../../service/errors';
import type { ReadHandle } from '../../store/store';
import { groupLogPrices } from '../priceGroups';
import { ENTERED_BY, ENTERED_SUBJECTS, readQueueRow } from './queue';

/** The deals a flag concerns, as the reviewer compares them side by side. Records of other cities are not here. */
function dealsOfFlag(db: ReadHandle, flagId: string): FlagDealView[] {
  const ids = db
    .prepare("SELECT entity_id FROM flag_subjects WHERE flag_id = ? AND entity = 'deal'")
    .pluck()
    .all(flagId) as string[];
  return dealViews(db, ids);
}

/** Deals as a reviewer compares them side by side (the city's flag, the province's cross-city finding), oldest first. */
export function dealViews(db: ReadHandle, dealIds: readonly string[]): FlagDealView[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.contract_no AS contractNo, d.kind, d.license_mode AS licenseMode, d.region_code AS regionCode,
         d.contract_date AS contractDate, d.recordation_date AS recordationDate, d.amount_fen AS amountFen,
         a.name AS assignor, a.uscc AS assignorUscc, b.name AS assignee, b.uscc AS assigneeUscc,
         coalesce(u.display_name, d.created_by) AS enteredBy, d.voided_at IS NOT NULL AS voided,
         (SELECT json_group_array(json_object('number', p.number, 'type', p.type, 'status', p.status, 'filingDate', p.filing_date))
            FROM deal_patents dp JOIN patents p ON p.number = dp.patent_number WHERE dp.deal_id = d.id ORDER BY dp.position) AS patents,
         (SELECT json_group_array(json_object('date', y.paid_date, 'amountFen', y.amount_fen))
            FROM (SELECT paid_date, amount_fen FROM payments WHERE deal_id = d.id AND voided_at IS NULL ORDER BY paid_date, id) y) AS payments
       FROM deals d
       JOIN organizations a ON a.id = d.assignor_id JOIN organizations b ON b.id = d.assignee_id
       LEFT JOIN users u ON u.id = d.created_by
       WHERE d.id IN (SELECT value FROM json_each(?))
       ORDER BY coalesce(d.recordation_date, d.contract_date), d.id`,
    )
    .all(JSON.stringify(dealIds)) as (Omit<FlagDealView, 'patents' | 'payments' | 'voided' | 'receivedFen'> & {
    patents: string;
    payments: string;
    voided: number;
  })[];
  return rows.map((r) => {
    const payments = JSON.parse(r.payments) as FlagDealView['payments'];
    return {
      ...r,
      voided: Boolean(r.voided),
      patents: JSON.parse(r.patents) as FlagDealView['patents'],
      payments,
      receivedFen: payments.reduce((sum, p) => sum + p.amountFen, 0),
    };
  });
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

export function readFlagDetail(db: ReadHandle, flagId: string, actor: Actor | null, now: Date): FlagDetail {
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
    deals: dealsOfFlag(db, flagId),
    decisions,
    priceDistribution: row.ruleId === 'R05' ? priceDistribution(db, evidence) : null,
    cannotDecide: whyCannotDecide(db, flagId, actor),
    records: recordsOfFlag(db, flagId),
    provinceDecision: provinceDecision.safeParse(evidence[PROVINCE_DECISION_KEY]).data ?? null,
  };
}
