import type { RuleThresholds } from '../../shared/rules/thresholds';
import { JSON_LIST, type ProvinceSql } from '../province/store/provinceDb';
import { statement } from '../store/statements';
import { dealDate, partyKey } from './sql';
import type { FlagCandidate, RuleModule, RuleRun } from './types';

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

// Aliases quoted: PostgreSQL folds unquoted names to lower case.
const leg = (d: string, or: string, ee: string, p: string) => `
  ${d}.id AS "${p}id", ${d}.contract_no AS "${p}contractNo", ${d}.region_code AS "${p}regionCode", ${d}.kind AS "${p}kind",
  ${d}.contract_date AS "${p}contractDate", ${d}.recordation_date AS "${p}recordationDate", ${dealDate(d)} AS "${p}date",
  ${partyKey(or)} AS "${p}assignorKey", ${partyKey(ee)} AS "${p}assigneeKey", ${or}.name AS "${p}assignorName",
  ${ee}.name AS "${p}assigneeName", (SELECT count(*) FROM deal_patents c WHERE c.deal_id = ${d}.id) AS "${p}patentCount"`;

/** Where the two dialects differ in the pairs query: listing a group's patents, and reading the JSON list of deals. */
const CONCAT = {
  sqlite: "group_concat(pa.patent_number, ',')",
  postgres: "string_agg(pa.patent_number, ',')",
} as const;

/**
 * The pairs of live deals that name a common patent: of the whole store, or (scoped) those involving one of the deals
 * in the JSON list bound as the one parameter. Written once for the city's SQLite and the province's two backends.
 */
export function pairsSharingPatentsSql(dialect: keyof typeof CONCAT, scoped: boolean): string {
  const concat = CONCAT[dialect];
  // A full scan first keeps only patents named by more than one deal, which a covering index answers alone.
  const patents = scoped
    ? 'SELECT DISTINCT patent_number FROM deal_patents WHERE deal_id IN (SELECT id FROM scope)'
    : 'SELECT patent_number FROM deal_patents GROUP BY patent_number HAVING count(*) > 1';
  return `WITH ${scoped ? `scope AS (SELECT value AS id FROM (${JSON_LIST[dialect]}) list),` : ''}
     shared AS (
       SELECT pa.deal_id AS a_id, pb.deal_id AS b_id, ${concat} AS patents
       FROM (${patents}) m
       JOIN deal_patents pa ON pa.patent_number = m.patent_number
       JOIN deal_patents pb ON pb.patent_number = m.patent_number AND pb.deal_id > pa.deal_id
       GROUP BY pa.deal_id, pb.deal_id
     )
     SELECT s.patents, ${leg('da', 'ora', 'eea', 'a_')}, ${leg('db', 'orb', 'eeb', 'b_')}
     FROM shared s
     JOIN deals da ON da.id = s.a_id JOIN deals db ON db.id = s.b_id
     JOIN organizations ora ON ora.id = da.assignor_id JOIN organizations eea ON eea.id = da.assignee_id
     JOIN organizations orb ON orb.id = db.assignor_id JOIN organizations eeb ON eeb.id = db.assignee_id
     WHERE da.voided_at IS NULL AND db.voided_at IS NULL
       ${scoped ? 'AND (da.id IN (SELECT id FROM scope) OR db.id IN (SELECT id FROM scope))' : ''}`;
}

/**
 * Every pair of live deals that name a common patent, of the given kinds (R01, R02, R10 all start here and share
 * the pairs within a scan).
 */
export function dealsSharingPatents(run: RuleRun, kinds: readonly string[] | null): DealPair[] {
  let pairs = run.shared.get('dealsSharingPatents') as DealPair[] | undefined;
  if (!pairs) {
    const { dealIds } = run;
    const rows = statement(run.db, pairsSharingPatentsSql('sqlite', dealIds !== null)).all(
      ...(dealIds === null ? [] : [JSON.stringify(dealIds)]),
    ) as Record<string, unknown>[];
    run.shared.set('dealsSharingPatents', (pairs = pairsFromRows(rows)));
  }
  return ofKinds(pairs, kinds);
}

/** The same pairs on the province's store, either backend: those involving one of `dealIds`. */
export async function provinceDealsSharingPatents(sql: ProvinceSql, dealIds: readonly string[]): Promise<DealPair[]> {
  const rows = await sql.all<Record<string, unknown>>(pairsSharingPatentsSql(sql.dialect, true), [
    JSON.stringify(dealIds),
  ]);
  return pairsFromRows(rows);
}

// Kinds are filtered here, not in SQL, where the planner would drive the join from the kind index.
const ofKinds = (pairs: DealPair[], kinds: readonly string[] | null) =>
  pairs.filter((pair) => kinds === null || (kinds.includes(pair.a.kind) && kinds.includes(pair.b.kind)));

const pairsFromRows = (rows: Record<string, unknown>[]): DealPair[] =>
  rows.map((r) => ({ a: pick(r, 'a_'), b: pick(r, 'b_'), sharedPatents: String(r.patents).split(',').sort() }));

/** A rule read off the pairs of deals that name a common patent: R01, R02, R10. */
export interface PairRule extends RuleModule {
  /** What it finds among pairs (of any kinds: it keeps the kinds it is about). */
  fromPairs(pairs: DealPair[], thresholds: RuleThresholds): FlagCandidate[];
}

export function pairRule(
  id: RuleModule['id'],
  kinds: readonly string[] | null,
  find: (pair: DealPair, thresholds: RuleThresholds) => FlagCandidate[],
): PairRule {
  const fromPairs = (pairs: DealPair[], thresholds: RuleThresholds) =>
    ofKinds(pairs, kinds).flatMap((pair) => find(pair, thresholds));
  return { id, fromPairs, run: (run) => fromPairs(dealsSharingPatents(run, null), run.thresholds) };
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
