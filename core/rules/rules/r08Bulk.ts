import { daysBetween } from '../../../shared/domain/dates';
import { candidate, dealSubject } from '../candidate';
import { groupBy } from '../groupBy';
import { dealsOfSameParties } from '../sameParties';
import { dealDate, partyKey } from '../sql';
import type { FlagCandidate, RuleModule, RuleRun } from '../types';
import { statement } from '../../store/statements';

interface PairDeal {
  id: string;
  contractNo: string;
  regionCode: string;
  date: string;
  pairKey: string;
  assignor: string;
  assignee: string;
  patents: string;
}

const COLUMNS = `d.id, d.contract_no AS contractNo, d.region_code AS regionCode, ${dealDate('d')} AS date,
  ${partyKey('a')} || '→' || ${partyKey('b')} AS pairKey, a.name AS assignor, b.name AS assignee,
  (SELECT group_concat(patent_number, ',') FROM deal_patents dp WHERE dp.deal_id = d.id) AS patents`;
const FROM = `FROM deals d JOIN organizations a ON a.id = d.assignor_id JOIN organizations b ON b.id = d.assignee_id`;

/**
 * The deals a run judges. A full scan looks only at the pairs of parties whose live deals name at least K patents
 * in all (a bulk needs K distinct patents; a single deal of K patents counts), answered from the pair index alone.
 * (Pairs are found by local ids first; on the province store, enterprises are merged by USCC, so only parties
 * without a USCC split over several ids could hide a bulk that way.) A check after a save looks at the deals between
 * the same parties.
 */
function loadDeals(run: RuleRun): PairDeal[] {
  if (run.dealIds !== null) {
    return statement(
      run.db,
      `SELECT ${COLUMNS} ${FROM} WHERE d.id IN (SELECT value FROM json_each(?)) AND d.voided_at IS NULL`,
    ).all(JSON.stringify(dealsOfSameParties(run.db, run.dealIds))) as PairDeal[];
  }
  return statement(
    run.db,
    `SELECT ${COLUMNS}
       FROM (SELECT assignor_id, assignee_id FROM deals WHERE voided_at IS NULL GROUP BY assignor_id, assignee_id HAVING sum(patent_count) >= @k) pairs
       CROSS JOIN deals d ON d.assignor_id = pairs.assignor_id AND d.assignee_id = pairs.assignee_id
       JOIN organizations a ON a.id = d.assignor_id JOIN organizations b ON b.id = d.assignee_id
       WHERE d.voided_at IS NULL`,
  ).all({ k: run.thresholds.r08MinPatents }) as PairDeal[];
}

/** Windows of at most D days holding at least K distinct patents; overlapping windows merge into one finding. */
function bulkClusters(deals: PairDeal[], minPatents: number, withinDays: number): PairDeal[][] {
  const sorted = [...deals].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : 1));
  const clusters: PairDeal[][] = [];
  let current: { from: number; to: number } | null = null;
  for (let i = 0; i < sorted.length; i++) {
    const patents = new Set<string>();
    let j = i;
    while (j < sorted.length && daysBetween(sorted[i]!.date, sorted[j]!.date) <= withinDays) {
      for (const p of (sorted[j]!.patents ?? '').split(',').filter(Boolean)) patents.add(p);
      j++;
    }
    if (patents.size < minPatents) continue;
    if (current && i <= current.to) current.to = Math.max(current.to, j - 1);
    else {
      if (current) clusters.push(sorted.slice(current.from, current.to + 1));
      current = { from: i, to: j - 1 };
    }
  }
  if (current) clusters.push(sorted.slice(current.from, current.to + 1));
  return clusters;
}

/** R08: one assignor → one assignee, at least K patents within D days (a single deal of K patents included). */
export const r08Bulk: RuleModule = {
  id: 'R08',
  run(run) {
    const { r08MinPatents: minPatents, r08WithinDays: withinDays } = run.thresholds;
    const out: FlagCandidate[] = [];
    for (const deals of groupBy(loadDeals(run), (d) => d.pairKey).values()) {
      for (const cluster of bulkClusters(deals, minPatents, withinDays)) {
        const first = cluster[0]!;
        const last = cluster.at(-1)!;
        const patents = [...new Set(cluster.flatMap((d) => (d.patents ?? '').split(',').filter(Boolean)))].sort();
        const span = daysBetween(first.date, last.date);
        out.push(
          candidate(
            'R08',
            last.regionCode,
            cluster.map((d) => dealSubject(d.id, d.contractNo)),
            `“${first.assignor}”在 ${span} 天内（${first.date} 至 ${last.date}）通过 ${cluster.length} 份合同向“${first.assignee}”转移 ${patents.length} 件专利，达到批量转移标准（${withinDays} 天内不少于 ${minPatents} 件）。`,
            {
              assignor: first.assignor,
              assignee: first.assignee,
              from: first.date,
              to: last.date,
              spanDays: span,
              patentCount: patents.length,
              patents,
              minPatents,
              withinDays,
              deals: cluster.map((d) => ({
                dealId: d.id,
                contractNo: d.contractNo,
                date: d.date,
                patents: (d.patents ?? '').split(',').filter(Boolean).length,
              })),
            },
          ),
        );
      }
    }
    return out;
  },
};
