import { candidate, dealSubject } from '../candidate';
import { inScope, scopeParams } from '../sql';
import type { RuleModule } from '../types';
import { statement } from '../../store/statements';

const FEN_PER_YUAN = 100;

/** 分 as 元 with two decimals, in integer arithmetic. */
const yuanText = (fen: number) => `${Math.trunc(fen / FEN_PER_YUAN)}.${String(fen % FEN_PER_YUAN).padStart(2, '0')}`;

/** R04: a transfer or equity contribution whose contract amount is below X 元, zero included. */
export const r04NominalPrice: RuleModule = {
  id: 'R04',
  run(run) {
    const belowYuan = run.thresholds.r04NominalBelowYuan;
    // A full scan walks the amount index; a check after a save starts from its deals.
    const amount = run.dealIds === null ? 'd.amount_fen' : '+d.amount_fen';
    const rows = statement(
      run.db,
      `SELECT d.id, d.contract_no AS contractNo, d.region_code AS regionCode, d.kind, d.amount_fen AS amountFen
         FROM deals d
         WHERE ${amount} < @belowFen AND d.voided_at IS NULL AND +d.kind IN ('转让', '作价入股') AND ${inScope('d.id', run.dealIds)}`,
    ).all({ belowFen: belowYuan * FEN_PER_YUAN, ...scopeParams(run.dealIds) }) as {
      id: string;
      contractNo: string;
      regionCode: string;
      kind: string;
      amountFen: number;
    }[];
    return rows.map((r) =>
      candidate(
        'R04',
        r.regionCode,
        [dealSubject(r.id, r.contractNo)],
        `${r.kind}合同 ${r.contractNo} 的成交金额为 ${yuanText(r.amountFen)} 元，低于 ${belowYuan} 元，属象征性价格。`,
        { kind: r.kind, amountFen: r.amountFen, belowYuan },
      ),
    );
  },
};
