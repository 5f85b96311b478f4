import { RULE_IDS } from '../../shared/rules/ruleIds';
import { todayIso } from '../../shared/domain/dates';
import type { Writer } from '../service/context';
import type { ReadHandle } from '../store/store';
import { collectGarbageBetweenRules } from '../system/garbage';
import { scanRules } from './engine';
import { recordScan, storeFlags, type PersistOptions, type PersistSummary } from './persistFlags';
import { readRuleThresholds } from './ruleSettings';
import { dealsOfSameParties, dealsSharingPatentsWith } from './sameParties';

const COLLECT_FROM_DEALS = 1_000;

/** The deals checked with these: themselves, the deals naming one of their patents, the deals between the same parties. */
export function relatedDeals(db: ReadHandle, dealIds: readonly string[]): string[] {
  return [...new Set([...dealIds, ...dealsSharingPatentsWith(db, dealIds), ...dealsOfSameParties(db, dealIds)])];
}

/**
 * Checks deals right after they were saved or imported, inside the caller's transaction, so that a deal is never
 * stored without its flags. The deals they relate to — the same patents, the same assignor and assignee — are
 * checked with them, since a new deal can turn an older one into a repeat, a round trip, a duplicate or a bulk.
 * The scan day is the day of the transaction.
 *
 * One rule at a time, each rule's findings stored before the next rule runs, as the full scan does: an import of
 * 50,000 deals finds one or more flags for most of them, and holding every rule's findings at once grew the core
 * process by over 100 MB. Storing per rule is exact (a rule's flags are in scope of that rule only); one audit row
 * sums up the whole check.
 */
export function checkDealsAfterWrite(w: Writer, dealIds: readonly string[]): PersistSummary {
  const summary: PersistSummary = { created: 0, reactivated: 0, refreshed: 0, deactivated: 0 };
  const touched = [...new Set(dealIds)];
  if (touched.length === 0) return summary;
  const related = relatedDeals(w.db, touched);
  const asOf = todayIso(new Date(w.at));
  const { thresholds } = readRuleThresholds(w.db);
  const shared = new Map<string, unknown>();
  for (const ruleId of RULE_IDS) {
    const candidates = scanRules(w.db, { ruleIds: [ruleId], asOf, thresholds, dealIds: related, shared });
    const stored = storeFlags(w, candidates, { source: '本地', scope: { ruleIds: [ruleId], dealIds: related } });
    for (const key of Object.keys(summary) as (keyof PersistSummary)[]) summary[key] += stored[key];
    // A save's check (a few deals) has nothing worth a full collection; an import's drops a rule's working set.
    if (related.length >= COLLECT_FROM_DEALS) collectGarbageBetweenRules();
  }
  const options: PersistOptions = { source: '本地', scope: { ruleIds: RULE_IDS, dealIds: related } };
  recordScan(w, options, summary);
  return summary;
}
