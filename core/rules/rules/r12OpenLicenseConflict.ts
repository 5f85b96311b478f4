import { candidate, dealSubject } from '../candidate';
import { dealDate, inScope, scopeParams } from '../sql';
import type { FlagCandidate, RuleModule } from '../types';
import { statement } from '../../store/statements';

interface ConflictRow {
  openId: string;
  openNo: string;
  openRegion: string;
  openFrom: string;
  openTo: string | null;
  patent: string;
  otherId: string;
  otherNo: string;
  otherKind: string;
  otherFrom: string;
  otherTo: string | null;
}

// A period without an end is in force for good.
const FOREVER = `'9999-12-31'`;
const overlaps = (from1: string, to1: string, from2: string, to2: string) =>
  `(${from1} <= coalesce(${to2}, ${FOREVER}) AND coalesce(${to1}, ${FOREVER}) >= ${from2})`;

/**
 * R12: an open license (开放许可) while an exclusive or sole license, or a pledge, on the same patent is in force
 * (Patent Law Art. 50–52). Licenses run from their recordation date (else contract date) to their end date; a
 * pledge from its registration for its term. The store records no pledgee consent, so every pledge in force counts
 * as unconsented; the reviewer dismisses the flag when the consent is on file.
 */
export const r12OpenLicenseConflict: RuleModule = {
  id: 'R12',
  run(run) {
    const params = scopeParams(run.dealIds);
    // Only licenses carry a mode (a CHECK of the schema): a full scan walks the few open licenses through the mode
    // index. A check after a save starts from its deals instead, on either side ("+" keeps the mode index unused).
    // A full scan goes open license → its patents → the deals naming them (CROSS JOIN fixes that order): left to
    // itself the planner paired every open license with every exclusive or sole one, quadratic at 300,000 deals.
    const licenseConflicts = (scopedSide: 'o' | 'x' | null, join = scopedSide ? 'JOIN' : 'CROSS JOIN') =>
      statement(
        run.db,
        `SELECT o.id AS openId, o.contract_no AS openNo, o.region_code AS openRegion, ${dealDate('o')} AS openFrom, o.license_end_date AS openTo,
           op.patent_number AS patent, x.id AS otherId, x.contract_no AS otherNo, x.license_mode || '许可' AS otherKind,
           ${dealDate('x')} AS otherFrom, x.license_end_date AS otherTo
         FROM deals o
         ${join} deal_patents op ON op.deal_id = o.id
         ${join} deal_patents xp ON xp.patent_number = op.patent_number AND xp.deal_id <> o.id
         ${join} deals x ON x.id = xp.deal_id
         WHERE ${scopedSide ? '+' : ''}o.license_mode = '开放许可' AND o.voided_at IS NULL
           AND +x.license_mode IN ('独占', '排他') AND x.voided_at IS NULL
           AND ${overlaps(dealDate('o'), 'o.license_end_date', dealDate('x'), 'x.license_end_date')}
           AND ${scopedSide ? inScope(`${scopedSide}.id`, run.dealIds) : '1'}`,
      ).all(params) as ConflictRow[];
    const licenses =
      run.dealIds === null ? licenseConflicts(null) : [...licenseConflicts('o'), ...licenseConflicts('x')];
    const pledgeEnd = `CASE WHEN g.term_months IS NOT NULL THEN date(g.registration_date, '+' || g.term_months || ' months', '-1 day') END`;
    const pledges = statement(
      run.db,
      `SELECT o.id AS openId, o.contract_no AS openNo, o.region_code AS openRegion, ${dealDate('o')} AS openFrom, o.license_end_date AS openTo,
           op.patent_number AS patent, g.id AS otherId, g.registration_no AS otherNo, '质押' AS otherKind,
           g.registration_date AS otherFrom, ${pledgeEnd} AS otherTo
         FROM deals o
         JOIN deal_patents op ON op.deal_id = o.id
         JOIN pledge_patents gp ON gp.patent_number = op.patent_number
         JOIN pledges g ON g.id = gp.pledge_id
         WHERE ${run.dealIds === null ? '' : '+'}o.license_mode = '开放许可' AND o.voided_at IS NULL AND g.voided_at IS NULL
           AND ${overlaps(dealDate('o'), 'o.license_end_date', 'g.registration_date', pledgeEnd)}
           AND ${inScope('o.id', run.dealIds)}`,
    ).all(params) as ConflictRow[];
    const byPair = new Map<string, ConflictRow[]>();
    for (const row of [...licenses, ...pledges]) {
      const key = `${row.openId}|${row.otherKind}|${row.otherId}`;
      byPair.set(key, [...(byPair.get(key) ?? []), row]);
    }
    const out: FlagCandidate[] = [];
    for (const rows of byPair.values()) {
      const r = rows[0]!;
      const patents = [...new Set(rows.map((x) => x.patent))].sort();
      const isPledge = r.otherKind === '质押';
      const other = isPledge
        ? { entity: 'pledge' as const, entityId: r.otherId, businessNo: r.otherNo }
        : dealSubject(r.otherId, r.otherNo);
      const period = (from: string, to: string | null) => `${from} 至 ${to ?? '未约定止期'}`;
      out.push(
        candidate(
          'R12',
          r.openRegion,
          [dealSubject(r.openId, r.openNo), other],
          `开放许可合同 ${r.openNo}（${period(r.openFrom, r.openTo)}）的专利 ${patents.join('、')} 同时存在${isPledge ? `质押（登记号 ${r.otherNo}，未记录质权人同意）` : `${r.otherKind}（合同 ${r.otherNo}）`}，有效期 ${period(r.otherFrom, r.otherTo)}。`,
          {
            patents,
            openLicense: { dealId: r.openId, contractNo: r.openNo, from: r.openFrom, to: r.openTo },
            conflict: { kind: r.otherKind, id: r.otherId, number: r.otherNo, from: r.otherFrom, to: r.otherTo },
          },
        ),
      );
    }
    return out;
  },
};
