import type { DealListQuery, DealRow } from '../../../shared/contract/filings/deals';
import { select, type PlannedRead, type ReadPlan, type SqlDialect } from '../../store/readPlan';
import { keysetPage, type Page, type PageRequest, type SortColumn } from './keyset';
import { Conditions, dealStatusCondition, flagCountSql, yearCondition } from './filterBuilder';
import { organizationMatches, patentMatches, prefixRange } from './search';

export type DealFilters = Partial<Omit<DealListQuery, 'cursor' | 'limit' | 'direction'>>;
type Params = PlannedRead['params'];

const SORTS: Record<DealListQuery['sort'], SortColumn> = {
  recordationDate: { expr: 'd.recordation_date', nullable: true },
  contractDate: { expr: 'd.contract_date', nullable: false },
  amountFen: { expr: 'd.amount_fen', nullable: false },
  updatedAt: { expr: 'd.updated_at', nullable: false },
};

const SELECT = `d.id, d.contract_no AS "contractNo", d.kind, d.license_mode AS "licenseMode", d.region_code AS "regionCode",
  d.contract_date AS "contractDate", d.recordation_date AS "recordationDate", d.amount_fen AS "amountFen",
  d.patent_count AS "patentCount", d.industry, a.name AS "assignorName", a.kind AS "assignorKind", b.name AS "assigneeName",
  d.assignee_size AS "assigneeSize", ${flagCountSql('deal', 'd.id')} AS "flagCount", d.version, d.voided_at AS "voidedAt"`;

/** Matching parties or patents above which walking the sort index (testing each deal) beats collecting their deals. */
const WALK_ABOVE = 200;

function* countUpTo(match: { sql: string; params: unknown[] } | null, cap: number): ReadPlan<number> {
  if (!match) return 0;
  const [counted] = yield* select<{ n: number }>(
    `SELECT count(*) AS n FROM (${match.sql} LIMIT ${cap + 1}) found`,
    match.params as Params,
  );
  return counted?.n ?? 0;
}

/**
 * Deals whose contract number starts with, or whose party or patent contains, the text. On SQLite a rare text
 * collects its few deals by index and sorts them; a common one ("太原") instead walks the list's sort order testing
 * each deal, and stops as soon as a page is full: either way a page costs about the same. PostgreSQL's planner makes
 * that choice itself (and has no unary + on text), so it is given the collecting form.
 */
function* searchCondition(c: Conditions, text: string, dialect: SqlDialect): ReadPlan<void> {
  const orgs = organizationMatches(text, dialect);
  const patents = patentMatches(text, dialect);
  const common =
    dialect === 'sqlite' &&
    ((yield* countUpTo(orgs, WALK_ABOVE)) > WALK_ABOVE || (yield* countUpTo(patents, WALK_ABOVE)) > WALK_ABOVE);
  if (common) {
    // Unary + keeps SQLite from driving the query by these columns' indexes: it walks the sort index instead.
    const contract = prefixRange('+d.contract_no', text, dialect);
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
  // SQLite finds a deal fastest by its rowid; PostgreSQL has none, and its primary key does as well.
  const key = dialect === 'sqlite' ? 'rowid' : 'id';
  const contract = prefixRange('contract_no', text, dialect);
  const parts = [
    `SELECT ${key} FROM deals WHERE ${contract.sql}`,
    `SELECT ${key} FROM deals WHERE assignor_id IN (${orgs.sql})`,
    `SELECT ${key} FROM deals WHERE assignee_id IN (${orgs.sql})`,
  ];
  const params = [...contract.params, ...orgs.params, ...orgs.params];
  if (patents) {
    parts.push(
      `SELECT x.${key} FROM deal_patents dp JOIN deals x ON x.id = dp.deal_id WHERE dp.patent_number IN (${patents.sql})`,
    );
    params.push(...patents.params);
  }
  c.add(`d.${key} IN (${parts.join(' UNION ')})`, ...params);
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
export function* listDeals(
  filters: DealFilters = {},
  page: PageRequest = {},
  dialect: SqlDialect = 'sqlite',
): ReadPlan<Page<DealRow>> {
  const c = new Conditions();
  dealStatusCondition(c, filters.status ?? 'active', dialect);
  c.when(filters.regionCode, 'd.region_code = ?');
  yearCondition(c, 'd.recordation_date', filters.year);
  c.when(filters.kind, 'd.kind = ?');
  c.when(filters.industry, 'd.industry = ?');
  c.when(filters.assigneeSize, 'd.assignee_size = ?');
  c.when(filters.assignorKind, 'a.kind = ?');
  c.when(filters.assigneeKind, 'b.kind = ?');
  flaggedCondition(c, filters.hasFlags);
  const search = filters.search?.trim();
  if (search) yield* searchCondition(c, search, dialect);
  return yield* keysetPage<DealRow>(page, {
    select: SELECT,
    from: 'deals d JOIN organizations a ON a.id = d.assignor_id JOIN organizations b ON b.id = d.assignee_id',
    filter: c,
    sort: SORTS[filters.sort ?? 'recordationDate'],
    idExpr: 'd.id',
  });
}
