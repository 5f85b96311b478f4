import type { DealListQuery, DealRow } from '../../../shared/contract/filings';
import type { ReadHandle } from '../../store/store';
import { keysetPage, type Page, type SortColumn } from './keyset';
import { Conditions, flagCountSql, hasFlagsCondition, type PageRequest, statusCondition, yearCondition } from './filterBuilder';
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

/** Deals whose contract number starts with, or whose party or patent contains, the text. */
function searchCondition(c: Conditions, text: string): void {
  const orgs = organizationMatches(text);
  const contract = prefixRange('contract_no', text);
  const parts = [
    `SELECT id FROM deals WHERE ${contract.sql}`,
    `SELECT id FROM deals WHERE assignor_id IN (${orgs.sql})`,
    `SELECT id FROM deals WHERE assignee_id IN (${orgs.sql})`,
  ];
  const params = [...contract.params, ...orgs.params, ...orgs.params];
  const patents = patentMatches(text);
  if (patents) {
    parts.push(`SELECT deal_id FROM deal_patents WHERE patent_number IN (${patents.sql})`);
    params.push(...patents.params);
  }
  c.add(`d.id IN (${parts.join(' UNION ')})`, ...params);
}

/**
 * One page of the deal list with every filter of the list screen, executed in the store (keyset paging on the
 * sort's index), so that it stays instant at a million deals. Used by the list screen and by export.
 */
export function listDeals(db: ReadHandle, filters: DealFilters = {}, page: PageRequest = {}): Page<DealRow> {
  const c = new Conditions();
  statusCondition(c, 'd', filters.status ?? 'active');
  c.when(filters.regionCode, 'd.region_code = ?');
  yearCondition(c, 'd.recordation_date', filters.year);
  c.when(filters.kind, 'd.kind = ?');
  c.when(filters.industry, 'd.industry = ?');
  c.when(filters.assigneeSize, 'd.assignee_size = ?');
  c.when(filters.assignorKind, 'a.kind = ?');
  c.when(filters.assigneeKind, 'b.kind = ?');
  hasFlagsCondition(c, 'deal', 'd.id', filters.hasFlags);
  const search = filters.search?.trim();
  if (search) searchCondition(c, search);
  return keysetPage<DealRow>(db, {
    select: SELECT,
    from: 'deals d JOIN organizations a ON a.id = d.assignor_id JOIN organizations b ON b.id = d.assignee_id',
    where: c.where,
    params: c.params,
    sort: SORTS[filters.sort ?? 'recordationDate'],
    idExpr: 'd.id',
    direction: page.direction ?? 'desc',
    cursor: page.cursor,
    limit: page.limit ?? 100,
  });
}
