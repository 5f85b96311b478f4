import type { z } from 'zod';
import type { pledgeListInput, pledgeRow } from '../../../shared/contract/filings/pledges';
import type { ReadPlan, SqlDialect } from '../../store/readPlan';
import { Conditions, flagCountSql, hasFlagsCondition, statusCondition, yearCondition } from './filterBuilder';
import { keysetPage, type Page, type PageRequest, type SortColumn } from './keyset';
import { containsText, organizationMatches, patentMatches, prefixRange } from './search';

type Query = z.output<typeof pledgeListInput>;
export type PledgeFilters = Partial<Omit<Query, 'cursor' | 'limit' | 'direction'>>;

const SORTS: Record<Query['sort'], SortColumn> = {
  registrationDate: { expr: 'p.registration_date', nullable: false },
  amountFen: { expr: 'p.amount_fen', nullable: false },
  updatedAt: { expr: 'p.updated_at', nullable: false },
};

export function* listPledges(
  filters: PledgeFilters = {},
  page: PageRequest = {},
  dialect: SqlDialect = 'sqlite',
): ReadPlan<Page<z.infer<typeof pledgeRow>>> {
  const c = new Conditions();
  statusCondition(c, 'p', filters.status ?? 'active');
  c.when(filters.regionCode, 'p.region_code = ?');
  yearCondition(c, 'p.registration_date', filters.year);
  hasFlagsCondition(c, 'pledge', 'p.id', filters.hasFlags);
  const search = filters.search?.trim();
  if (search) {
    const orgs = organizationMatches(search, dialect);
    const no = prefixRange('p.registration_no', search, dialect);
    const pledgee = containsText('p.pledgee_name', search, dialect);
    const patents = patentMatches(search, dialect);
    const patentPart = patents
      ? ` OR p.id IN (SELECT pledge_id FROM pledge_patents WHERE patent_number IN (${patents.sql}))`
      : '';
    c.add(
      `(${no.sql} OR ${pledgee.sql} OR p.pledgor_id IN (${orgs.sql})${patentPart})`,
      ...no.params,
      ...pledgee.params,
      ...orgs.params,
      ...(patents?.params ?? []),
    );
  }
  return yield* keysetPage(page, {
    select: `p.id, p.registration_no AS "registrationNo", p.region_code AS "regionCode", o.name AS "pledgorName",
      p.pledgee_name AS "pledgeeName", p.amount_fen AS "amountFen", p.registration_date AS "registrationDate",
      p.term_months AS "termMonths", (SELECT count(*) FROM pledge_patents pp WHERE pp.pledge_id = p.id) AS "patentCount",
      ${flagCountSql('pledge', 'p.id')} AS "flagCount", p.version, p.voided_at AS "voidedAt"`,
    from: 'pledges p JOIN organizations o ON o.id = p.pledgor_id',
    filter: c,
    sort: SORTS[filters.sort ?? 'registrationDate'],
    idExpr: 'p.id',
  });
}
