import { TYPE_BY_RANK, TYPE_RANK_SQL } from './sql';
import type { ReadHandle } from '../store/store';

/** A deal as R05 prices it: amount per patent, in its group (kind, highest patent type). */
export interface PricedDeal {
  id: string;
  contractNo: string;
  regionCode: string;
  kind: string;
  typeRank: number;
  amountFen: number;
  patentCount: number;
}

export interface GroupStats {
  n: number;
  /** Median and MAD of ln(amount per patent in 分). */
  median: number;
  mad: number;
}

const PRICED_COLUMNS = `d.id, d.contract_no AS contractNo, d.region_code AS regionCode, d.kind, d.amount_fen AS amountFen,
  (SELECT min(${TYPE_RANK_SQL('p')}) FROM deal_patents dp JOIN patents p ON p.number = dp.patent_number WHERE dp.deal_id = d.id) AS typeRank,
  (SELECT count(*) FROM deal_patents dp WHERE dp.deal_id = d.id) AS patentCount`;

// Zero amounts are R04's business, not an outlier of the log scale (ln 0 is undefined).
const PRICED = `d.voided_at IS NULL AND d.amount_fen > 0`;

export const groupKey = (kind: string, typeRank: number) => `${kind}|${typeRank}`;
export const groupLabel = (kind: string, typeRank: number) => `${kind} · ${TYPE_BY_RANK[typeRank] ?? '未知'}`;
export const logPrice = (d: Pick<PricedDeal, 'amountFen' | 'patentCount'>) => Math.log(d.amountFen / d.patentCount);

const hasPatents = (d: PricedDeal) => d.patentCount > 0 && d.typeRank !== null;

export function allPricedDeals(db: ReadHandle): PricedDeal[] {
  return (db.prepare(`SELECT ${PRICED_COLUMNS} FROM deals d WHERE ${PRICED}`).all() as PricedDeal[]).filter(hasPatents);
}

export function pricedDealsByIds(db: ReadHandle, dealIds: readonly string[]): PricedDeal[] {
  return (
    db.prepare(`SELECT ${PRICED_COLUMNS} FROM deals d WHERE ${PRICED} AND d.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(dealIds)) as PricedDeal[]
  ).filter(hasPatents);
}

/** The ln prices of one group, sorted; what the review page draws as the distribution. */
export function groupLogPrices(db: ReadHandle, kind: string, typeRank: number): Float64Array {
  const rows = (db.prepare(`SELECT ${PRICED_COLUMNS} FROM deals d WHERE d.kind = ? AND ${PRICED}`).all(kind) as PricedDeal[])
    .filter((d) => hasPatents(d) && d.typeRank === typeRank);
  return Float64Array.from(rows.map(logPrice)).sort();
}

function medianOfSorted(values: Float64Array): number {
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

export function statsOf(values: Float64Array): GroupStats {
  if (values.length === 0) return { n: 0, median: 0, mad: 0 };
  const sorted = Float64Array.from(values).sort();
  const median = medianOfSorted(sorted);
  const deviations = sorted.map((v) => Math.abs(v - median)).sort();
  return { n: sorted.length, median, mad: medianOfSorted(deviations) };
}

// Group statistics from the last computation, per store connection. A checked deal moves the median and MAD of a
// large group by a hair, so large groups reuse them (keeping a save within its budget); small groups are recomputed.
const STABLE_GROUP_SIZE = 1000;
const cache = new WeakMap<object, Map<string, GroupStats>>();

export function rememberStats(db: ReadHandle, stats: Map<string, GroupStats>): void {
  cache.set(db, stats);
}

export function statsForGroup(db: ReadHandle, kind: string, typeRank: number): GroupStats {
  const known = cache.get(db)?.get(groupKey(kind, typeRank));
  if (known && known.n >= STABLE_GROUP_SIZE) return known;
  const fresh = statsOf(groupLogPrices(db, kind, typeRank));
  if (!cache.has(db)) cache.set(db, new Map());
  cache.get(db)!.set(groupKey(kind, typeRank), fresh);
  return fresh;
}
