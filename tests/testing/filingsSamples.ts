import type { filingsMethods, MethodInput } from '../../shared/contract/index';
import type { WalkState } from './contractSamples';

type FilingsMethod = keyof typeof filingsMethods;

const university = { name: '太原理工大学', uscc: '121400004052002036', kind: '高校', regionCode: '140100' } as const;
const enterprise = {
  name: '山西示例科技有限公司',
  uscc: '91140100MA0K123488',
  kind: '企业',
  regionCode: '140100',
  size: '小型',
} as const;
const idOf = (state: WalkState, method: FilingsMethod) => (state.get(method) as { id: string }).id;
/** Restores what the walk voided just before, at the version the void made. */
const restoreVoided = (state: WalkState, method: FilingsMethod) => {
  const { id, version } = state.get(method) as { id: string; version: number };
  return { id, version };
};

const deal = {
  kind: '许可',
  licenseMode: '普通',
  contractNo: 'WALK-001',
  contractDate: '2023-03-01',
  recordationDate: '2023-04-10',
  patents: [{ number: '202010310978.3', title: '一种煤矸石综合利用方法', filingDate: '2020-04-21' }],
  assignor: university,
  assignee: enterprise,
  industry: '节能环保',
  amountFen: 50_000_000,
  payments: [{ paidDate: '2023-03-15', amountFen: 20_000_000 }],
} satisfies MethodInput<'deals.create'>;
const pledge = {
  registrationNo: 'WALK-ZY-1',
  pledgor: enterprise,
  pledgeeName: '中国银行太原分行',
  amountFen: 300_000_000,
  registrationDate: '2023-05-01',
  termMonths: 12,
  patents: [{ number: '202010310978.3' }],
} satisfies MethodInput<'pledges.create'>;
const registration = {
  registrationNo: 'WALK-BA-1',
  enterprise,
  productName: '煤矸石砖',
  registrationDate: '2023-06-01',
  outputValueFen: 1_000_000_000,
  patents: [{ number: '202010310978.3' }],
} satisfies MethodInput<'registrations.create'>;
const figures = {
  enterprise,
  year: 2023,
  revenueFen: 5_000_000_000,
  employees: 80,
  sector: '工业',
} satisfies MethodInput<'figures.create'>;
const subsidy = {
  subsidyNo: 'WALK-JB-1',
  recipient: enterprise,
  programName: '专利转化专项奖补',
  amountFen: 10_000_000,
  grantedDate: '2023-12-01',
} satisfies MethodInput<'subsidies.create'>;

/** One valid input per filings method, in contract order (spread into contractSamples). */
export const filingsSamples: { [K in FilingsMethod]: (state: WalkState) => MethodInput<K> } = {
  'deals.create': () => deal,
  'deals.update': (s) => ({ id: idOf(s, 'deals.create'), record: { ...deal, amountFen: 60_000_000 } }),
  'deals.void': (s) => ({ id: idOf(s, 'deals.create'), reason: '走查作废' }),
  'deals.restore': (s) => restoreVoided(s, 'deals.void'),
  'deals.get': (s) => ({ id: idOf(s, 'deals.create') }),
  'deals.list': () => ({ status: 'all', search: '太原理工' }),
  'pledges.create': () => pledge,
  'pledges.update': (s) => ({ id: idOf(s, 'pledges.create'), record: { ...pledge, termMonths: 24 } }),
  'pledges.void': (s) => ({ id: idOf(s, 'pledges.create'), reason: '走查作废' }),
  'pledges.restore': (s) => restoreVoided(s, 'pledges.void'),
  'pledges.get': (s) => ({ id: idOf(s, 'pledges.create') }),
  'pledges.list': () => ({ status: 'all' }),
  'registrations.create': () => registration,
  'registrations.update': (s) => ({
    id: idOf(s, 'registrations.create'),
    record: { ...registration, productName: '煤矸石烧结砖' },
  }),
  'registrations.void': (s) => ({ id: idOf(s, 'registrations.create'), reason: '走查作废' }),
  'registrations.restore': (s) => restoreVoided(s, 'registrations.void'),
  'registrations.get': (s) => ({ id: idOf(s, 'registrations.create') }),
  'registrations.list': () => ({ search: '煤矸石' }),
  'figures.create': () => figures,
  'figures.update': (s) => ({ id: idOf(s, 'figures.create'), record: { ...figures, employees: 90 } }),
  'figures.void': (s) => ({ id: idOf(s, 'figures.create'), reason: '走查作废' }),
  'figures.restore': (s) => restoreVoided(s, 'figures.void'),
  'figures.get': (s) => ({ id: idOf(s, 'figures.create') }),
  'figures.list': () => ({ year: 2023, status: 'all' }),
  'subsidies.create': () => subsidy,
  'subsidies.update': (s) => ({ id: idOf(s, 'subsidies.create'), record: { ...subsidy, amountFen: 12_000_000 } }),
  'subsidies.void': (s) => ({ id: idOf(s, 'subsidies.create'), reason: '走查作废' }),
  'subsidies.restore': (s) => restoreVoided(s, 'subsidies.void'),
  'subsidies.get': (s) => ({ id: idOf(s, 'subsidies.create') }),
  'subsidies.list': () => ({ status: 'voided' }),
  'parties.search': () => ({ query: '示例' }),
  'parties.save': () => ({ ...enterprise, phone: '0351-1234567' }),
  'patents.lookup': () => ({ number: 'ZL202010310978.3' }),
  'drafts.save': () => ({ key: 'deal', data: { contractNo: 'WALK-002' } }),
  'drafts.load': () => ({ key: 'deal' }),
  'drafts.clear': () => ({ key: 'deal' }),
  'attachments.add': (s) => ({
    entity: 'deal',
    entityId: idOf(s, 'deals.create'),
    fileName: '合同扫描件.pdf',
    contentBase64: Buffer.from('%PDF-1.4 walk').toString('base64'),
  }),
  'attachments.read': (s) => ({ id: idOf(s, 'attachments.add') }),
  'attachments.void': (s) => ({ id: idOf(s, 'attachments.add') }),
};
