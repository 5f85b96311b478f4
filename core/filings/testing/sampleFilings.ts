import type { DealInput } from '../../../shared/contract/filings/deals';
import type { PartyInput } from '../../../shared/contract/filings/parties';

/** Valid filings for tests: real check characters, Shanxi parties. */
export const UNIVERSITY: PartyInput = {
  name: '太原理工大学',
  uscc: '121400004052002036',
  kind: '高校',
  regionCode: '140100',
};
export const ENTERPRISE: PartyInput = {
  name: '山西示例科技有限公司',
  uscc: '91140100MA0K123488',
  kind: '企业',
  regionCode: '140100',
  size: '小型',
};

export function licenseDeal(overrides: Partial<DealInput> = {}): DealInput {
  return {
    kind: '许可',
    licenseMode: '普通',
    contractNo: 'HT-2023-001',
    contractDate: '2023-03-01',
    recordationDate: '2023-04-10',
    patents: [
      { number: '202010310978.3', title: '一种煤矸石综合利用方法', filingDate: '2020-04-21', status: '有效' },
      { number: 'ZL 2023 1 1303481.9', title: '一种光伏组件清洗装置', filingDate: '2023-10-12' },
    ],
    assignor: UNIVERSITY,
    assignee: ENTERPRISE,
    industry: '节能环保',
    amountFen: 50_000_000,
    payments: [
      { paidDate: '2023-03-15', amountFen: 20_000_000, voucherNo: 'P1' },
      { paidDate: '2023-06-15', amountFen: 30_000_000, voucherNo: 'P2' },
    ],
    ...overrides,
  };
}
