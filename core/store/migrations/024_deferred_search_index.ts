// The trigram search indexes (migration 1) were kept row by row: an import of 100,000 rows tokenized each new patent,
// party and product into its FTS5 table between the rows' other writes, a large share of the write. Such a writer
// may now defer them, as it defers the indicator facts (migration 13): while search_deferral holds its row, an
// inserted row is only noted in search_dirty, and an updated row has its old entry taken out of the index at once
// (an external-content FTS5 table needs the old values for that) and is noted too; removing the row adds every noted
// row's current values to its index in one INSERT … SELECT per table. The row only ever exists inside the writer's
// transaction, and a rollback takes the notes with it. Every other write keeps the index up to date at once.
//
// This file is frozen once released: the SQL is spelled out here.

const NOT_DEFERRED = 'NOT EXISTS (SELECT 1 FROM search_deferral)';
const DEFERRED = 'EXISTS (SELECT 1 FROM search_deferral)';

interface Indexed {
  /** The content table, the FTS5 table and its columns (as the content table's values to index). */
  table: string;
  fts: string;
  columns: string[];
  values: (row: string) => string[];
  /** The columns whose update changes the index. */
  updateOf: string;
}

const INDEXED: Indexed[] = [
  {
    table: 'organizations',
    fts: 'organizations_fts',
    columns: ['name', 'uscc'],
    values: (r) => [`${r}.name`, `coalesce(${r}.uscc, '')`],
    updateOf: 'name, uscc',
  },
  {
    table: 'patents',
    fts: 'patents_fts',
    columns: ['number', 'title'],
    values: (r) => [`${r}.number`, `${r}.title`],
    updateOf: 'title',
  },
  {
    table: 'product_registrations',
    fts: 'products_fts',
    columns: ['product_name'],
    values: (r) => [`${r}.product_name`],
    updateOf: 'product_name',
  },
];

const noted = (t: Indexed, rowid: string) =>
  `EXISTS (SELECT 1 FROM search_dirty WHERE source = '${t.table}' AND row_id = ${rowid})`;

/** Migration 1's two triggers, now only outside a deferral, and their twins that note the row inside one. */
const deferrable = (t: Indexed) => {
  const cols = t.columns.join(', ');
  const insert = (r: string) => `INSERT INTO ${t.fts}(rowid, ${cols}) VALUES (${r}.rowid, ${t.values(r).join(', ')});`;
  const remove = `INSERT INTO ${t.fts}(${t.fts}, rowid, ${cols}) VALUES ('delete', old.rowid, ${t.values('old').join(', ')});`;
  const note = (r: string) =>
    `INSERT INTO search_dirty (source, row_id) SELECT '${t.table}', ${r}.rowid WHERE NOT ${noted(t, `${r}.rowid`)};`;
  return `
DROP TRIGGER ${t.fts}_ai;
CREATE TRIGGER ${t.fts}_ai AFTER INSERT ON ${t.table} WHEN ${NOT_DEFERRED} BEGIN
  ${insert('new')}
END;
CREATE TRIGGER ${t.fts}_ai_deferred AFTER INSERT ON ${t.table} WHEN ${DEFERRED} BEGIN
  ${note('new')}
END;
DROP TRIGGER ${t.fts}_au;
CREATE TRIGGER ${t.fts}_au AFTER UPDATE OF ${t.updateOf} ON ${t.table} WHEN ${NOT_DEFERRED} BEGIN
  ${remove}
  ${insert('new')}
END;
CREATE TRIGGER ${t.fts}_au_deferred AFTER UPDATE OF ${t.updateOf} ON ${t.table} WHEN ${DEFERRED} AND NOT ${noted(t, 'old.rowid')} BEGIN
  ${remove}
  ${note('old')}
END;`;
};

const flush = (t: Indexed) => `
  INSERT INTO ${t.fts}(rowid, ${t.columns.join(', ')})
    SELECT r.rowid, ${t.values('r').join(', ')} FROM search_dirty d JOIN ${t.table} r ON r.rowid = d.row_id
    WHERE d.source = '${t.table}' ORDER BY r.rowid;`;

export const sql = /* sql */ `
CREATE TABLE search_deferral (id INTEGER PRIMARY KEY CHECK (id = 1)) STRICT;
CREATE TABLE search_dirty (source TEXT NOT NULL, row_id INTEGER NOT NULL, PRIMARY KEY (source, row_id)) STRICT, WITHOUT ROWID;
${INDEXED.map(deferrable).join('\n')}

CREATE TRIGGER search_index_flush AFTER DELETE ON search_deferral FOR EACH ROW BEGIN${INDEXED.map(flush).join('')}
  DELETE FROM search_dirty;
END;
`;
