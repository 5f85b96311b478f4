import type { CrossReviewDetail, CrossReviewRow } from '../../../shared/contract/provinceReview';
import { regionName } from '../../../shared/domain/regions';
import { ruleInfo } from '../../../shared/rules/catalog';
import { isRuleId } from '../../../shared/rules/ruleIds';
import { dealViews } from '../../rules/review/detail';
import { notFound } from '../../service/errors';
import type { ReadHandle } from '../../store/store';

/** The province's own rule: a shared patent or organization two regions describe differently (province/claims.ts). */
export const CLAIM_RULE = {
  id: 'CLAIM',
  name: '共享记录描述不一致',
  description: '同一专利或单位，两个地区报送的登记信息不同；省级保留最先报送地区的内容。',
};

const KIND: Record<string, string> = { deal: '交易', pledge: '质押', subsidy: '奖补', registration: '产品备案' };
const CLAIMED: Record<string, string> = { patent: '专利', organization: '单位' };

export interface FindingRow {
  fingerprint: string;
  rule_id: string;
  explanation: string;
  evidence: string;
  subjects: string;
  deliveries: string;
  found_at: string;
  status: CrossReviewRow['status'];
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

interface Subject {
  entity: string;
  entityId: string;
  businessNo: string;
  regionCode: string | null;
}

const nameOf = (code: string) => regionName(code) ?? code;

/** A CLAIM's two regions (owner, claimant) and the record it is about, from its evidence. */
function claimParts(evidence: Record<string, unknown>) {
  const owner = (evidence.owner as { region?: string } | undefined)?.region ?? '';
  const claimant = (evidence.claimant as { region?: string } | undefined)?.region ?? '';
  return { owner, claimant, entity: String(evidence.entity ?? ''), record: String(evidence.record ?? '') };
}

/** The regions a finding concerns: the regions of its records, or a claim's owner and claimant. */
export function findingRegions(row: Pick<FindingRow, 'rule_id' | 'evidence' | 'subjects'>): string[] {
  if (row.rule_id === CLAIM_RULE.id) {
    const { owner, claimant } = claimParts(JSON.parse(row.evidence) as Record<string, unknown>);
    return [owner, claimant].filter(Boolean);
  }
  const subjects = JSON.parse(row.subjects) as Subject[];
  return [...new Set(subjects.map((s) => s.regionCode ?? ''))].filter(Boolean).sort();
}

function toRow(db: ReadHandle, r: FindingRow): CrossReviewRow {
  const evidence = JSON.parse(r.evidence) as Record<string, unknown>;
  const claim = r.rule_id === CLAIM_RULE.id;
  const records = claim
    ? [
        {
          regionName: nameOf(claimParts(evidence).owner),
          label: CLAIMED[claimParts(evidence).entity] ?? '记录',
          number: claimNumber(db, evidence),
        },
      ]
    : (JSON.parse(r.subjects) as Subject[]).map((s) => ({
        regionName: nameOf(s.regionCode ?? ''),
        label: KIND[s.entity] ?? s.entity,
        number: s.businessNo,
      }));
  return {
    fingerprint: r.fingerprint,
    ruleId: r.rule_id,
    ruleName: claim ? CLAIM_RULE.name : isRuleId(r.rule_id) ? ruleInfo(r.rule_id).name : r.rule_id,
    regions: findingRegions(r).map((code) => ({ code, name: nameOf(code) })),
    records,
    explanation: r.explanation,
    foundAt: r.found_at,
    status: r.status,
    reason: r.reason,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}

/** A claimed patent by its number, an organization by its name (the id means nothing to an officer). */
function claimNumber(db: ReadHandle, evidence: Record<string, unknown>): string {
  const { entity, record } = claimParts(evidence);
  if (entity === 'patent')
    return (db.prepare('SELECT number FROM patents WHERE id = ?').pluck().get(record) as string | undefined) ?? record;
  if (entity === 'organization')
    return (
      (db.prepare('SELECT name FROM organizations WHERE id = ?').pluck().get(record) as string | undefined) ?? record
    );
  return record;
}

export function readFindingRow(db: ReadHandle, fingerprint: string): FindingRow {
  const row = db.prepare('SELECT * FROM province_findings WHERE fingerprint = ?').get(fingerprint) as
    FindingRow | undefined;
  if (!row) throw notFound('该跨地市发现');
  return row;
}

/** Open findings first (oldest first, as they wait), then the decided ones, latest decision first. */
export function listCrossReview(db: ReadHandle, status?: CrossReviewRow['status']): CrossReviewRow[] {
  const rows = db
    .prepare(
      `SELECT * FROM province_findings WHERE @status IS NULL OR status = @status
       ORDER BY status <> '待审核', CASE WHEN status = '待审核' THEN found_at END, decided_at DESC, fingerprint LIMIT 1000`,
    )
    .all({ status: status ?? null }) as FindingRow[];
  return rows.map((r) => toRow(db, r));
}

export function readCrossReview(db: ReadHandle, fingerprint: string): CrossReviewDetail {
  const r = readFindingRow(db, fingerprint);
  const subjects = JSON.parse(r.subjects) as Subject[];
  const dealIds = subjects.filter((s) => s.entity === 'deal').map((s) => s.entityId);
  return {
    ...toRow(db, r),
    ruleDescription:
      r.rule_id === CLAIM_RULE.id ? CLAIM_RULE.description : isRuleId(r.rule_id) ? ruleInfo(r.rule_id).description : '',
    evidence: JSON.parse(r.evidence) as Record<string, unknown>,
    // The cities' users are not the province's: a deal is said to be entered by its city.
    deals: dealViews(db, dealIds).map((d) => ({ ...d, enteredBy: `${nameOf(d.regionCode)}录入` })),
    sentTo: findingRegions(r).map(nameOf),
  };
}
