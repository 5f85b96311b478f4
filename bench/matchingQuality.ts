// `npx tsx bench/matchingQuality.ts [seed] [needs] [pool]`: the precision of matching on the generated labelled set
// (core/matching/testing/labelledSet.ts), for bench/README. The text part alone is measured two ways over the same
// texts — FTS5 over jieba-segmented words (what matching uses) and FTS5's trigram tokenizer over the raw text (what
// the desk's other searches use) — and then the full ranking with its other reasons, through a real store.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { matchesForNeed } from '../core/matching/rank';
import { runPlan } from '../core/store/readPlan';
import { anyOf, terms } from '../core/matching/segment';
import { generateLabelledSet, type LabelledSet } from '../core/matching/testing/labelledSet';
import { loadLabelledSet } from '../core/matching/testing/loadLabelledSet';
import { openStore } from '../core/store/store';

const [seed = 1, needs = 120, pool = 3000] = process.argv.slice(2).map(Number);
const set = generateLabelledSet(seed, needs, pool);
const TOP = 5;

/** The share of needs whose right patent is among the first TOP by bm25 over one FTS5 table. */
function textOnly(
  set: LabelledSet,
  tokenize: string,
  text: (s: string) => string,
  query: (need: string) => string | null,
): number {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(number UNINDEXED, keywords, body, tokenize='${tokenize}')`);
  const insert = db.prepare('INSERT INTO t (number, keywords, body) VALUES (?, ?, ?)');
  for (const p of set.pool) insert.run(p.patentNumber, text(p.keywords ?? ''), text(`${p.title} ${p.abstract ?? ''}`));
  const search = db.prepare(`SELECT number FROM t WHERE t MATCH ? ORDER BY bm25(t, 3.0, 1.0) LIMIT ${TOP}`).pluck();
  let hits = 0;
  for (const { need, rightPatent } of set.needs) {
    const q = query(`${need.keywords ?? ''} ${need.needText}`);
    if (q && (search.all(q) as string[]).includes(rightPatent)) hits++;
  }
  db.close();
  return hits / set.needs.length;
}

/** The need's 3-character pieces, as the trigram tokenizer indexes them; spaces and punctuation end a piece. */
function trigramQuery(text: string): string | null {
  const pieces = new Set<string>();
  for (const run of text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s\p{P}]+/u)) {
    for (let i = 0; i + 3 <= run.length; i++) pieces.add(run.slice(i, i + 3));
  }
  return anyOf([...pieces]);
}

function fullRanking(set: LabelledSet): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matching-quality-'));
  const store = openStore(path.join(dir, 'pool.db'));
  try {
    store.transaction((db) =>
      db
        .prepare("INSERT INTO installation (id, region_code, created_at) VALUES ('q', '140100', ?)")
        .run(new Date().toISOString()),
    );
    const labelled = loadLabelledSet(store, set, { id: null, name: 'quality', role: '管理员' });
    const hits = labelled.filter(({ needId, rightPatent }) =>
      runPlan(store.db, matchesForNeed(needId, TOP)).matches.some((m) => m.supply.patentNumber === rightPatent),
    );
    return hits.length / labelled.length;
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const jieba = textOnly(
  set,
  'unicode61',
  (s) => terms(s).join(' '),
  (need) => anyOf(terms(need)),
);
const trigram = textOnly(set, 'trigram', (s) => s, trigramQuery);
const full = fullRanking(set);
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
console.log(
  `labelled set: seed ${seed}, ${set.needs.length} needs, ${set.pool.length} pooled patents; right patent in the top ${TOP}`,
);
console.log(`| method | top-${TOP} |\n| --- | --- |`);
console.log(`| text only: FTS5 bm25 over jieba-segmented words | ${pct(jieba)} |`);
console.log(`| text only: FTS5 trigram tokenizer over the raw text | ${pct(trigram)} |`);
console.log(`| matching as shipped (jieba text + industry, IPC, keywords, region) | ${pct(full)} |`);
