import type { ReadHandle } from '../store/store';
import { partyKey } from './sql';
import { statement } from '../store/statements';

/** The organizations that carry one of the pairs' party keys (USCC, else normalized name), through their indexes. */
const idsOfKeys = (side: 'ak' | 'bk') => `
  SELECT o.id FROM organizations o WHERE o.uscc IN (SELECT ${side} FROM pairs)
  UNION SELECT o.id FROM organizations o WHERE o.uscc IS NULL AND o.name_norm IN (SELECT substr(${side}, 3) FROM pairs WHERE ${side} LIKE 'N:%')`;

/**
 * Ids of the live deals between the same assignor and the same assignee (compared by USCC, else normalized name)
 * as any of the given deals, the given deals included. Organizations are found through their indexes, so this
 * stays cheap on a store of a million deals.
 */
export function dealsOfSameParties(db: ReadHandle, dealIds: readonly string[]): string[] {
  if (dealIds.length === 0) return [];
  const rows = statement(
    db,
    `WITH pairs AS (
         SELECT DISTINCT ${partyKey('a')} AS ak, ${partyKey('b')} AS bk
         FROM deals d JOIN organizations a ON a.id = d.assignor_id JOIN organizations b ON b.id = d.assignee_id
         WHERE d.id IN (SELECT value FROM json_each(@dealIds))
       ),
       assignors AS (${idsOfKeys('ak')}),
       assignees AS (${idsOfKeys('bk')})
       SELECT d.id FROM assignors x JOIN assignees y
       JOIN deals d ON d.assignor_id = x.id AND d.assignee_id = y.id
       JOIN organizations a ON a.id = d.assignor_id JOIN organizations b ON b.id = d.assignee_id
       WHERE d.voided_at IS NULL AND EXISTS (SELECT 1 FROM pairs p WHERE p.ak = ${partyKey('a')} AND p.bk = ${partyKey('b')})`,
  ).all({ dealIds: JSON.stringify(dealIds) }) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Ids of the live deals that name any patent of the given deals, the given deals included. */
export function dealsSharingPatentsWith(db: ReadHandle, dealIds: readonly string[]): string[] {
  if (dealIds.length === 0) return [];
  const rows = statement(
    db,
    `SELECT DISTINCT other.deal_id AS id FROM deal_patents mine
       JOIN deal_patents other ON other.patent_number = mine.patent_number
       WHERE mine.deal_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(dealIds)) as { id: string }[];
  return rows.map((r) => r.id);
}
