import type { ReactNode } from 'react';
import type { AttachmentView } from '../../../../shared/contract/filings/attachments';
import type { DealDetail, MatchmakingView } from '../../../../shared/contract/filings/deals';
import type { PartyView } from '../../../../shared/contract/filings/parties';
import type { PatentView } from '../../../../shared/contract/filings/patents';
import type { KindKey } from '../kinds';
import { region, text, wan } from '../format';

/** What every detail has in common, whatever its kind. */
export interface AnyDetail {
  id: string;
  version: number;
  voidedAt: string | null;
  voidReason: string | null;
  updatedAt: string;
  patents?: PatentView[];
  payments?: DealDetail['payments'];
  attachments: AttachmentView[];
  flags?: { id: string; ruleId: string; status: string; explanation: string }[];
  fromMatchmakings?: MatchmakingView[];
  [key: string]: unknown;
}

const party = (p: unknown) => {
  const v = p as PartyView;
  return `${v.name}${v.uscc ? `（${v.uscc}）` : ''} · ${v.kind}${v.regionCode ? ` · ${region(v.regionCode)}` : ''}${v.size ? ` · ${v.size}` : ''}`;
};
const s = (d: AnyDetail, k: string) => d[k] as string | null;
const n = (d: AnyDetail, k: string) => d[k] as number | null;

/** The labelled fields of a record's detail, in the order of its form, and then its version. */
export function fieldsOf(kind: KindKey, d: AnyDetail): [string, ReactNode][] {
  return [...fieldsOfKind(kind, d), ['版本', `第 ${d.version} 版`]];
}

function fieldsOfKind(kind: KindKey, d: AnyDetail): [string, ReactNode][] {
  switch (kind) {
    case 'deals':
      return [
        ['合同编号', s(d, 'contractNo')],
        ['交易类型', `${s(d, 'kind')}${d.licenseMode ? `（${s(d, 'licenseMode')}）` : ''}`],
        ['合同日期', s(d, 'contractDate')],
        ['备案（登记）日期', text(s(d, 'recordationDate'))],
        ['许可期限止', text(s(d, 'licenseEndDate'))],
        ['所属产业', s(d, 'industry')],
        ['让与方', party(d.assignor)],
        ['受让方', party(d.assignee)],
        ['成交金额', wan(n(d, 'amountFen'))],
        ['实际到账', wan(n(d, 'paidFen'))],
        ['登记地区', region(s(d, 'regionCode'))],
      ];
    case 'pledges':
      return [
        ['质押登记号', s(d, 'registrationNo')],
        ['出质人', party(d.pledgor)],
        ['质权人', s(d, 'pledgeeName')],
        ['融资金额', wan(n(d, 'amountFen'))],
        ['登记日期', s(d, 'registrationDate')],
        ['期限', d.termMonths ? `${n(d, 'termMonths')} 个月` : '—'],
      ];
    case 'registrations':
      return [
        ['备案号', s(d, 'registrationNo')],
        ['企业', party(d.enterprise)],
        ['企业规模', text(s(d, 'enterpriseSize'))],
        ['产品名称', s(d, 'productName')],
        ['备案日期', s(d, 'registrationDate')],
        ['产值', wan(n(d, 'outputValueFen'))],
      ];
    case 'figures':
      return [
        ['企业', party(d.enterprise)],
        ['年度', n(d, 'year')],
        ['营业收入', wan(n(d, 'revenueFen'))],
        ['就业人数', text(n(d, 'employees'))],
        ['行业门类', text(s(d, 'sector'))],
      ];
    case 'subsidies':
      return [
        ['奖补编号', s(d, 'subsidyNo')],
        ['受奖单位', party(d.recipient)],
        ['项目名称', s(d, 'programName')],
        ['金额', wan(n(d, 'amountFen'))],
        ['日期', s(d, 'grantedDate')],
        ['关联交易', text(s(d, 'dealContractNo'))],
        ['关联质押', text(s(d, 'pledgeRegistrationNo'))],
        ['追回', text(s(d, 'clawedBackAt'))],
      ];
  }
}
