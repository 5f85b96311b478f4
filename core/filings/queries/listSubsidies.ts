import type { z } from 'zod';
import type { subsidyListInput, subsidyRow } from '../../../shared/contract/filings/subsidies';
import type { ReadPlan, SqlDialect } from '../../store/readPlan';
import { Conditions, flagCountSql, hasFlagsCondition, statusCondition, yearCondition } from './filterBuilder';
import { keysetPage, type Page, type PageRequest, type SortColumn } from './keyset';
import { containsText, organizationMatches, prefixRange } from './search';

type Query = z.output<typeof subsidyListInput>;
export type SubsidyFilters = Partial<Omit<Query, 'cursor' | 'limit' | 'direction'>>;

const SORTS: Record<Query['sort'], SortColumn> = {
  grantedDate: { expr: 's.granted_date', nullable: false },
  amountFen: { expr: 's.amount_fen', nullable: false },
  updatedAt: { expr: 's.updated_at', nullable: false },
};

export function* listSubsidies(
  filters: SubsidyFilters = {},
  page: PageRequest = {},
  dialect: SqlDialect = 'sqlite',
): ReadPlan<Page<z.infer<typeof subsidyRow>>> {
  const c = new Conditions();
  statusCondition(c, 's', filters.status ?? 'active');
  c.when(filters.regionCode, 's.region_code = ?');
  yearCondition(c, 's.granted_date', filters.year);
  hasFlagsCondition(c, 'subsidy', 's.id', filters.hasFlags);
  const search = filters.search?.trim();
  if (search) {
    const orgs = organizationMatches(search, dialect);
    const no = prefixRange('s.subsidy_no', search, dialect);
    const program = containsText('s.program_name', search, dialect);
    c.add(
      `(${no.sql} OR ${program.sql} OR s.recipient_id IN (${orgs.sql}))`,
      ...no.params,
      ...program.params,
      ...orgs.params,
    );
  }
  return yield* keysetPage(page, {
    select: `s.id, s.subsidy_no AS "subsidyNo", s.region_code AS "regionCode", o.name AS "recipientName",
      s.program_name AS "programName", s.amount_fen AS "amountFen", s.granted_date AS "grantedDate",
      (SELECT contract_no FROM deals WHERE id = s.deal_id) AS "dealContractNo",
      (SELECT registration_no FROM pledges WHERE id = s.pledge_id) AS "pledgeRegistrationNo",
      ${flagCountSql('subsidy', 's.id')} AS "flagCount", s.version, s.voided_at AS "voidedAt"`,
    from: 'subsidies s JOIN organizations o ON o.id = s.recipient_id',
    filter: c,
    sort: SORTS[filters.sort ?? 'grantedDate'],
    idExpr: 's.id',
  });
}
