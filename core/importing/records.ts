import type { ParsedNeed, ParsedSupply } from '../../shared/contract/matching';
/** What the import makes of the sheets' rows: one record per deal, payment, pledge, registration, figures, subsidy. */
import type { ImportSheet } from '../../shared/contract/importing';
import type { PartyKind, EnterpriseSize } from '../../shared/domain/enterprise';
import type { PatentType } from '../../shared/domain/patentNumber';
import type { ParsedRow } from './parseRow';

export interface PartyRecord {
  name: string;
  uscc: string | null;
  kind: PartyKind;
  /** The code given or the region's code for a name; null when the sheet has no location column. */
  regionCode: string | null;
}

export interface PatentRecord {
  number: string;
  type: PatentType;
  title: string;
  filingDate: string | null;
  status: '有效' | '失效' | '届满' | '审中';
}

export interface DealRecord {
  contractNo: string;
  kind: '转让' | '许可' | '作价入股';
  licenseMode: '独占' | '排他' | '普通' | '开放许可' | null;
  patents: PatentRecord[];
  assignor: PartyRecord;
  assignee: PartyRecord;
  assigneeSize: EnterpriseSize | null;
  industry: string;
  contractDate: string;
  recordationDate: string | null;
  amountFen: number;
  licenseEndDate: string | null;
}

export interface PaymentRecord {
  contractNo: string;
  paidDate: string;
  amountFen: number;
  voucherNo: string;
}

export interface PledgeRecord {
  registrationNo: string;
  pledgor: PartyRecord;
  pledgeeName: string;
  patents: Pick<PatentRecord, 'number' | 'type'>[];
  amountFen: number;
  registrationDate: string;
  termMonths: number | null;
}

export interface RegistrationRecord {
  registrationNo: string;
  enterprise: PartyRecord;
  enterpriseSize: EnterpriseSize | null;
  productName: string;
  patents: Pick<PatentRecord, 'number' | 'type'>[];
  registrationDate: string;
  outputValueFen: number | null;
}

export interface FiguresRecord {
  enterprise: PartyRecord;
  year: number;
  revenueFen: number | null;
  employees: number | null;
  sector: string | null;
}

export interface SubsidyRecord {
  subsidyNo: string;
  recipient: PartyRecord;
  programName: string;
  amountFen: number;
  grantedDate: string;
  dealContractNo: string | null;
  pledgeRegistrationNo: string | null;
}

export type RecordOf = {
  交易: DealRecord;
  到账: PaymentRecord;
  质押: PledgeRecord;
  产品备案: RegistrationRecord;
  企业年度数据: FiguresRecord;
  奖补: SubsidyRecord;
  // The pool's sheets build the very input the forms send.
  专利供给: ParsedSupply;
  技术需求: ParsedNeed;
};

/** A record with the rows it came from (several for a deal, pledge or registration of several patents). */
export interface SourcedRecord<S extends ImportSheet> {
  sheet: S;
  /** The worksheet's own name, as the report shows it. */
  sheetName: string;
  rows: ParsedRow[];
  record: RecordOf[S];
}
