import { dealInput, type DealInput } from '../../../shared/contract/filings/deals';
import { patentCheckChar } from '../../../shared/domain/patentNumber';
import { licenseDeal } from '../../filings/testing/sampleFilings';
import { upsertDeal } from '../../filings/deals';
import { createWriter, type Actor, type Writer } from '../../service/context';
import { replaceDealPayments } from '../../filings/payments';
import type { Store } from '../../store/store';

/** A valid modern invention patent number, different for every n. */
export function patentNumber(n: number, year = 2020): string {
  const digits = `${year}1${String(n).padStart(7, '0')}`;
  return `${digits}.${patentCheckChar(digits)}`;
}

/** Records a deal through the filings write functions, audited and in the outbox like a caseworker's entry. */
export function recordDeal(store: Store, actor: Actor, regionCode: string, overrides: Partial<DealInput> = {}): string {
  return store.transaction((db) =>
    writeDeal(createWriter(db, actor, new Date().toISOString()), actor, regionCode, overrides),
  );
}

function writeDeal(w: Writer, actor: Actor, regionCode: string, overrides: Partial<DealInput>): string {
  const input = dealInput.parse(licenseDeal(overrides));
  const { id } = upsertDeal(w, input, { regionCode, actorId: actor.id });
  replaceDealPayments(w, id, input.payments, false);
  return id;
}

/** The n-th deal of a bulk load; the same n with another amount is an edit of that deal (a new version). */
export function bulkDeal(regionCode: string, n: number, amountFen = 1_000_000 + n): Partial<DealInput> {
  return {
    contractNo: `HT-${regionCode}-${String(n).padStart(7, '0')}`,
    patents: [{ number: patentNumber(n), title: `批量专利 ${n}`, filingDate: '2020-04-21', status: '有效' }],
    amountFen,
    payments: [{ paidDate: '2023-03-15', amountFen, voucherNo: `V${n}` }],
  };
}

/**
 * Many deals at once for volume tests and the bench: each brings its own patent and one payment, parties are shared,
 * so that n deals make about 3n outbox rows (plus the two parties). One transaction. `overrides` apply to every deal
 * (a city's own description of a party, say).
 */
export function recordManyDeals(
  store: Store,
  actor: Actor,
  regionCode: string,
  count: number,
  offset = 0,
  overrides: Partial<DealInput> = {},
): void {
  store.transaction((db) => {
    const w = createWriter(db, actor, new Date().toISOString());
    for (let i = 0; i < count; i++) {
      const n = offset + i;
      writeDeal(w, actor, regionCode, { ...bulkDeal(regionCode, n), ...overrides });
    }
  });
}

/**
 * 太原 and 大同 each transfer the same patent within R01's window (TY-2024-01 in January, DT-2024-07 in March 2024):
 * the repeat transfer across two cities that only the province sees. Returns both deals' ids.
 */
export function recordRepeatTransfer(
  taiyuan: { store: Store; actor: Actor },
  datong: { store: Store; actor: Actor },
): { taiyuanDeal: string; datongDeal: string } {
  const shared = {
    number: patentNumber(4242),
    title: '一种煤矸石综合利用方法',
    filingDate: '2020-04-21',
    status: '有效' as const,
  };
  const transfer = { kind: '转让' as const, licenseMode: null, patents: [shared], payments: [] };
  return {
    taiyuanDeal: recordDeal(taiyuan.store, taiyuan.actor, '140100', {
      ...transfer,
      contractNo: 'TY-2024-01',
      contractDate: '2024-01-10',
      recordationDate: '2024-01-20',
    }),
    datongDeal: recordDeal(datong.store, datong.actor, '140200', {
      ...transfer,
      contractNo: 'DT-2024-07',
      contractDate: '2024-03-01',
      recordationDate: '2024-03-05',
    }),
  };
}
