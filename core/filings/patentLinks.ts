import type { Writer } from '../service/context';
import type { ReadHandle } from '../store/store';
import { statement } from '../store/statements';

/** The tables that link a record to its patents; deals keep the order the contract lists them in. */
export const PATENT_LINKS = {
  deal: { table: 'deal_patents', owner: 'deal_id', order: 'position' },
  pledge: { table: 'pledge_patents', owner: 'pledge_id', order: 'rowid' },
  registration: { table: 'registration_patents', owner: 'registration_id', order: 'rowid' },
} as const;
export type PatentOwner = keyof typeof PATENT_LINKS;

export function linkedPatentNumbers(db: ReadHandle, owner: PatentOwner, id: string): string[] {
  const link = PATENT_LINKS[owner];
  const order = owner === 'deal' ? link.order : 'patent_number';
  return statement(
    db,
    `SELECT patent_number FROM ${link.table} WHERE ${link.owner} = ? ORDER BY ${order}`,
    'pluck',
  ).all(id) as string[];
}

/** Replaces the links when the list differs; returns the change for the audit detail, or undefined. */
export function relinkPatents(w: Writer, owner: PatentOwner, id: string, patents: string[], isNew: boolean) {
  const stored = isNew ? [] : linkedPatentNumbers(w.db, owner, id);
  const wanted = owner === 'deal' ? patents : [...patents].sort();
  if (stored.join(',') === wanted.join(',')) return undefined;
  return {
    change: { patents: { from: stored, to: patents } },
    apply: () => {
      const link = PATENT_LINKS[owner];
      // A new record's id has no links yet: nothing to remove.
      if (!isNew) statement(w.db, `DELETE FROM ${link.table} WHERE ${link.owner} = ?`).run(id);
      const insert =
        owner === 'deal'
          ? statement(w.db, 'INSERT INTO deal_patents (deal_id, patent_number, position) VALUES (?, ?, ?)')
          : statement(w.db, `INSERT INTO ${link.table} (${link.owner}, patent_number) VALUES (?, ?)`);
      patents.forEach((number, position) =>
        owner === 'deal' ? insert.run(id, number, position) : insert.run(id, number),
      );
    },
  };
}
