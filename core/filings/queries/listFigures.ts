import type { z } from 'zod';
import type { figuresListInput, figuresRow } from '../../../shared/contract/filings/figures';
import type { ReadPlan, SqlDialect } from '../../store/readPlan';
import { Conditions, statusCondition } from './filterBuilder';
import { keysetPage, type Page, type PageRequest, type SortColumn } from './keyset';
import { organizationMatches } from './search';

type Query = z.output<typeof figuresListInput>;
export type FiguresFilters = Partial<Omit<Query, 'cursor' | 'limit' | 'direction'>>;

const SORTS: Record<Query['sort'], SortColumn> = {
  year: { expr: 'f.year', nullable: false },
  updatedAt: { expr: 'f.updated_at', nullable: false },
};

/** Enterprise yearly figures; the region is the enterprise's reporting region. */
export function* listFigures(
  filters: FiguresFilters = {},
  page: PageRequest = {},
  dialect: SqlDialect = 'sqlite',
): ReadPlan<Page<z.infer<typeof figuresRow>>> {
  const c = new Conditions();
  statusCondition(c, 'f', filters.status ?? 'active');
  c.when(filters.regionCode, 'o.city_code = ?');
  c.when(filters.year, 'f.year = ?');
  const search = filters.search?.trim();
  if (search) {
    const orgs = organizationMatches(search, dialect);
    c.add(`f.organization_id IN (${orgs.sql})`, ...orgs.params);
  }
  return yield* keysetPage(page, {
    select: `f.id, o.name AS "enterpriseName", o.uscc, o.city_code AS "regionCode", f.year, f.revenue_fen AS "revenueFen",
      f.employees, coalesce(f.sector, o.sector) AS sector, f.version, f.voided_at AS "voidedAt"`,
    from: 'enterprise_figures f JOIN organizations o ON o.id = f.organization_id',
    filter: c,
    sort: SORTS[filters.sort ?? 'year'],
    idExpr: 'f.id',
  });
}
