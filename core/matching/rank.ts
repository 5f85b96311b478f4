import type { EnterpriseMatch, MatchReason, NeedRow, PatentMatch, SupplyRow } from '../../shared/contract/matching';
import { refuse } from '../filings/checks';
import { inJsonList } from '../province/store/provinceDb';
import { select, type ReadPlan, type SqlDialect } from '../store/readPlan';
import { NEED_COLUMNS, readNeed, toNeedRow } from './needs';
import { scoreMatch, type MatchFeatures } from './score';
import { terms } from './segment';
import { readSupply, supplyColumns, toSupplyRow } from './supply';
import type { TermSide } from './terms';
import { anyOfferedPatentHolds, textHits, wordWeights, type TextHit } from './textHits';

/**
 * One direction of matching: the record a ranking is for (`From`), the records ranked against it (`To`), and how
 * the two fill the score's features. The ranking itself (text hits, word weights, score, order) is the same both ways.
 */
interface Direction<From, To, Row> {
  /** The record the ranking is for, or null. */
  read(id: string, dialect: SqlDialect): ReadPlan<From | null>;
  missing: [field: string, message: string];
  /** The text whose words are looked for among the candidates. */
  text(from: From): string;
  /** The candidates' side of the text index, their columns, and what keeps a candidate (by id, a JSON list). */
  side: TermSide;
  candidates(dialect: SqlDialect): string;
  toRow(row: Row): To;
  features(from: From, to: To): Omit<MatchFeatures, 'bm25' | 'bestBm25' | 'coverage' | 'sharedKeywords'>;
}

/** The words a need is matched on. */
const needText = (need: Pick<NeedRow, 'keywords' | 'needText'>) => `${need.keywords} ${need.needText}`;

/** A need's candidate patents: the pool's patents still offered (在库, 对接中). */
const PATENTS_FOR_NEED: Direction<NeedRow, SupplyRow, Parameters<typeof toSupplyRow>[0]> = {
  read: (id) => readNeed(id),
  missing: ['needId', '找不到该技术需求，可能已作废'],
  text: (need) => needText(need),
  side: 'supply',
  candidates: (
    dialect,
  ) => `SELECT ${supplyColumns(dialect)} FROM supply_patents s JOIN organizations o ON o.id = s.owner_id
      WHERE s.id ${inJsonList(dialect)} AND s.voided_at IS NULL AND s.status IN ('在库', '对接中')`,
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
  side: 'need',
  candidates: (dialect) =>
    `SELECT ${NEED_COLUMNS} FROM tech_needs n JOIN organizations o ON o.id = n.enterprise_id
      WHERE n.id ${inJsonList(dialect)} AND n.voided_at IS NULL`,
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

/** The share of the query's weight that a candidate's words cover. */
function coverage(weights: Map<string, number>, hit: TextHit): number {
  let total = 0;
  let covered = 0;
  const held = new Set(`${hit.kw} ${hit.body}`.split(' '));
  for (const [word, weight] of weights) {
    total += weight;
    if (held.has(word)) covered += weight;
  }
  return total > 0 ? covered / total : 0;
}

/**
 * Every candidate of `id` in `direction` with its score and reasons, best first (equal scores by bm25, then id): the
 * text hits, the candidates among them that are still offered, and the score of each.
 */
function* rank<From, To extends { id: string }, Row>(
  direction: Direction<From, To, Row>,
  id: string,
  dialect: SqlDialect,
): ReadPlan<{ from: From; ranked: { to: To; score: number; reasons: MatchReason[] }[] }> {
  const from = yield* direction.read(id, dialect);
  if (!from) throw refuse(...direction.missing);
  const words = terms(direction.text(from));
  if (words.length === 0) return { from, ranked: [] };
  const hits = yield* textHits(dialect, direction.side, words);
  const rows = yield* select<Row>(direction.candidates(dialect), [JSON.stringify(hits.map((h) => h.id))]);
  const candidates = new Map(rows.map((r) => direction.toRow(r)).map((to) => [to.id, to]));
  const kept = hits.filter((hit) => candidates.has(hit.id));
  // Text similarity is relative to the best candidate kept.
  const best = kept[0]?.bm25 ?? 0;
  const weights = yield* wordWeights(dialect, direction.side, words);
  const ranked = kept.map((hit) => {
    const to = candidates.get(hit.id)!;
    const scored = scoreMatch({
      bm25: hit.bm25,
      bestBm25: best,
      coverage: coverage(weights, hit),
      sharedKeywords: shared(words, hit.kw),
      ...direction.features(from, to),
    });
    return { to, ...scored };
  });
  return { from, ranked: ranked.sort((a, b) => b.score - a.score) };
}

/**
 * Whether matching finds any candidate for the need: a pooled patent still offered that holds one of its words. The
 * ranking's own index and filter, without scoring (the province counts the needs its pool answers).
 */
export function answersNeed(need: Pick<NeedRow, 'keywords' | 'needText'>, dialect: SqlDialect): ReadPlan<boolean> {
  return anyOfferedPatentHolds(dialect, terms(needText(need)));
}

/** A need's candidate patents, best first, from the pool's patents still offered (在库, 对接中). */
export function* matchesForNeed(
  needId: string,
  limit: number,
  dialect: SqlDialect = 'sqlite',
): ReadPlan<{ need: NeedRow; matches: PatentMatch[] }> {
  const { from, ranked } = yield* rank(PATENTS_FOR_NEED, needId, dialect);
  return {
    need: from,
    matches: ranked.slice(0, limit).map(({ to, score, reasons }) => ({ supply: to, score, reasons })),
  };
}

/** A patent's likely licensees: the enterprises whose needs match it best, one line per enterprise (its best need). */
export function* enterprisesForSupply(
  supplyId: string,
  limit: number,
  dialect: SqlDialect = 'sqlite',
): ReadPlan<{ supply: SupplyRow; matches: EnterpriseMatch[] }> {
  const { from, ranked } = yield* rank(NEEDS_FOR_PATENT, supplyId, dialect);
  const perEnterprise = new Map<string, EnterpriseMatch>();
  for (const { to, score, reasons } of ranked)
    if (!perEnterprise.has(to.enterpriseId)) perEnterprise.set(to.enterpriseId, { need: to, score, reasons });
  return { supply: from, matches: [...perEnterprise.values()].slice(0, limit) };
}
