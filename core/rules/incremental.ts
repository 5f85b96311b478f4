import { RULE_IDS } from '../../shared/rules/ruleIds';
import { todayIso } from '../../shared/domain/dates';
import type { Writer } from '../service/context';
import { scanRules } from './engine';
import { persistFlags, type PersistSummary } from './persistFlags';
import { dealsOfSameParties, dealsSharingPatentsWith } from './sameParties';

/**
 * Checks deals right after they were saved or imported, inside the caller's transaction, so that a deal is never
 * stored without its flags. The deals they relate to — the same patents, the same assignor and assignee — are
 * checked with them, since a new deal can turn an older one into a repeat, a round trip, a duplicate or a bulk.
 * The scan day is the day of the transaction.
 */
export function checkDealsAfterWrite(w: Writer, dealIds: readonly string[]): PersistSummary {
  const touched = [...new Set(dealIds)];
  if (touched.length === 0) return { created: 0, reactivated: 0, refreshed: 0, deactivated: 0 };
  const related = [
    ...new Set([...touched, ...dealsSharingPatentsWith(w.db, touched), ...dealsOfSameParties(w.db, touched)]),
  ];
  const asOf = todayIso(new Date(w.at));
  const candidates = scanRules(w.db, { asOf, dealIds: related });
  return persistFlags(w, candidates, { source: '本地', scope: { ruleIds: RULE_IDS, dealIds: related } });
}
