import { formatWan } from '../../../shared/domain/money';
import { candidate, dealSubject } from '../candidate';
import { groupBy } from '../groupBy';
import { inScope, scopeParams } from '../sql';
import type { FlagCandidate, RuleModule } from '../types';
import { statement } from '../../store/statements';

interface SubsidyRow {
  target: 'deal' | 'pledge';
  targetId: string;
  targetNo: string;
  targetRegion: string;
  id: string;
  subsidyNo: string;
  programName: string;
  amountFen: number;
  grantedDate: string;
  regionCode: string;
}

const SUBSIDY_COLUMNS = `s.id, s.subsidy_no AS subsidyNo, s.program_name AS programName, s.amount_fen AS amountFen,
  s.granted_date AS grantedDate, s.region_code AS regionCode`;

/** R11: the same deal or pledge rewarded more than once (by one program twice, or by two programs). */
export const r11SubsidyTwice: RuleModule = {
  id: 'R11',
  run(run) {
    const params = scopeParams(run.dealIds);
    const dealRows = statement(
      run.db,
      `SELECT 'deal' AS target, d.id AS targetId, d.contract_no AS targetNo, d.region_code AS targetRegion, ${SUBSIDY_COLUMNS}
         FROM subsidies s JOIN deals d ON d.id = s.deal_id
         WHERE s.voided_at IS NULL AND d.voided_at IS NULL AND s.deal_id IN (
           SELECT deal_id FROM subsidies WHERE deal_id IS NOT NULL AND voided_at IS NULL AND ${inScope('deal_id', run.dealIds)}
           GROUP BY deal_id HAVING count(*) > 1)
         ORDER BY s.granted_date, s.subsidy_no, s.id`,
    ).all(params) as SubsidyRow[];
    // Pledges are not deals: a check after saving deals leaves pledge findings to the full scan.
    const pledgeRows =
      run.dealIds !== null
        ? []
        : (statement(
            run.db,
            `SELECT 'pledge' AS target, p.id AS targetId, p.registration_no AS targetNo, p.region_code AS targetRegion, ${SUBSIDY_COLUMNS}
               FROM subsidies s JOIN pledges p ON p.id = s.pledge_id
               WHERE s.voided_at IS NULL AND p.voided_at IS NULL AND s.pledge_id IN (
                 SELECT pledge_id FROM subsidies WHERE pledge_id IS NOT NULL AND voided_at IS NULL GROUP BY pledge_id HAVING count(*) > 1)
               ORDER BY s.granted_date, s.subsidy_no, s.id`,
          ).all() as SubsidyRow[]);
    const out: FlagCandidate[] = [];
    for (const rows of groupBy([...dealRows, ...pledgeRows], (r) => `${r.target}:${r.targetId}`).values()) {
      const t = rows[0]!;
      const programs = [...new Set(rows.map((r) => r.programName))];
      const what = t.target === 'deal' ? `交易（合同 ${t.targetNo}）` : `质押（登记号 ${t.targetNo}）`;
      const targetSubject =
        t.target === 'deal'
          ? dealSubject(t.targetId, t.targetNo)
          : { entity: 'pledge' as const, entityId: t.targetId, businessNo: t.targetNo };
      out.push(
        candidate(
          'R11',
          t.targetRegion,
          [
            targetSubject,
            ...rows.map((r) => ({ entity: 'subsidy' as const, entityId: r.id, businessNo: r.subsidyNo })),
          ],
          `同一${what}获得 ${rows.length} 次奖补（${rows.map((r) => `${r.subsidyNo} ${r.programName} ${formatWan(r.amountFen)}`).join('；')}）${programs.length > 1 ? `，涉及 ${programs.length} 个项目` : ''}。`,
          {
            target: t.target,
            targetNo: t.targetNo,
            programs,
            subsidies: rows.map((r) => ({
              subsidyId: r.id,
              subsidyNo: r.subsidyNo,
              programName: r.programName,
              amountFen: r.amountFen,
              grantedDate: r.grantedDate,
              region: r.regionCode,
            })),
          },
        ),
      );
    }
    return out;
  },
};
