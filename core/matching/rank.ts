import type { EnterpriseMatch, MatchReason, NeedRow, PatentMatch, SupplyRow } from '../../shared/contract/matching';
import { refuse } from '../filings/checks';
import type { ReadHandle } from '../store/store';
import { statement } from '../store/statements';
import { NEED_COLUMNS, readNeed, toNeedRow } from './needs';
import { scoreMatch, type MatchFeatures } from './score';
import { anyOf, terms } from './segment';
import { readSupply, SUPPLY_COLUMNS, toSupplyRow } from './supply';

/** How many text hits are scored in full; the other parts of the score can lift a candidate only this far. */
const TEXT_HITS = 200;

interface Hit {
  bm25: number;
  kw: string;
  body: string;
}

/**
 * One direction of matching: the record a ranking is for (`From`), the records ranked against it (`To`), and how
 * the two fill the score's features. The ranking itself (text hits, word weights, score, order) is the same both ways.
 */
interface Direction<From, To, Row> {
  /** The record the ranking is for, or a refusal naming the input field. */
  read(db: ReadHandle, id: string): From | null;
  missing: [field: string, message: string];
  /** The text whose words are looked for among the candidates. */
  text(from: From): string;
  /** The candidates' FTS table, their columns, and their joins onto the text hits (`hits`) with what keeps one. */
  fts: 'supply_fts' | 'need_fts';
  columns: string;
  joins: string;
  toRow(row: Row): To;
  features(from: From, to: To): Omit<MatchFeatures, 'bm25' | 'bestBm25' | 'coverage' | 'sharedKeywords'>;
}

/** A need's candidate patents: the pool's patents still offered (在库, 对接中). */
const PATENTS_FOR_NEED: Direction<NeedRow, SupplyRow, Parameters<typeof toSupplyRow>[0]> = {
  read: readNeed,
  missing: ['needId', '找不到该技术需求，可能已作废'],
  text: (need) => `${need.keywords} ${need.needText}`,
  fts: 'supply_fts',
  columns: SUPPLY_COLUMNS,
  joins: `JOIN supply_patents s ON s.rowid = hits.rowid JOIN organizations o ON o.id = s.owner_id
      WHERE s.voided_at IS NULL AND s.status IN ('在库', '对接中')`,
  toRow: toSupplyRow,
  features: (need, supply) => ({
    needIndustry: need.industry,
    supplyIndustry: supply.industry,
    ipcClass: supply.ipcClass,
    needCity: need.enterpriseRegion,
    supplyCity: supply.ownerRegion,
  }),
};

/** A patent's candidate needs, the enterprise's size counting (SMEs first, per the plan). */
const NEEDS_FOR_PATENT: Direction<SupplyRow, NeedRow, Parameters<typeof toNeedRow>[0]> = {
  read: readSupply,
  missing: ['supplyId', '找不到该供给专利，可能已作废'],
  text: (supply) => `${supply.keywords} ${supply.title} ${supply.abstract}`,
  fts: 'need_fts',
  columns: NEED_COLUMNS,
  joins: `JOIN tech_needs n ON n.rowid = hits.rowid JOIN organizations o ON o.id = n.enterprise_id WHERE n.voided_at IS NULL`,
  toRow: toNeedRow,
  features: (supply, need) => ({
    needIndustry: need.industry,
    supplyIndustry: supply.industry,
    ipcClass: supply.ipcClass,
    needCity: need.enterpriseRegion,
    supplyCity: supply.ownerRegion,
    enterpriseSize: need.enterpriseSize,
  }),
};

const shared = (words: readonly string[], keywordTerms: string) => {
  const kw = new Set(keywordTerms.split(' '));
  return words.filter((w) => kw.has(w));
};

/**
 * Each query word's weight, its inverse document frequency in the records searched (fts5vocab): a word every
 * record has says little, a rare one much. Words no record holds weigh nothing.
 */
