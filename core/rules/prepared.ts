import type { Statement } from 'better-sqlite3';
import type { ReadHandle } from '../store/store';

// Compiling the rules' SQL costs more than running it for one deal: a save's check reuses the statements compiled
// by the previous one on the same connection.
const statements = new WeakMap<object, Map<string, Statement>>();

export function prepared(db: ReadHandle, sql: string): Statement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) byText.set(sql, (statement = db.prepare(sql)));
  return statement;
}
