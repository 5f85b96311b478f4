import { afterEach, describe, expect, it } from 'vitest';
import type { DealInput } from '../../shared/contract/filings/deals';
import { setUpStore } from '../../tests/testing/tempStore';
import { ENTERPRISE, licenseDeal } from './testing/sampleFilings';

let desk: Awaited<ReturnType<typeof setUpStore>>;
afterEach(() => desk?.close());

const NOW = new Date('2024-01-10T08:00:00Z');
const open = async () => (desk = await setUpStore('140100', { now: () => NOW }));
const rows = (table: string) => desk.service.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function refusedField(input: DealInput): Promise<{ field?: string; message: string }> {
  const result = await desk.service.call('deals.create', input, { actor: desk.adminActor });
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('recording a deal through the contract', () => {
  it('records a 2-patent license with 2 payments; the detail shows types, expiry and payments; an edit is a second version', async () => {
    await open();
    const created = await desk.call('deals.create', licenseDeal());
    const detail = await desk.call('deals.get', { id: created.id });
    expect(detail.patents.map((p) => [p.number, p.type, p.naturalExpiry])).toEqual([
      ['202010310978.3', '发明', '2040-04-20'],
      ['202311303481.9', '发明', '2043-10-11'],
    ]);
    expect(detail.payments.map((p) => p.amountFen)).toEqual([20_000_000, 30_000_000]);
    expect(detail.paidFen).toBe(50_000_000);

    const updated = await desk.call('deals.update', { id: created.id, record: licenseDeal({ amountFen: 60_000_000 }) });
    expect(updated).toEqual({ id: created.id, version: 2, outcome: 'updated' });
    const history = await desk.call('audit.history', { entity: 'deal', entityId: created.id });
    expect(history.map((h) => [h.action, h.actorName])).toEqual([
      ['deal.create', '管理员甲'],
      ['deal.update', '管理员甲'],
    ]);

    await desk.call('deals.void', { id: created.id, reason: '合同解除' });
    const list = await desk.call('deals.list', {});
    expect(list.rows).toHaveLength(0);
    expect((await desk.call('deals.list', { status: 'voided' })).rows.map((r) => r.id)).toEqual([created.id]);
  });

  it('removing a payment in an edit voids it; the payments edited in the deal form make the deal a new version with the change in its history', async () => {
    await open();
    const created = await desk.call('deals.create', licenseDeal());
    const again = await desk.call('deals.update', {
      id: created.id,
      record: licenseDeal({ payments: [licenseDeal().payments![0]!] }),
    });
    expect(again).toEqual({ id: created.id, version: 2, outcome: 'updated' });
    const detail = await desk.call('deals.get', { id: created.id });
    expect(detail.payments).toHaveLength(1);
    expect(detail.version).toBe(2);
    const history = await desk.call('audit.history', { entity: 'deal', entityId: created.id });
    expect(history.at(-1)?.detail).toEqual({
      version: 2,
      changes: {
        payments: {
          from: ['2023-03-15 20.00 万元（凭证 P1）', '2023-06-15 30.00 万元（凭证 P2）'],
          to: ['2023-03-15 20.00 万元（凭证 P1）'],
        },
      },
    });

    // The same list again changes nothing.
    expect(
      (
        await desk.call('deals.update', {
          id: created.id,
          record: licenseDeal({ payments: [licenseDeal().payments![0]!] }),
        })
      ).outcome,
    ).toBe('unchanged');
  });

  it('saves a USCC failing only its organization-code check once the user confirms it, and audits the confirmation', async () => {
    await open();
    const assignee = { ...licenseDeal().assignee, name: '山西核实科技有限公司', uscc: '12140000405740001G' };
    const refused = await refusedField(licenseDeal({ assignee }));
    expect(refused).toMatchObject({ field: 'assignee.uscc', message: expect.stringContaining('请核实后确认') });
    const created = await desk.call(
      'deals.create',
      licenseDeal({ assignee: { ...assignee, confirmUsccWarning: true } }),
    );
    const deal = await desk.call('deals.get', { id: created.id });
    expect(deal.assignee.uscc).toBe('12140000405740001G');
    const history = await desk.call('audit.history', { entity: 'organization', entityId: deal.assignee.id });
    expect(history.map((h) => [h.action, h.actorName, h.detail.warning])).toContainEqual([
      'organization.confirmUsccWarning',
      '管理员甲',
      expect.stringContaining('组织机构代码（第 9–17 位）校验位不符'),
    ]);
  });

  it('refuses a second deal with the same contract number at the contract number', async () => {
    await open();
    await desk.call('deals.create', licenseDeal());
    const error = await refusedField(licenseDeal({ amountFen: 70_000_000 }));
    expect(error.field).toBe('contractNo');
  });
});

describe('recording pledges, registrations and subsidies through the contract', () => {
  const pledge = {
    registrationNo: 'ZY-2023-001',
    pledgor: ENTERPRISE,
    pledgeeName: '中国银行太原分行',
    amountFen: 300_000_000,
    registrationDate: '2023-05-01',
    termMonths: 12,
    patents: [{ number: '202010310978.3' }],
  };
  const registration = {
    registrationNo: 'BA-2023-001',
    enterprise: ENTERPRISE,
    productName: '煤矸石砖',
    registrationDate: '2023-06-01',
    outputValueFen: 1_000_000_000,
    patents: [{ number: '202010310978.3' }],
  };
  const subsidy = {
    subsidyNo: 'JB-2023-001',
    recipient: ENTERPRISE,
    programName: '专利转化专项奖补',
    amountFen: 10_000_000,
    grantedDate: '2023-12-01',
  };
  const cases = [
    {
      kind: 'pledges',
      what: 'pledge',
      input: pledge,
      edit: { amountFen: 200_000_000 },
      field: 'registrationNo',
      message: '质押登记号 ZY-2023-001 已录入，请在列表中打开修改',
    },
    {
      kind: 'registrations',
      what: 'product registration',
      input: registration,
      edit: { productName: '煤矸石空心砖' },
      field: 'registrationNo',
      message: '备案号 BA-2023-001 已录入，请在列表中打开修改',
    },
    {
      kind: 'subsidies',
      what: 'subsidy',
      input: subsidy,
      edit: { amountFen: 20_000_000 },
      field: 'subsidyNo',
      message: '奖补编号 JB-2023-001 已录入，请在列表中打开修改',
    },
  ] as const;

  for (const { kind, what, input, edit, field, message } of cases) {
    it(`refuses a second ${what} with the same number; an edit is a second version in the installation region`, async () => {
      await open();
      const call = async (method: string, payload: unknown) => {
        const result = await desk.service.call(method as 'pledges.create', payload as never, {
          actor: desk.adminActor,
        });
        if (!result.ok) throw Object.assign(new Error(result.error.message), { field: result.error.field });
        return result.value as { id: string };
      };
      const created = await call(`${kind}.create`, input);
      await expect(call(`${kind}.create`, { ...input, ...edit })).rejects.toMatchObject({ field, message });
      expect(await call(`${kind}.update`, { id: created.id, record: { ...input, ...edit } })).toEqual({
        id: created.id,
        version: 2,
        outcome: 'updated',
      });
      expect(await call(`${kind}.get`, { id: created.id })).toMatchObject({ regionCode: '140100', ...edit });
    });
  }
});

describe('refused inputs name their field in Chinese and write nothing', () => {
  const cases: [string, Partial<DealInput>, string, RegExp][] = [
    ['a license without a license mode', { licenseMode: null }, 'licenseMode', /许可方式/],
    ['a transfer with a license mode', { kind: '转让', licenseMode: '独占' }, 'licenseMode', /许可方式/],
    [
      'a recordation date before the contract date',
      { recordationDate: '2023-02-01' },
      'recordationDate',
      /不能早于合同日期/,
    ],
    [
      'a payment before the contract date',
      { payments: [{ paidDate: '2023-01-01', amountFen: 1 }] },
      'payments.0.paidDate',
      /不能早于合同日期/,
    ],
    [
      'payments above the contract amount without confirmation',
      { amountFen: 10_000_000 },
      'confirmOverpayment',
      /超过成交金额/,
    ],
    [
      'a contract date in the future',
      { contractDate: '2024-02-01', recordationDate: null, payments: [] },
      'contractDate',
      /未来/,
    ],
    [
      'a payment in the future',
      { payments: [{ paidDate: '2024-03-01', amountFen: 1 }] },
      'payments.0.paidDate',
      /未来/,
    ],
    [
      'a patent listed twice',
      { patents: [{ number: '202010310978.3' }, { number: 'ZL202010310978.3' }] },
      'patents.1.number',
      /重复/,
    ],
    [
      'a patent number with a wrong check character',
      { patents: [{ number: '202310999716.5' }] },
      'patents.0.number',
      /校验位错误，应为 6/,
    ],
    [
      'a USCC with a wrong check character',
      { assignee: { name: '某公司', uscc: '91140100MA0K123480', kind: '企业' } },
      'assignee.uscc',
      /校验位错误/,
    ],
    ['a deal without patents', { patents: [] }, 'patents', /至少填写一件专利/],
  ];
  for (const [name, change, field, message] of cases) {
    it(`refuses ${name}`, async () => {
      await open();
      const audit = rows('audit_log');
      const error = await refusedField(licenseDeal(change));
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      for (const table of ['deals', 'organizations', 'patents', 'payments', 'outbox']) expect(rows(table)).toBe(0);
      expect(rows('audit_log')).toBe(audit);
    });
  }

  it('accepts payments above the contract amount once confirmed', async () => {
    await open();
    const result = await desk.call('deals.create', licenseDeal({ amountFen: 10_000_000, confirmOverpayment: true }));
    expect(result.outcome).toBe('new');
  });
});

describe('drafts and attachments', () => {
  it('keeps a draft per user until it is cleared', async () => {
    await open();
    await desk.call('drafts.save', { key: 'deal', data: { contractNo: 'HT-草稿' } });
    expect((await desk.call('drafts.load', { key: 'deal' }))?.data).toEqual({ contractNo: 'HT-草稿' });
    await desk.call('drafts.clear', { key: 'deal' });
    expect(await desk.call('drafts.load', { key: 'deal' })).toBeNull();
  });

  it('copies an attachment into the data folder under its SHA-256 and gives it back unchanged', async () => {
    await open();
    const deal = await desk.call('deals.create', licenseDeal());
    const content = Buffer.from('扫描件内容');
    const added = await desk.call('attachments.add', {
      entity: 'deal',
      entityId: deal.id,
      fileName: '合同.pdf',
      contentBase64: content.toString('base64'),
    });
    expect(added.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await desk.call('deals.get', { id: deal.id })).attachments.map((a) => a.fileName)).toEqual(['合同.pdf']);
    const read = await desk.call('attachments.read', { id: added.id });
    expect(Buffer.from(read.contentBase64, 'base64').toString()).toBe('扫描件内容');
  });
});
