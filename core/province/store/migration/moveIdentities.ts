import type Database from 'better-sqlite3';
import type { ProvinceTx } from '../provinceDb';
import { quoted } from './copyTable';
import { autoincrementHighWater } from './sqliteSource';

/**
 * Moves each identity sequence of the copied tables (province_feedback.cursor, audit_log.seq) past the highest value
 * the SQLite store ever gave: the copied rows kept their values, and the sequences, untouched by those INSERTs, would
 * otherwise hand out 1 again. Past SQLite's AUTOINCREMENT high-water mark too, not only the highest row left: a city
 * that has read feedback up to a deleted cursor must still see every later row.
 *
 * setval is not rolled back with the transaction, so the caller runs this last, once the copy has been verified.
 */
export async function moveIdentities(
  source: Database.Database,
  tx: ProvinceTx,
  tables: readonly string[],
): Promise<void> {
  const identities = await tx.all<{ table: string; column: string }>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
     WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name`,
  );
  for (const { table, column } of identities.filter((i) => tables.includes(i.table))) {
    const copied = (await tx.get<{ top: number | null }>(`SELECT max(${quoted(column)}) AS top FROM ${quoted(table)}`))!
      .top;
    const top = Math.max(copied ?? 0, autoincrementHighWater(source, table));
    // setval(…, 1, false): nothing used yet, the next value is 1.
    await tx.get(`SELECT setval(pg_get_serial_sequence(?, ?), ?, ${top > 0 ? 'true' : 'false'})`, [
      table,
      column,
      Math.max(top, 1),
    ]);
  }
}
