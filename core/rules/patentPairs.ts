import { dealDate, inScope, partyKey, scopeParams } from './sql';
import type { RuleRun } from './types';
import { statement } from '../store/statements';

/** One side of a pair of deals, with what the pair rules compare. */
export interface PairLeg {
  id: string;
  contractNo: string;
  regionCode: string;
  kind: string;
  contractDate: string;
  recordationDate: string | null;
  date: string;
  assignorKey: string;
  assigneeKey: string;
  assignorName: string;
  assigneeName: string;
  patentCount: number;
}

export interface DealPair {
  a: PairLeg;
  b: PairLeg;
  /** The patents both deals name, sorted. */
  sharedPatents: string[];
}

const leg = (d: string, or: string, ee: string, p: string) => `
  ${d}.id AS ${p}id, ${d}.contract_no AS ${p}contractNo, ${d}.region_code AS ${p}regionCode, ${d}.kind AS ${p}kind,
  ${d}.contract_date AS ${p}contractDate, ${d}.recordation_date AS ${p}recordationDate, ${dealDate(d)} AS ${p}date,
  ${partyKey(or)} AS ${p}assignorKey, ${partyKey(ee)} AS ${p}assigneeKey, ${or}.name AS ${p}assignorName,
  ${ee}.name AS ${p}assigneeName, (SELECT count(*) FROM deal_patents c WHERE c.deal_id = ${d}.id) AS ${p}patentCount`;

/**
 * Every pair of live deals that name a common patent, of the given kinds (R01, R02, R10 all start here and share
 * the pairs within a scan). A full scan first keeps only patents named by more than one deal, which a covering
 * index answers without touching the deals.
 */
export function dealsSharingPatents(run: RuleRun, kinds: readonly string[] | null): DealPair[] {
  let pairs = run.shared.get('dealsSharingPatents') as DealPair[] | undefined;
  if (!pairs) run.shared.set('dealsSharingPatents', (pairs = allPairsSharingPatents(run)));
  return pairs.filter((pair) => kinds === null || (kinds.includes(pair.a.kind) && kinds.includes(pair.b.kind)));
}

function allPairsSharingPatents(run: RuleRun): DealPair[] {
  const { dealIds } = run;
  const patents =
    dealIds === null
      ? `SELECT patent_number FROM deal_patents GROUP BY patent_number HAVING count(*) > 1`
      : `SELECT DISTINCT patent_number FROM deal_patents WHERE ${inScope('deal_id', dealIds)}`;
  const rows = statement(
    run.db,
    `WITH shared AS (
         SELECT pa.deal_id AS aId, pb.deal_id AS bId, group_concat(pa.patent_number, ',') AS patents
         FROM (${patents}) m
         JOIN deal_patents pa ON pa.patent_number = m.patent_number
         JOIN deal_patents pb ON pb.patent_number = m.patent_number AND pb.deal_id > pa.deal_id
         GROUP BY pa.deal_id, pb.deal_id
       )
       SELECT s.patents, ${leg('da', 'ora', 'eea', 'a_')}, ${leg('db', 'orb', 'eeb', 'b_')}
       FROM shared s
       JOIN deals da ON da.id = s.aId JOIN deals db ON db.id = s.bId
       JOIN organizations ora ON ora.id = da.assignor_id JOIN organizations eea ON eea.id = da.assignee_id
       JOIN organizations orb ON orb.id = db.assignor_id JOIN organizations eeb ON eeb.id = db.assignee_id
       WHERE da.voided_at IS NULL AND db.voided_at IS NULL
         AND (${inScope('da.id', dealIds)} OR ${inScope('db.id', dealIds)})`,
  ).all(scopeParams(dealIds)) as Record<string, unknown>[];
  // Kinds are filtered afterwards, not in SQL, where the planner would drive the join from the kind index.
  return rows.map((r) => ({ a: pick(r, 'a_'), b: pick(r, 'b_'), sharedPatents: String(r.patents).split(',').sort() }));
}

function pick(row: Record<string, unknown>, prefix: string): PairLeg {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out as unknown as PairLeg;
}

/** The earlier leg first (by the rules' date, then id), so that "A→B, later B→A" reads in order. */
export function inDateOrder(pair: DealPair): [PairLeg, PairLeg] {
  const { a, b } = pair;
  return a.date < b.date || (a.date === b.date && a.id < b.id) ? [a, b] : [b, a];
}

/** What a reviewer needs to see of one leg. */
export function legEvidence(l: PairLeg) {
  return {
    dealId: l.id,
    contractNo: l.contractNo,
    region: l.regionCode,
    kind: l.kind,
    contractDate: l.contractDate,
    recordationDate: l.recordationDate,
    assignor: l.assignorName,
    assignee: l.assigneeName,
  };
}
