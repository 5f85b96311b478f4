import Database from 'better-sqlite3';

/** Row counts of every table, to show that a killed write left the store exactly as it was before. */
export function rowCounts(dbPath: string): Record<string, number> {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]),
    );
  } finally {
    db.close();
  }
}

export function contractNumbers(dbPath: string): string[] {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    return db.prepare('SELECT contract_no FROM deals ORDER BY contract_no').pluck().all() as string[];
  } finally {
    db.close();
  }
}
