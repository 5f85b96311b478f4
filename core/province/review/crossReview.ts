import type { CrossReviewDetail, CrossReviewRow } from '../../../shared/contract/provinceReview';
import { regionName } from '../../../shared/domain/regions';
import { ruleInfo } from '../../../shared/rules/catalog';
import { isRuleId } from '../../../shared/rules/ruleIds';
import { dealViews } from '../../rules/review/dealViews';
import { notFound } from '../../service/errors';
import { inJsonList, type ProvinceSql } from '../store/provinceDb';

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

/** What a claim names by id, as the officer reads it: a patent by its number, an organization by its name. */
type ClaimNames = Map<string, string>;

async function claimNames(db: ProvinceSql, rows: readonly FindingRow[]): Promise<ClaimNames> {
  const wanted = { patent: [] as string[], organization: [] as string[] };
  for (const r of rows) {
    if (r.rule_id !== CLAIM_RULE.id) continue;
    const { entity, record } = claimParts(JSON.parse(r.evidence) as Record<string, unknown>);
    if (entity === 'patent' || entity === 'organization') wanted[entity].push(record);
  }
  const names: ClaimNames = new Map();
  const ids = inJsonList(db.dialect);
  for (const [entity, sql] of [
    ['patent', `SELECT id, number AS name FROM patents WHERE id ${ids}`],
    ['organization', `SELECT id, name FROM organizations WHERE id ${ids}`],
  ] as const) {
    if (wanted[entity].length === 0) continue;
    for (const { id, name } of await db.all<{ id: string; name: string }>(sql, [JSON.stringify(wanted[entity])]))
      names.set(`${entity}:${id}`, name);
  }
  return names;
}

function toRow(names: ClaimNames, r: FindingRow): CrossReviewRow {
  const evidence = JSON.parse(r.evidence) as Record<string, unknown>;
  const claim = r.rule_id === CLAIM_RULE.id;
  const claimed = claimParts(evidence);
  const records = claim
    ? [
        {
          regionName: nameOf(claimed.owner),
          label: CLAIMED[claimed.entity] ?? '记录',
          // The id means nothing to an officer; a record no longer here is named by it all the same.
          number: names.get(`${claimed.entity}:${claimed.record}`) ?? claimed.record,
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

export async function readFindingRow(db: ProvinceSql, fingerprint: string): Promise<FindingRow> {
  const row = await db.get<FindingRow>('SELECT * FROM province_findings WHERE fingerprint = ?', [fingerprint]);
  if (!row) throw notFound('该跨地市发现');
  return row;
}

/** Open findings first (oldest first, as they wait), then the decided ones, latest decision first. */
export async function listCrossReview(db: ProvinceSql, status?: CrossReviewRow['status']): Promise<CrossReviewRow[]> {
  const rows = await db.all<FindingRow>(
    `SELECT * FROM province_findings ${status ? 'WHERE status = ?' : ''}
     ORDER BY status <> '待审核', CASE WHEN status = '待审核' THEN found_at END, decided_at DESC NULLS LAST, fingerprint
     LIMIT 1000`,
    status ? [status] : [],
  );
  const names = await claimNames(db, rows);
  return rows.map((r) => toRow(names, r));
}

export async function readCrossReview(db: ProvinceSql, fingerprint: string): Promise<CrossReviewDetail> {
  const r = await readFindingRow(db, fingerprint);
  const subjects = JSON.parse(r.subjects) as Subject[];
  const dealIds = subjects.filter((s) => s.entity === 'deal').map((s) => s.entityId);
  return {
    ...toRow(await claimNames(db, [r]), r),
    ruleDescription:
      r.rule_id === CLAIM_RULE.id ? CLAIM_RULE.description : isRuleId(r.rule_id) ? ruleInfo(r.rule_id).description : '',
    evidence: JSON.parse(r.evidence) as Record<string, unknown>,
    // The cities' users are not the province's: a deal is said to be entered by its city.
    deals: (await dealViews(db, dealIds)).map((d) => ({ ...d, enteredBy: `${nameOf(d.regionCode)}录入` })),
    sentTo: findingRegions(r).map(nameOf),
  };
}
