import { afterEach, describe, expect, it } from 'vitest';
import { dealInput, type DealInput } from '../../shared/contract/filings/deals';
import { pledgeInput } from '../../shared/contract/filings/pledges';
import { subsidyInput } from '../../shared/contract/filings/subsidies';
import { setUpStore } from '../../tests/testing/tempStore';
import { createWriter, type Writer } from '../service/context';
import { DeskError } from '../service/errors';
import { upsertDeal } from './deals';
import { upsertEnterpriseFigures } from './figures';
import { resolveParty } from './parties';
import { upsertPayment } from './payments';
import { upsertPledge } from './pledges';
import { upsertSubsidy } from './subsidies';
import { ENTERPRISE, licenseDeal, UNIVERSITY } from './testing/sampleFilings';
import { restoreRecord } from './restoreRecord';
import { voidRecord } from './voidRecord';

let desk: Awaited<ReturnType<typeof setUpStore>>;
afterEach(() => desk?.close());

const NOW = new Date('2024-01-10T08:00:00Z');

async function open() {
  desk = await setUpStore('140100', { now: () => NOW });
  return desk;
}

function write<T>(fn: (w: Writer) => T): T {
  return desk.service.store.transaction((db) => fn(createWriter(db, desk.adminActor, NOW.toISOString())));
}

const count = (sql: string) => desk.service.store.db.prepare(sql).pluck().get() as number;
const outbox = () =>
  desk.service.store.db.prepare('SELECT entity, entity_id, version, op, payload FROM outbox ORDER BY seq').all() as {
    entity: string;
    entity_id: string;
    version: number;
    op: string;
    payload: string;
  }[];

