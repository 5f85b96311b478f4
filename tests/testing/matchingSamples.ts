import type { MethodInput } from '../../shared/contract/index';
import type { matchingMethods } from '../../shared/contract/matching';
import type { WalkState } from './contractSamples';

type MatchingMethod = keyof typeof matchingMethods;

const university = { name: '中北大学', kind: '高校', regionCode: '140100' } as const;
const enterprise = { name: '长治示例电池有限公司', kind: '企业', regionCode: '140400', size: '小型' } as const;
const idOf = (state: WalkState, method: MatchingMethod) => (state.get(method) as { id: string }).id;

const supply = {
  patentNumber: '202311303481.9',
  title: '一种石墨烯改性锂离子电池负极材料及其制备方法',
  owner: university,
  industry: '碳基新材料',
  ipcClass: 'H01M 4/36',
  keywords: '石墨烯,负极材料,锂离子电池',
  abstract: '本发明公开了一种石墨烯改性的硅碳负极材料，循环寿命长。',
  openLicense: true,
  openLicenseFeeFen: 2_000_000,
  openLicenseYears: 3,
} satisfies MethodInput<'matching.supply.save'>['record'];

export const matchingSamples: { [K in MatchingMethod]: (state: WalkState) => MethodInput<K> } = {
  'matching.supply.save': () => ({ record: supply }),
  'matching.supply.list': () => ({ openLicenseOnly: true }),
  'matching.needs.save': () => ({
    record: {
      needNo: 'WALK-XQ-1',
      enterprise,
      industry: '碳基新材料',
      needText: '需要提高锂离子电池负极材料的循环寿命',
      keywords: '负极材料',
      urgency: '较急',
    },
  }),
  'matching.needs.list': () => ({ search: '负极' }),
  'matching.forNeed': (s) => ({ needId: idOf(s, 'matching.needs.save') }),
  'matching.forSupply': (s) => ({ supplyId: idOf(s, 'matching.supply.save') }),
  'matching.matchmakings.save': (s) => ({
    record: {
      needId: idOf(s, 'matching.needs.save'),
      supplyId: idOf(s, 'matching.supply.save'),
      eventDate: '2023-05-01',
      event: '走查对接会',
    },
  }),
  'matching.matchmakings.list': () => ({}),
  'matching.matchmakings.get': (s) => ({ id: idOf(s, 'matching.matchmakings.save') }),
  'matching.recordDeal': (s) => ({
    supplyId: idOf(s, 'matching.supply.save'),
    matchmakingId: idOf(s, 'matching.matchmakings.save'),
    deal: {
      kind: '许可',
      licenseMode: '开放许可',
      contractNo: 'WALK-KF-1',
      contractDate: '2023-06-01',
      patents: [{ number: supply.patentNumber, title: supply.title }],
      assignor: university,
      assignee: enterprise,
      industry: '碳基新材料',
      amountFen: 2_000_000,
    },
  }),
  'matching.funnel': () => ({ year: 2023 }),
};
