import { exceedsSmeBounds, SECTORS, SME_THRESHOLDS, type Sector } from '../../../shared/domain/enterprise';
import { fenToWanNumber, formatWan } from '../../../shared/domain/money';
import { candidate, dealSubject } from '../candidate';
import { dealDate, inScope, scopeParams } from '../sql';
import type { RuleModule } from '../types';
import { statement } from '../../store/statements';

interface SizedRow {
  id: string;
  contractNo: string;
  regionCode: string;
  countedSize: string;
  assignee: string;
  dealYear: number;
  figuresYear: number;
  revenueFen: number | null;
  employees: number;
  sector: string | null;
}

/** No enterprise with fewer staff than this is large in any sector. */
const FEWEST_LARGE_STAFF = Math.min(...SECTORS.map((s) => SME_THRESHOLDS[s].smeBelow[0]));

/**
 * The staff a figure needs before it can be above the SME bounds, in SQL: its sector's "SME at all" staff bound
 * (large needs staff AND revenue at or above it), the fewest of any sector when the sector is unknown or unlisted.
 * A full scan looks only at the enterprises with such a figure: a few among thousands.
 */
const largeStaffSql = (sector: string) =>
  `CASE ${sector} ${SECTORS.map((s) => `WHEN '${s}' THEN ${SME_THRESHOLDS[s].smeBelow[0]}`).join(' ')} ELSE ${FEWEST_LARGE_STAFF} END`;
const MAYBE_LARGE = `SELECT f.organization_id FROM enterprise_figures f JOIN organizations o ON o.id = f.organization_id
  WHERE f.voided_at IS NULL AND f.employees >= ${largeStaffSql('coalesce(f.sector, o.sector)')}`;

const isSector = (s: string | null): s is Sector => s !== null && (SECTORS as readonly string[]).includes(s);

/**
 * Above the SME bounds of §5. With an unknown or unlisted sector the enterprise is judged against every sector's
 * bounds and flagged only when it is large under all of them: a guess about the sector must not raise an alarm.
 */
function aboveBounds(row: SizedRow): boolean {
  const revenueWan = row.revenueFen === null ? null : fenToWanNumber(row.revenueFen);
  const sectors: readonly Sector[] = isSector(row.sector) ? [row.sector] : SECTORS;
  return sectors.every((sector) => exceedsSmeBounds({ sector, employees: row.employees, revenueWan }));
}

/**
 * R09: the assignee is counted as an SME (the deal's size, else the enterprise's) while its yearly figures are
 * above the SME bounds. The figures compared are those of the deal's year, else the latest year before it, else the
 * earliest year after it.
 */
export const r09SizeMismatch: RuleModule = {
  id: 'R09',
  run(run) {
    const rows = statement(
      run.db,
      `WITH sized AS (
           SELECT d.id, d.contract_no AS contractNo, d.region_code AS regionCode, d.assignee_id AS assigneeId,
             coalesce(d.assignee_size, b.size) AS countedSize, b.name AS assignee, b.sector AS orgSector,
             CAST(substr(${dealDate('d')}, 1, 4) AS INTEGER) AS dealYear
           FROM deals d JOIN organizations b ON b.id = d.assignee_id
           WHERE d.voided_at IS NULL AND coalesce(d.assignee_size, b.size) IN ('微型', '小型', '中型') AND ${inScope('d.id', run.dealIds)}
             ${run.dealIds === null ? `AND d.assignee_id IN (${MAYBE_LARGE})` : ''}
         ),
         nearest AS (
           SELECT sz.*, coalesce(
             (SELECT f2.id FROM enterprise_figures f2
               WHERE f2.organization_id = sz.assigneeId AND f2.voided_at IS NULL AND f2.employees IS NOT NULL AND f2.year <= sz.dealYear
               ORDER BY f2.year DESC LIMIT 1),
             (SELECT f3.id FROM enterprise_figures f3
               WHERE f3.organization_id = sz.assigneeId AND f3.voided_at IS NULL AND f3.employees IS NOT NULL AND f3.year > sz.dealYear
               ORDER BY f3.year LIMIT 1)) AS figuresId
           FROM sized sz
         )
         SELECT n.id, n.contractNo, n.regionCode, n.countedSize, n.assignee, n.dealYear, f.year AS figuresYear,
           f.revenue_fen AS revenueFen, f.employees, coalesce(f.sector, n.orgSector) AS sector
         FROM nearest n JOIN enterprise_figures f ON f.id = n.figuresId`,
    ).all(scopeParams(run.dealIds)) as SizedRow[];
    return rows.filter(aboveBounds).map((r) => {
      const revenue = r.revenueFen === null ? '营业收入未填' : `营业收入 ${formatWan(r.revenueFen)}`;
      return candidate(
        'R09',
        r.regionCode,
        [dealSubject(r.id, r.contractNo)],
        `受让方“${r.assignee}”在合同 ${r.contractNo} 中按${r.countedSize}企业统计，但其 ${r.figuresYear} 年数据（从业人员 ${r.employees} 人，${revenue}，行业 ${r.sector ?? '未填'}）已超过中小企业标准上限。`,
        {
          assignee: r.assignee,
          countedSize: r.countedSize,
          dealYear: r.dealYear,
          figuresYear: r.figuresYear,
          employees: r.employees,
          revenueFen: r.revenueFen,
          sector: r.sector,
          judgedAgainst: isSector(r.sector) ? r.sector : '全部行业（行业未填或不在标准所列行业中）',
        },
      );
    });
  },
};
