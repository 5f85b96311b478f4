import type { PartyView } from '../../../shared/contract/filings/parties';
import type { ReadHandle } from '../../store/store';
import { type OrganizationRow, toPartyView } from '../parties';
import { organizationMatches } from './search';

/** Search-as-you-type over party names (Chinese substring) and USCC; exact USCC and name prefixes first. */
export function searchParties(db: ReadHandle, query: string, limit = 20): PartyView[] {
  const text = query.trim();
  if (text === '') return [];
  const match = organizationMatches(text, 'sqlite');
  const rows = db
    .prepare(
      `SELECT * FROM organizations WHERE voided_at IS NULL AND id IN (${match.sql})
       ORDER BY (uscc = ?) DESC, (name >= ? AND name < ?) DESC, length(name), name LIMIT ?`,
    )
    .all(...match.params, text.toUpperCase(), text, `${text}\u{10FFFF}`, limit) as OrganizationRow[];
  return rows.map(toPartyView);
}