function refusal(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const saveDeal = (input: DealInput) => write((w) => upsertDeal(w, dealInput.parse(input), { regionCode: '140100' }));

describe('upsertDeal', () => {
  it('creates a deal with its parties and normalized patents, and sends organizations and patents before the deal', async () => {
    await open();
    const result = saveDeal(licenseDeal());
    expect(result).toMatchObject({ version: 1, outcome: 'new' });
    const deal = desk.service.store.db.prepare('SELECT * FROM deals WHERE id = ?').get(result.id) as Record<
      string,
      unknown
    >;
    expect(deal).toMatchObject({
      contract_no: 'HT-2023-001',
      kind: '许可',
      license_mode: '普通',
      patent_count: 2,
      assignee_size: '小型',
    });
    const patents = desk.service.store.db.prepare('SELECT number, type FROM patents ORDER BY number').all();
    expect(patents).toEqual([
      { number: '202010310978.3', type: '发明' },
      { number: '202311303481.9', type: '发明' },
    ]);
    const rows = outbox();
    expect(rows.map((r) => r.entity)).toEqual(['organization', 'organization', 'patent', 'patent', 'deal']);
    const payload = JSON.parse(rows.at(-1)!.payload) as Record<string, unknown>;
    expect(payload).toMatchObject({ id: result.id, contract_no: 'HT-2023-001', amount_fen: 50_000_000, version: 1 });
    expect(payload.patents).toEqual(['202010310978.3', '202311303481.9']);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'deal.create'")).toBe(1);
  });

  it('writes nothing, not even an audit row, when the same deal comes again', async () => {
    await open();
    saveDeal(licenseDeal());
    const audit = count('SELECT count(*) FROM audit_log');
    const again = saveDeal(licenseDeal());
    expect(again).toMatchObject({ version: 1, outcome: 'unchanged' });
    expect(count('SELECT count(*) FROM audit_log')).toBe(audit);
    expect(outbox()).toHaveLength(5);
  });

  it('makes a new version with the changed fields when the amount changes', async () => {
    await open();
    const first = saveDeal(licenseDeal());
    const second = saveDeal(licenseDeal({ amountFen: 60_000_000 }));
    expect(second).toEqual({ id: first.id, version: 2, outcome: 'updated' });
    const last = outbox().at(-1)!;
    expect(last).toMatchObject({ entity: 'deal', entity_id: first.id, version: 2, op: 'upsert' });
    const detail = desk.service.store.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'deal.update'")
      .pluck()
      .get() as string;
    expect(JSON.parse(detail)).toEqual({ version: 2, changes: { amount_fen: { from: 50_000_000, to: 60_000_000 } } });
  });

  it('records a changed patent list as a change of the deal', async () => {
    await open();
    saveDeal(licenseDeal());
    const changed = saveDeal(licenseDeal({ patents: [{ number: '202010310978.3' }] }));
    expect(changed.outcome).toBe('updated');
    expect(count('SELECT count(*) FROM deal_patents')).toBe(1);
    expect(JSON.parse(outbox().at(-1)!.payload).patents).toEqual(['202010310978.3']);
  });

  it('refuses a recordation date in the future and writes nothing', async () => {
    await open();
    const before = count('SELECT count(*) FROM audit_log');
    const error = refusal(() => saveDeal(licenseDeal({ recordationDate: '2024-02-01' })));
    expect(error.extra.field).toBe('recordationDate');
    expect(error.message).toContain('未来');
    expect(count('SELECT count(*) FROM organizations')).toBe(0);
    expect(count('SELECT count(*) FROM audit_log')).toBe(before);
    expect(outbox()).toHaveLength(0);
  });

  it('refuses a license without a mode even when a caller skips the schema', async () => {
    await open();
    const parsed = dealInput.parse(licenseDeal());
    const error = refusal(() =>
      write((w) => upsertDeal(w, { ...parsed, licenseMode: null }, { regionCode: '140100' })),
    );
    expect(error.extra.field).toBe('licenseMode');
    expect(count('SELECT count(*) FROM deals')).toBe(0);
  });

  it('never duplicates a party: matched by USCC, then by normalized name', async () => {
    await open();
    write((w) => resolveParty(w, dealInput.parse(licenseDeal()).assignee));
    const byUscc = write((w) =>
      resolveParty(w, { ...ENTERPRISE, name: '山西示例科技有限公司', phone: '0351-1234567', kind: '企业' }),
    );
    expect(byUscc).toMatchObject({ version: 2, outcome: 'updated' });
    const byName = write((w) => resolveParty(w, { name: '山西示例科技 有限公司', kind: '企业' }));
    expect(byName).toEqual({ id: byUscc.id, version: 2, outcome: 'unchanged' });
    expect(count('SELECT count(*) FROM organizations')).toBe(1);
  });
});

describe('payments', () => {
  it('keeps one payment per (deal, date, amount, voucher) and refuses an unconfirmed overpayment at the amount', async () => {
    await open();
    const deal = saveDeal(licenseDeal({ payments: [] }));
    const first = write((w) =>
      upsertPayment(w, deal.id, { paidDate: '2023-03-15', amountFen: 40_000_000, voucherNo: 'A' }),
    );
    expect(first.outcome).toBe('new');
    expect(
      write((w) => upsertPayment(w, deal.id, { paidDate: '2023-03-15', amountFen: 40_000_000, voucherNo: 'A' }))
        .outcome,
    ).toBe('unchanged');
    const error = refusal(() =>
      write((w) => upsertPayment(w, deal.id, { paidDate: '2023-04-01', amountFen: 20_000_000 })),
    );
    expect(error.extra.field).toBe('amountFen');
    expect(error.message).toContain('超过成交金额');
    const confirmed = write((w) =>
      upsertPayment(w, deal.id, { paidDate: '2023-04-01', amountFen: 20_000_000, confirmOverpayment: true }),
    );
    expect(confirmed.outcome).toBe('new');
  });

  it('refuses a payment dated before the contract', async () => {
    await open();
    const deal = saveDeal(licenseDeal({ payments: [] }));
    const error = refusal(() => write((w) => upsertPayment(w, deal.id, { paidDate: '2023-02-01', amountFen: 1 })));
    expect(error.extra.field).toBe('paidDate');
    expect(count('SELECT count(*) FROM payments')).toBe(0);
  });
});

describe('voidRecord', () => {
  it('voids with a reason as a new version with op void, and frees the contract number', async () => {
    await open();
    const deal = saveDeal(licenseDeal());
    const voided = write((w) => voidRecord(w, 'deal', deal.id, '重复录入'));
    expect(voided.version).toBe(2);
    const last = outbox().at(-1)!;
    expect(last).toMatchObject({ entity: 'deal', op: 'void', version: 2 });
    expect(JSON.parse(last.payload)).toMatchObject({
      void_reason: '重复录入',
      patents: ['202010310978.3', '202311303481.9'],
    });
    expect(count('SELECT count(*) FROM deals')).toBe(1);
    expect(saveDeal(licenseDeal()).outcome).toBe('new');
  });
});

describe('restoreRecord', () => {
  it('undoes a void as a new version, audited and sent to the province as an upsert', async () => {
    await open();
    const deal = saveDeal(licenseDeal());
    const voided = write((w) => voidRecord(w, 'deal', deal.id, '误作废'));
    const restored = write((w) => restoreRecord(w, 'deal', deal.id, voided.version));
    expect(restored).toMatchObject({ id: deal.id, version: 3, outcome: 'updated' });
    expect(
      desk.service.store.db.prepare('SELECT voided_at, void_reason, version FROM deals WHERE id = ?').get(deal.id),
    ).toEqual({ voided_at: null, void_reason: null, version: 3 });
    const last = outbox().at(-1)!;
    expect(last).toMatchObject({ entity: 'deal', entity_id: deal.id, op: 'upsert', version: 3 });
    expect(JSON.parse(last.payload)).toMatchObject({
      voided_at: null,
      contract_no: 'HT-2023-001',
      patents: ['202010310978.3', '202311303481.9'],
    });
    const audit = desk.service.store.db
      .prepare('SELECT action, detail FROM audit_log WHERE entity_id = ? ORDER BY rowid DESC LIMIT 1')
      .get(deal.id) as { action: string; detail: string };
    expect(audit.action).toBe('deal.restore');
    expect(JSON.parse(audit.detail)).toMatchObject({ version: 3, voidReason: '误作废' });
  });

  it('refuses a record that changed since the user saw it, one not voided, and one whose number a new record took', async () => {
    await open();
    const deal = saveDeal(licenseDeal());
    expect(refusal(() => write((w) => restoreRecord(w, 'deal', deal.id, 1))).message).toContain('未作废');
    const voided = write((w) => voidRecord(w, 'deal', deal.id, '误作废'));
    const stale = refusal(() => write((w) => restoreRecord(w, 'deal', deal.id, voided.version - 1)));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('已有变化');
    saveDeal(licenseDeal());
    const taken = refusal(() => write((w) => restoreRecord(w, 'deal', deal.id, voided.version)));
    expect(taken.code).toBe('CONFLICT');
    expect(taken.message).toContain('编号相同');
    expect(desk.service.store.db.prepare('SELECT version FROM deals WHERE id = ?').pluck().get(deal.id)).toBe(
      voided.version,
    );
  });
});

describe('pledges, figures and subsidies', () => {
  it('upserts a pledge by its registration number and links a subsidy by contract and pledge numbers', async () => {
    await open();
    const deal = saveDeal(licenseDeal());
    const pledge = write((w) =>
      upsertPledge(
        w,
        pledgeInput.parse({
          registrationNo: 'ZY2023001',
          pledgor: ENTERPRISE,
          pledgeeName: '中国银行太原分行',
          amountFen: 300_000_000,
          registrationDate: '2023-05-01',
          termMonths: 12,
          patents: [{ number: '202311303481.9' }],
        }),
        { regionCode: '140100' },
      ),
    );
    expect(pledge.outcome).toBe('new');
    expect(JSON.parse(outbox().at(-1)!.payload).patents).toEqual(['202311303481.9']);
    const subsidy = write((w) =>
      upsertSubsidy(
        w,
        subsidyInput.parse({
          subsidyNo: 'JB-1',
          recipient: UNIVERSITY,
          programName: '专利转化专项',
          amountFen: 1_000_000,
          grantedDate: '2023-12-01',
          dealContractNo: 'HT-2023-001',
          pledgeRegistrationNo: 'ZY2023001',
        }),
        { regionCode: '140100' },
      ),
    );
    const row = desk.service.store.db.prepare('SELECT deal_id, pledge_id FROM subsidies WHERE id = ?').get(subsidy.id);
    expect(row).toEqual({ deal_id: deal.id, pledge_id: pledge.id });
    const missing = refusal(() =>
      write((w) =>
        upsertSubsidy(
          w,
          subsidyInput.parse({
            subsidyNo: 'JB-2',
            recipient: UNIVERSITY,
            programName: 'x',
            amountFen: 1,
            grantedDate: '2023-12-01',
            dealContractNo: 'NOPE',
          }),
          { regionCode: '140100' },
        ),
      ),
    );
    expect(missing.extra.field).toBe('dealContractNo');
  });

  it('keeps one figures record per enterprise and year, and refuses a future year', async () => {
    await open();
    const first = write((w) =>
      upsertEnterpriseFigures(w, {
        enterprise: ENTERPRISE,
        year: 2023,
        revenueFen: 5_000_000_000,
        employees: 80,
        sector: '工业',
      } as never),
    );
    const second = write((w) =>
      upsertEnterpriseFigures(w, {
        enterprise: ENTERPRISE,
        year: 2023,
        revenueFen: 6_000_000_000,
        employees: 80,
        sector: '工业',
      } as never),
    );
    expect(second).toEqual({ id: first.id, version: 2, outcome: 'updated' });
    expect(
      refusal(() => write((w) => upsertEnterpriseFigures(w, { enterprise: ENTERPRISE, year: 2025 } as never))).extra
        .field,
    ).toBe('year');
  });
});
