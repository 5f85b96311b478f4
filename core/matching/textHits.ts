import { inJsonList } from '../province/store/provinceDb';
import { select, type ReadPlan, type SqlDialect } from '../store/readPlan';
import { anyOf } from './segment';
import { TERM_TABLES, unicode61Tokens, type TermSide } from './terms';

/** How many text hits are scored in full; the other parts of the score can lift a candidate only this far. */
export const TEXT_HITS = 200;

/** A candidate record that holds some of the query's words: its bm25 (lower is better) and its indexed words. */
export interface TextHit {
  id: string;
  bm25: number;
  kw: string;
  body: string;
}

const FTS_TABLE: Record<TermSide, { fts: string; records: string }> = {
  supply: { fts: 'supply_fts', records: 'supply_patents' },
  need: { fts: 'need_fts', records: 'tech_needs' },
};

/**
 * The key a query word is found under in the PostgreSQL index: its one unicode61 token, or the word itself when it
 * is several (a phrase to FTS5; see terms.ts).
 */
function keyOf(word: string): string {
  const tokens = unicode61Tokens(word);
  return tokens.length === 1 ? tokens[0]! : word;
}

/*
 * FTS5's bm25 (fts5_aux.c) as PostgreSQL computes it from the index's postings, with the same operations in the same
 * order on the same doubles: per query word (a phrase, in the query's order) idf = ln((N − n + ½) / (n + ½)), at
 * least 1e-6; the word's frequency f = 3 × its hits among the keywords + its hits in the text (the columns' weights);
 * the row's size D in tokens against the average; score = −Σ idf · f(k1 + 1) / (f + k1(1 − b + b·D / avgdl)).
 */
const POSTGRES_BM25 = (side: TermSide) => {
  const { docs, postings } = TERM_TABLES[side];
  return `WITH words AS (SELECT value AS term, ordinality AS ord FROM json_array_elements_text(CAST(? AS json)) WITH ORDINALITY),
  stats AS (SELECT CAST(count(*) AS float8) AS n, CAST(sum(tokens) AS float8) / CAST(nullif(count(*), 0) AS float8) AS avgdl
              FROM ${docs}),
  idf AS (SELECT w.term, w.ord, ln((stats.n - CAST(count(p.doc_id) AS float8) + 0.5::float8) / (CAST(count(p.doc_id) AS float8) + 0.5::float8)) AS raw
            FROM words w CROSS JOIN stats LEFT JOIN ${postings} p ON p.term = w.term GROUP BY w.term, w.ord, stats.n),
  scored AS (
    SELECT p.doc_id,
           -sum(CASE WHEN idf.raw <= 0 THEN 1e-6::float8 ELSE idf.raw END
                * ((CAST(3 * p.keyword_hits + p.body_hits AS float8) * (1.2::float8 + 1.0::float8))
                   / (CAST(3 * p.keyword_hits + p.body_hits AS float8)
                      + 1.2::float8 * (1::float8 - 0.75::float8 + 0.75::float8 * CAST(d.tokens AS float8) / stats.avgdl)))
                ORDER BY idf.ord) AS bm25
      FROM idf JOIN ${postings} p ON p.term = idf.term JOIN ${docs} d ON d.doc_id = p.doc_id CROSS JOIN stats
     GROUP BY p.doc_id)
  SELECT s.doc_id AS id, s.bm25, d.keywords AS kw, d.body FROM scored s JOIN ${docs} d ON d.doc_id = s.doc_id
   ORDER BY s.bm25, s.doc_id LIMIT ${TEXT_HITS}`;
};

/** The best TEXT_HITS records of `side` holding any of the words, by bm25 (ties by id), best first. */
export function* textHits(dialect: SqlDialect, side: TermSide, words: readonly string[]): ReadPlan<TextHit[]> {
  if (dialect === 'postgres')
    return yield* select<TextHit>(POSTGRES_BM25(side), [JSON.stringify([...new Set(words.map(keyOf))])]);
  const query = anyOf(words);
  if (!query) return [];
  const { fts, records } = FTS_TABLE[side];
  return yield* select<TextHit>(
    `WITH hits AS (SELECT rowid, bm25(${fts}, 3.0, 1.0) AS bm25, keywords AS kw, body FROM ${fts}
                   WHERE ${fts} MATCH ? ORDER BY bm25 LIMIT ${TEXT_HITS})
     SELECT r.id, hits.bm25, hits.kw, hits.body FROM hits JOIN ${records} r ON r.rowid = hits.rowid
      ORDER BY hits.bm25, r.id`,
    [query],
  );
}

/**
 * Each query word's weight, its inverse document frequency among the indexed records (SQLite: fts5vocab's rows per
 * token): a word every record has says little, a rare one much. Words no record holds (or, as in fts5vocab, that are
 * several tokens) weigh nothing.
 */
export function* wordWeights(
  dialect: SqlDialect,
  side: TermSide,
  words: readonly string[],
): ReadPlan<Map<string, number>> {
  // How many records hold each word, and how many records there are.
  const df = new Map<string, number>();
  let docs: number;
  if (dialect === 'postgres') {
    const { docs: table, postings } = TERM_TABLES[side];
    const rows = yield* select<{ term: string; docs: number; df: number }>(
      `SELECT p.term, (SELECT count(*) FROM ${table}) AS docs, count(*) AS df
         FROM ${postings} p WHERE p.term ${inJsonList(dialect)} GROUP BY p.term`,
      // fts5vocab lists tokens: a word that is not one token as it stands has no row there.
      [JSON.stringify(words.filter((w) => unicode61Tokens(w).join(' ') === w))],
    );
    for (const r of rows) df.set(r.term, r.df);
    docs = rows[0]?.docs ?? 0;
  } else {
    const { fts } = FTS_TABLE[side];
    [{ docs } = { docs: 0 }] = yield* select<{ docs: number }>(`SELECT count(*) AS docs FROM ${fts}_docsize`);
    for (const w of words) {
      const [found] = yield* select<{ df: number }>(`SELECT doc AS df FROM ${fts}_vocab WHERE term = ?`, [w]);
      if (found) df.set(w, found.df);
    }
  }
  // In the query's order: the coverage sums the weights in it.
  const weights = new Map<string, number>();
  for (const w of words) {
    const n = df.get(w);
    if (n) weights.set(w, Math.log(1 + docs / n));
  }
  return weights;
}

/** Whether a pooled patent still offered (在库, 对接中) holds any of the words: the ranking's index, without scoring. */
export function* anyOfferedPatentHolds(dialect: SqlDialect, words: readonly string[]): ReadPlan<boolean> {
  if (words.length === 0) return false;
  const offered = "s.voided_at IS NULL AND s.status IN ('在库', '对接中')";
  const found =
    dialect === 'postgres'
      ? yield* select(
          `SELECT 1 AS found FROM supply_postings p JOIN supply_patents s ON s.id = p.doc_id
            WHERE p.term ${inJsonList(dialect)} AND ${offered} LIMIT 1`,
          [JSON.stringify(words.map(keyOf))],
        )
      : yield* select(
          `WITH hits AS (SELECT rowid FROM supply_fts WHERE supply_fts MATCH ?)
           SELECT 1 AS found FROM hits JOIN supply_patents s ON s.rowid = hits.rowid WHERE ${offered} LIMIT 1`,
          [anyOf(words)],
        );
  return found.length > 0;
}
