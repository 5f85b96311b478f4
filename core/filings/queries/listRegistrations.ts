import type { z } from 'zod';
import type { registrationListInput, registrationRow } from '../../../shared/contract/filings/registrations';
import type { ReadPlan, SqlDialect } from '../../store/readPlan';
import { Conditions, flagCountSql, hasFlagsCondition, statusCondition, yearCondition } from './filterBuilder';
import { keysetPage, type Page, type PageRequest, type SortColumn } from './keyset';
import { containsText, ftsPhrase, organizationMatches, prefixRange } from './search';

type Query = z.output<typeof registrationListInput>;
export type RegistrationFilters = Partial<Omit<Query, 'cursor' | 'limit' | 'direction'>>;

const SORTS: Record<Query['sort'], SortColumn> = {
  registrationDate: { expr: 'r.registration_date', nullable: false },
  updatedAt: { expr: 'r.updated_at', nullable: false },
};

export function* listRegistrations(
  filters: RegistrationFilters = {},
  page: PageRequest = {},
  dialect: SqlDialect = 'sqlite',
): ReadPlan<Page<z.infer<typeof registrationRow>>> {
  const c = new Conditions();
  statusCondition(c, 'r', filters.status ?? 'active');
  c.when(filters.regionCode, 'r.region_code = ?');
  c.when(filters.enterpriseSize, 'r.enterprise_size = ?');
  yearCondition(c, 'r.registration_date', filters.year);
  hasFlagsCondition(c, 'registration', 'r.id', filters.hasFlags);
  const search = filters.search?.trim();
  if (search) {
    const orgs = organizationMatches(search, dialect);
    const no = prefixRange('r.registration_no', search, dialect);
    const product =
      dialect === 'sqlite' && [...search].length >= 3
        ? { sql: 'r.rowid IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ?)', params: [ftsPhrase(search)] }
        : containsText('r.product_name', search, dialect);
    c.add(
      `(${no.sql} OR ${product.sql} OR r.enterprise_id IN (${orgs.sql}))`,
      ...no.params,
      ...product.params,
      ...orgs.params,
    );
  }
  return yield* keysetPage(page, {
    select: `r.id, r.registration_no AS "registrationNo", r.region_code AS "regionCode", o.name AS "enterpriseName",
      r.enterprise_size AS "enterpriseSize", r.product_name AS "productName", r.registration_date AS "registrationDate",
      r.output_value_fen AS "outputValueFen",
      (SELECT count(*) FROM registration_patents rp WHERE rp.registration_id = r.id) AS "patentCount",
      ${flagCountSql('registration', 'r.id')} AS "flagCount", r.version, r.voided_at AS "voidedAt"`,
    from: 'product_registrations r JOIN organizations o ON o.id = r.enterprise_id',
    filter: c,
    sort: SORTS[filters.sort ?? 'registrationDate'],
    idExpr: 'r.id',
  });
}