function wordWeights(db: ReadHandle, table: 'supply_fts' | 'need_fts', words: readonly string[]): Map<string, number> {
  const docs = statement(db, `SELECT count(*) FROM ${table}_docsize`, 'pluck').get() as number;
  const weights = new Map<string, number>();
  const df = statement(db, `SELECT doc FROM ${table}_vocab WHERE term = ?`, 'pluck');
  for (const w of words) {
    const n = df.get(w) as number | undefined;
    if (n) weights.set(w, Math.log(1 + docs / n));
  }
  return weights;
}

/** The share of the query's weight that a candidate's words cover. */
function coverage(weights: Map<string, number>, hit: Hit): number {
  let total = 0;
  let covered = 0;
  const held = new Set(`${hit.kw} ${hit.body}`.split(' '));
  for (const [word, weight] of weights) {
    total += weight;
    if (held.has(word)) covered += weight;
  }
  return total > 0 ? covered / total : 0;
}

/** Every candidate of `id` in `direction` with its score and reasons, best first. */
function rank<From, To, Row>(
  db: ReadHandle,
  direction: Direction<From, To, Row>,
  id: string,
): { from: From; ranked: { to: To; score: number; reasons: MatchReason[] }[] } {
  const from = direction.read(db, id);
  if (!from) throw refuse(...direction.missing);
  const words = terms(direction.text(from));
  const query = anyOf(words);
  if (!query) return { from, ranked: [] };
  const { fts } = direction;
  const rows = statement(
    db,
    `WITH hits AS (SELECT rowid, bm25(${fts}, 3.0, 1.0) AS bm25, keywords AS kw, body FROM ${fts}
                   WHERE ${fts} MATCH ? ORDER BY bm25 LIMIT ${TEXT_HITS})
     SELECT ${direction.columns}, hits.bm25, hits.kw, hits.body FROM hits ${direction.joins} ORDER BY hits.bm25`,
  ).all(query) as (Row & Hit)[];
  const best = rows[0]?.bm25 ?? 0;
  const weights = wordWeights(db, fts, words);
  const ranked = rows.map((r) => {
    const to = direction.toRow(r);
    const scored = scoreMatch({
      bm25: r.bm25,
      bestBm25: best,
      coverage: coverage(weights, r),
      sharedKeywords: shared(words, r.kw),
      ...direction.features(from, to),
    });
    return { to, ...scored };
  });
  return { from, ranked: ranked.sort((a, b) => b.score - a.score) };
}

/**
 * Whether matching finds any candidate for the need: a pooled patent still offered that holds one of its words. The
 * ranking's own query and filter, without scoring (the province counts the needs its pool answers).
 */
export function answersNeed(db: ReadHandle, needId: string): boolean {
  const need = readNeed(db, needId);
  const query = need && anyOf(terms(PATENTS_FOR_NEED.text(need)));
  if (!query) return false;
  return (
    statement(
      db,
      `WITH hits AS (SELECT rowid FROM supply_fts WHERE supply_fts MATCH ?) SELECT 1 FROM hits ${PATENTS_FOR_NEED.joins} LIMIT 1`,
      'pluck',
    ).get(query) !== undefined
  );
}

/** A need's candidate patents, best first, from the pool's patents still offered (在库, 对接中). */
export function matchesForNeed(
  db: ReadHandle,
  needId: string,
  limit: number,
): { need: NeedRow; matches: PatentMatch[] } {
  const { from, ranked } = rank(db, PATENTS_FOR_NEED, needId);
  return {
    need: from,
    matches: ranked.slice(0, limit).map(({ to, score, reasons }) => ({ supply: to, score, reasons })),
  };
}

/** A patent's likely licensees: the enterprises whose needs match it best, one line per enterprise (its best need). */
export function enterprisesForSupply(
  db: ReadHandle,
  supplyId: string,
  limit: number,
): { supply: SupplyRow; matches: EnterpriseMatch[] } {
  const { from, ranked } = rank(db, NEEDS_FOR_PATENT, supplyId);
  const perEnterprise = new Map<string, EnterpriseMatch>();
  for (const { to, score, reasons } of ranked)
    if (!perEnterprise.has(to.enterpriseId)) perEnterprise.set(to.enterpriseId, { need: to, score, reasons });
  return { supply: from, matches: [...perEnterprise.values()].slice(0, limit) };
}
