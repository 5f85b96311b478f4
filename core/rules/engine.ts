import { RULE_IDS, type RuleId } from '../../shared/rules/ruleIds';
import type { RuleThresholds } from '../../shared/rules/thresholds';
import type { ReadHandle } from '../store/store';
import { RULE_MODULES } from './registry';
import { readRuleThresholds } from './ruleSettings';
import type { FlagCandidate } from './types';

export type { FlagCandidate, FlagSubject } from './types';
export { persistFlags } from './persistFlags';

export interface ScanOptions {
  /** Which rules; all twelve when omitted. */
  ruleIds?: readonly RuleId[];
  /** The scan day (R06 counts days up to it): todayIso(ctx.now()). */
  asOf: string;
  /** Overrides the thresholds kept in settings. */
  thresholds?: RuleThresholds;
  /** Only findings that involve one of these deals; the whole store when omitted. */
  dealIds?: readonly string[];
  /** Lets the rules of a scan run in several calls share their common work (one map per scan). */
  shared?: Map<string, unknown>;
}

// A memory map for the full scan: pages are read in place instead of being copied one by one through the 2 MB page
// cache, which a full scan of every deal would churn many times over. Mapped pages count in the process's resident
// memory, so the map is bounded to keep the core process within its memory budget (DESIGN §7: 400 MB).
const FULL_SCAN_MMAP_BYTES = 64 * 1024 * 1024;

function mapStoreForFullScan(db: ReadHandle): void {
  if ((db.pragma('mmap_size', { simple: true }) as number) < FULL_SCAN_MMAP_BYTES)
    db.pragma(`mmap_size = ${FULL_SCAN_MMAP_BYTES}`);
}

/**
 * Runs the rules and returns what they find, writing nothing. Works alike on a city store and on the province
 * store (every region's records): parties are compared by USCC, else normalized name, never by local id.
 */
export function scanRules(db: ReadHandle, options: ScanOptions): FlagCandidate[] {
  const thresholds = options.thresholds ?? readRuleThresholds(db).thresholds;
  const dealIds = options.dealIds ? [...new Set(options.dealIds)] : null;
  if (dealIds !== null && dealIds.length === 0) return [];
  const shared = options.shared ?? new Map<string, unknown>();
  if (dealIds === null) mapStoreForFullScan(db);
  return (options.ruleIds ?? RULE_IDS).flatMap((id) =>
    RULE_MODULES[id].run({ db, asOf: options.asOf, thresholds, dealIds, shared }),
  );
}
