import type { DealListQuery, DealRow } from '../../../shared/contract/filings/deals';
import type { ReadHandle } from '../../store/store';
import { keysetPage, type Page, type PageRequest, type SortColumn } from './keyset';
import { Conditions, dealStatusCondition, flagCountSql, yearCondition } from './filterBuilder';
import { organizationMatches, patentMatches, prefixRange } from './search';

export type DealFilters = Partial<Omit<DealListQuery, 'cursor' | 'limit' | 'direction'>>;

const SORTS: Record<DealListQuery['sort'], SortColumn> = {
  recordationDate: { expr: 'd.recordation_date', nullable: true },
  contractDate: { expr: 'd.contract_date', nullable: false },
  amountFen: { expr: 'd.amount_fen', nullable: false },
  updatedAt: { expr: 'd.updated_at', nullable: false },
};

const SELECT = `d.id, d.contract_no AS contractNo, d.kind, d.license_mode AS licenseMode, d.region_code AS regionCode,
  d.contract_date AS contractDate, d.recordation_date AS recordationDate, d.amount_fen AS amountFen,
  d.patent_count AS patentCount, d.industry, a.name AS assignorName, a.kind AS assignorKind, b.name AS assigneeName,
  d.assignee_size AS assigneeSize, ${flagCountSql('deal', 'd.id')} AS flagCount, d.version, d.voided_at AS voidedAt`;

/** Matching parties or patents above which walking the sort index (testing each deal) beats collecting their deals. */
const WALK_ABOVE = 200;

function countUpTo(db: ReadHandle, match: { sql: string; params: unknown[] } | null, cap: number): number {
  if (!match) return 0;
  return db
    .prepare(`SELECT count(*) FROM (${match.sql} LIMIT ${cap + 1})`)
    .pluck()
    .get(...match.params) as number;
}

/**
 * Deals whose contract number starts with, or whose party or patent contains, the text. A rare text collects its few
 * deals by index and sorts them; a common one ("太原") instead walks the list's sort order testing each deal, and
 * stops as soon as a page is full: either way a page costs about the same.
 */
function searchCondition(db: ReadHandle, c: Conditions, text: string): void {
  const orgs = organizationMatches(text);
  const patents = patentMatches(text);
  const common = countUpTo(db, orgs, WALK_ABOVE) > WALK_ABOVE || countUpTo(db, patents, WALK_ABOVE) > WALK_ABOVE;
  if (common) {
    // Unary + keeps SQLite from driving the query by these columns' indexes: it walks the sort index instead.
    const contract = prefixRange('+d.contract_no', text);
    const terms = [`(${contract.sql})`, `+d.assignor_id IN (${orgs.sql})`, `+d.assignee_id IN (${orgs.sql})`];
    const params = [...contract.params, ...orgs.params, ...orgs.params];
    if (patents) {
      // Not a correlated EXISTS: SQLite computes this set once, then tests each walked deal against it.
      terms.push(`+d.id IN (SELECT dp.deal_id FROM deal_patents dp WHERE dp.patent_number IN (${patents.sql}))`);
      params.push(...patents.params);
    }
    c.add(`(${terms.join(' OR ')})`, ...params);
    return;
  }
  const contract = prefixRange('contract_no', text);
  const parts = [
    `SELECT rowid FROM deals WHERE ${contract.sql}`,
    `SELECT rowid FROM deals WHERE assignor_id IN (${orgs.sql})`,
    `SELECT rowid FROM deals WHERE assignee_id IN (${orgs.sql})`,
  ];
  const params = [...contract.params, ...orgs.params, ...orgs.params];
  if (patents) {
    parts.push(
      `SELECT x.rowid FROM deal_patents dp JOIN deals x ON x.id = dp.deal_id WHERE dp.patent_number IN (${patents.sql})`,
    );
    params.push(...patents.params);
  }
  c.add(`d.rowid IN (${parts.join(' UNION ')})`, ...params);
}

/** Flagged deals are few: collect them from the flags rather than asking every deal whether it has one. */
function flaggedCondition(c: Conditions, hasFlags: boolean | null | undefined): void {
  const flagged = `SELECT fs.entity_id FROM flag_subjects fs JOIN anomaly_flags f ON f.id = fs.flag_id
    WHERE fs.entity = 'deal' AND f.active = 1 AND f.status <> '排除'`;
  if (hasFlags === true) c.add(`d.id IN (${flagged})`);
  if (hasFlags === false) c.add(`d.id NOT IN (${flagged})`);
}

/**
 * One page of the deal list with every filter of the list screen, executed in the store (keyset paging on the
 * sort's index), so that it stays instant at a million deals. Used by the list screen and by export.
 */
export function listDeals(db: ReadHandle, filters: DealFilters = {}, page: PageRequest = {}): Page<DealRow> {
  const c = new Conditions();
  dealStatusCondition(c, filters.status ?? 'active');
  c.when(filters.regionCode, 'd.region_code = ?');
  yearCondition(c, 'd.recordation_date', filters.year);
  c.when(filters.kind, 'd.kind = ?');
  c.when(filters.industry, 'd.industry = ?');
  c.when(filters.assigneeSize, 'd.assignee_size = ?');
  c.when(filters.assignorKind, 'a.kind = ?');
  c.when(filters.assigneeKind, 'b.kind = ?');
  flaggedCondition(c, filters.hasFlags);
  const search = filters.search?.trim();
  if (search) searchCondition(db, c, search);
  return keysetPage<DealRow>(db, page, {
    select: SELECT,
    from: 'deals d JOIN organizations a ON a.id = d.assignor_id JOIN organizations b ON b.id = d.assignee_id',
    filter: c,
    sort: SORTS[filters.sort ?? 'recordationDate'],
    idExpr: 'd.id',
  });
}
