import { DEAL_KINDS } from '../../shared/contract/filings/deals';
import { TYPE_BY_RANK } from './sql';
import type { ReadHandle } from '../store/store';
import { statement } from '../store/statements';

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

/**
 * A patent's type rank read from its normalized number (DOMAIN §3: the digit after the filing year, 1/8 invention,
 * 2/9 utility model, 3 design), so that pricing a million deals never has to look up a million patents.
 */
const typeRankOf = (n: string) =>
  `CASE substr(${n}, CASE WHEN length(${n}) >= 13 THEN 5 ELSE 3 END, 1) WHEN '1' THEN 1 WHEN '8' THEN 1 WHEN '2' THEN 2 WHEN '9' THEN 2 ELSE 3 END`;

// Zero amounts are R04's business, not an outlier of the log scale (ln 0 is undefined).
const PRICED = `d.voided_at IS NULL AND d.amount_fen > 0`;
const PER_DEAL = `SELECT deal_id, min(${typeRankOf('patent_number')}) AS typeRank, count(*) AS patentCount FROM deal_patents`;

export const groupKey = (kind: string, typeRank: number) => `${kind}|${typeRank}`;
export const groupLabel = (kind: string, typeRank: number) => `${kind} · ${TYPE_BY_RANK[typeRank] ?? '未知'}`;
export const logPrice = (d: Pick<PricedDeal, 'amountFen' | 'patentCount'>) => Math.log(d.amountFen / d.patentCount);

/**
 * Every priced deal's group (kind and type rank packed as KIND_CODES + rank; null for a deal without patents, which
 * has no group), amount and patent count, as parallel lists of plain numbers: what pricing the groups needs.
 */
export interface GroupedPrices {
  groups: (number | null)[];
  amounts: number[];
  patentCounts: number[];
}

/** logPrice of the `i`th deal of the lists. */
export const logPriceAt = ({ amounts, patentCounts }: GroupedPrices, i: number) =>
  Math.log(amounts[i]! / patentCounts[i]!);

/** The same with each deal's rowid, as the full scan reads them to find the outliers again. */
export interface PricedColumns extends GroupedPrices {
  rowids: number[];
}

const KIND_CODES = `CASE d.kind ${DEAL_KINDS.map((kind, i) => `WHEN '${kind}' THEN ${i * 4}`).join(' ')} END`;
export const kindOfGroup = (group: number) => DEAL_KINDS[group >> 2]!;
export const typeRankOfGroup = (group: number) => group & 3;

/**
 * Reads the deals in turn (NOT INDEXED) and each one's patents through their primary key in the same order, instead
 * of aggregating the patents first and then fetching each deal through the id index. SQLite hands the numbers over
 * as JSON arrays, one per column: a million rows crossing into JavaScript one by one cost several times more.
 */
function pricedLists(db: ReadHandle, withRowids: boolean): number[][] {
  const columns = ['pricedGroup', 'amount_fen', 'patent_count'];
  if (withRowids) columns.unshift('rowid');
  const lists = statement(
    db,
    `SELECT ${columns.map((c) => `json_group_array(${c})`).join(', ')} FROM (
         SELECT d.rowid, ${KIND_CODES} + (SELECT min(${typeRankOf('patent_number')}) FROM deal_patents WHERE deal_id = d.id) AS pricedGroup,
           d.amount_fen, d.patent_count
         FROM deals d NOT INDEXED WHERE ${PRICED})`,
    'raw',
  ).get() as string[];
  return lists.map((json) => JSON.parse(json) as number[]);
}

/**
 * What pricing every group needs and no more: an import's checks price the groups of a million deals at the peak of
 * its memory, where the rowids' list (in SQLite, as JSON text, and parsed) would cost about 25 MB more.
 */
export function allGroupedPrices(db: ReadHandle): GroupedPrices {
  const [groups, amounts, patentCounts] = pricedLists(db, false);
  return { groups: groups!, amounts: amounts!, patentCounts: patentCounts! };
}

export function allPricedDeals(db: ReadHandle): PricedColumns {
  const [rowids, groups, amounts, patentCounts] = pricedLists(db, true);
  return { rowids: rowids!, groups: groups!, amounts: amounts!, patentCounts: patentCounts! };
}

const PRICED_COLUMNS = `d.id, d.contract_no AS contractNo, d.region_code AS regionCode, d.kind, d.amount_fen AS amountFen, t.typeRank, t.patentCount`;

function pricedDealsAmong(db: ReadHandle, dealIdsSql: string, list: string): PricedDeal[] {
  return statement(
    db,
    `SELECT ${PRICED_COLUMNS} FROM (${PER_DEAL} WHERE deal_id IN (${dealIdsSql}) GROUP BY deal_id) t
       JOIN deals d ON d.id = t.deal_id WHERE ${PRICED}`,
  ).all(list) as PricedDeal[];
}

export const pricedDealsByIds = (db: ReadHandle, dealIds: readonly string[]) =>
  pricedDealsAmong(db, 'SELECT value FROM json_each(?)', JSON.stringify(dealIds));

export const pricedDealsByRowids = (db: ReadHandle, rowids: readonly number[]) =>
  pricedDealsAmong(db, 'SELECT id FROM deals WHERE rowid IN (SELECT value FROM json_each(?))', JSON.stringify(rowids));

/** The ln prices of one group, sorted; what the review page draws as the distribution. */
export function groupLogPrices(db: ReadHandle, kind: string, typeRank: number): Float64Array {
  const rows = statement(
    db,
    `SELECT d.amount_fen, t.patentCount FROM (${PER_DEAL} WHERE deal_id IN (SELECT id FROM deals WHERE kind = @kind) GROUP BY deal_id) t
       JOIN deals d ON d.id = t.deal_id WHERE ${PRICED} AND t.typeRank = @typeRank`,
    'raw',
  ).all({ kind, typeRank }) as [number, number][];
  return Float64Array.from(rows.map(([amountFen, patentCount]) => Math.log(amountFen / patentCount))).sort();
}

function medianOfSorted(values: Float64Array): number {
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** Median and MAD of `values`, which it takes over: sorted, then overwritten with the deviations (no copies). */
export function statsOf(values: Float64Array): GroupStats {
  if (values.length === 0) return { n: 0, median: 0, mad: 0 };
  values.sort();
  const median = medianOfSorted(values);
  for (let i = 0; i < values.length; i++) values[i] = Math.abs(values[i]! - median);
  values.sort();
  return { n: values.length, median, mad: medianOfSorted(values) };
}

// Group statistics from the last computation, per store connection. A checked deal moves the median and MAD of a
// large group by a hair, so large groups reuse them (keeping a save within its budget); small groups are recomputed.
const STABLE_GROUP_SIZE = 200;
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
