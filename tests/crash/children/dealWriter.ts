// Saves deals into the store named on the command line until it is killed. Two ways:
//   service  N  — through the real service (deals.create), as fast as it can, printing `committed <合同编号>` after
//                 each save returned; the kill lands wherever it lands, mostly inside a transaction.
//   inside   N  — writes one deal with the filings functions inside a transaction, prints `in-flight <合同编号>`
//                 and then waits inside that open transaction: the kill is certain to land before the commit.
import fs from 'node:fs';
import { dealInput } from '../../../shared/contract/filings/deals';
import { licenseDeal } from '../../../core/filings/testing/sampleFilings';
import { patentNumber } from '../../../core/sync/testing/syncFixtures';
import { upsertDeal } from '../../../core/filings/deals';
import { replaceDealPayments } from '../../../core/filings/payments';
import { createService } from '../../../core/service/createService';
import { createWriter, type Actor } from '../../../core/service/context';

const [mode, dbPath, startArg] = process.argv.slice(2);
const start = Number(startArg ?? 0);
const actor: Actor = { id: null, name: '崩溃测试', role: '管理员' };

function deal(n: number) {
  return licenseDeal({
    contractNo: `HT-CRASH-${String(n).padStart(6, '0')}`,
    patents: [
      { number: patentNumber(2 * n), title: `崩溃测试专利 ${n}-1`, filingDate: '2020-04-21', status: '有效' },
      { number: patentNumber(2 * n + 1), title: `崩溃测试专利 ${n}-2`, filingDate: '2020-04-21', status: '有效' },
    ],
  });
}

function say(line: string): void {
  fs.writeSync(1, `${line}\n`); // synchronous: the line is out before the next statement runs
}

const service = createService(dbPath!);
if (mode === 'service') {
  for (let n = start; ; n++) {
    const input = deal(n);
    const result = await service.call('deals.create', input, { actor });
    if (!result.ok) throw new Error(result.error.message);
    say(`committed ${input.contractNo}`);
  }
} else if (mode === 'inside') {
  const input = dealInput.parse(deal(start));
  service.store.transaction((db) => {
    const w = createWriter(db, actor, new Date().toISOString());
    const { id } = upsertDeal(w, input, { regionCode: '140100', actorId: null });
    replaceDealPayments(w, id, input.payments, false);
    say(`in-flight ${input.contractNo}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000); // hold the transaction open
  });
  throw new Error('the transaction should never have been committed');
} else {
  throw new Error(`unknown mode ${mode}`);
}
