import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { licenseDeal } from '../filings/testing/sampleFilings';

let desk: Awaited<ReturnType<typeof setUpStore>>;
beforeEach(async () => (desk = await setUpStore('140100', { now: () => new Date('2024-06-30T08:00:00Z') })));
afterEach(() => desk.close());

describe('a deal is checked the moment it is saved', () => {
  it('puts a zero-priced transfer in the queue on save and takes it out when the deal is voided', async () => {
    const deal = await desk.call('deals.create', {
      ...licenseDeal({ contractNo: 'HT-ZERO', amountFen: 0, payments: [] }),
      kind: '转让',
      licenseMode: null,
    });
    const queue = await desk.call('review.queue', { ruleIds: ['R04'] });
    expect(queue.rows.map((r) => r.contracts)).toEqual([['HT-ZERO']]);
    await desk.call('deals.void', { id: deal.id, reason: '录入错误' });
    expect((await desk.call('review.queue', { ruleIds: ['R04'] })).total).toBe(0);
  });

  it('clears an unpaid flag when the payments are corrected on edit', async () => {
    const record = licenseDeal({
      contractNo: 'HT-UNPAID',
      contractDate: '2023-01-01',
      recordationDate: '2023-02-01',
      payments: [],
    });
    const deal = await desk.call('deals.create', record);
    expect((await desk.call('review.queue', { ruleIds: ['R06'] })).total).toBe(1);
    await desk.call('deals.update', {
      id: deal.id,
      record: { ...record, payments: [{ paidDate: '2023-03-01', amountFen: 50_000_000, voucherNo: 'P1' }] },
    });
    expect((await desk.call('review.queue', { ruleIds: ['R06'] })).total).toBe(0);
  });
});
