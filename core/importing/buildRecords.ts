/**
 * From parsed rows to records, per sheet: the rules that span cells of one row (a license needs its mode, only a
 * license has an end date) and the patents of a group's rows. Problems name the column they are about.
 */
import type { ImportSheet } from '../../shared/contract/importing';
import type { EnterpriseSize, PartyKind } from '../../shared/domain/enterprise';
import type { Industry } from '../../shared/domain/industries';
import { shownValue, type PatentValue, type RegionValue } from './cells';
import type { ParsedRow, Problem } from './parseRow';
import type { DealRecord, PartyRecord, PatentRecord, RecordOf } from './records';
import { sheetSpec } from './sheets';

type Built<T> = { ok: true; record: T } | { ok: false; problems: (Problem & { row: number })[] };

function reader(sheet: ImportSheet) {
  const headers = sheetSpec(sheet).columns.map((c) => c.header);
  const at = (header: string) => {
    const i = headers.indexOf(header);
    if (i < 0) throw new RangeError(`sheet ${sheet} has no column ${header}`);
    return i;
  };
  return {
    text: (row: ParsedRow, header: string) => (row.values[at(header)] as string | null) ?? null,
    num: (row: ParsedRow, header: string) => (row.values[at(header)] as number | null) ?? null,
    region: (row: ParsedRow, header: string) => (row.values[at(header)] as RegionValue | null) ?? null,
    patent: (row: ParsedRow, header: string) => (row.values[at(header)] as PatentValue | null) ?? null,
    shown: (row: ParsedRow, header: string) => shownValue(row.raw[at(header)] ?? null),
  };
}

const deal = reader('交易');
const payment = reader('到账');
const pledge = reader('质押');
const registration = reader('产品备案');
const figures = reader('企业年度数据');
const subsidy = reader('奖补');
const supply = reader('专利供给');
const need = reader('技术需求');

function party(name: string | null, uscc: string | null, kind: PartyKind, region: RegionValue | null): PartyRecord {
  return { name: name ?? '', uscc, kind, regionCode: region?.code ?? null };
}

/** Rules within one deal row, beyond each cell's own kind. */
export function dealRowProblems(row: ParsedRow): Problem[] {
  const problems: Problem[] = [];
  const kind = deal.text(row, '交易类型');
  const mode = deal.text(row, '许可方式');
  if (kind === '许可' && mode === null && deal.shown(row, '许可方式') === '') {
    problems.push({ column: '许可方式', value: '', reason: '许可须填写许可方式：独占、排他、普通 或 开放许可' });
  }
  if (kind !== null && kind !== '许可' && mode !== null) {
    problems.push({
      column: '许可方式',
      value: deal.shown(row, '许可方式'),
      reason: `${kind}不填许可方式（仅许可填写）`,
    });
  }
  if (kind !== null && kind !== '许可' && deal.text(row, '许可期限止') !== null) {
    problems.push({
      column: '许可期限止',
      value: deal.shown(row, '许可期限止'),
      reason: `${kind}不填许可期限止（仅许可填写）`,
    });
  }
  const contractDate = deal.text(row, '合同日期');
  const end = deal.text(row, '许可期限止');
  if (contractDate && end && end < contractDate) {
    problems.push({
      column: '许可期限止',
      value: deal.shown(row, '许可期限止'),
      reason: `许可期限止（${end}）早于合同日期（${contractDate}）`,
    });
  }
  return problems;
}

function patentOf(row: ParsedRow): PatentRecord {
  const p = deal.patent(row, '专利号') as PatentValue;
  return {
    number: p.number,
    type: p.type,
    title: deal.text(row, '专利名称') ?? '',
    filingDate: deal.text(row, '申请日'),
    status: (deal.text(row, '专利状态') ?? '有效') as PatentRecord['status'],
  };
}

/** Patents of a group's rows; the same patent twice in one record is refused on its second row. */
function patentsOf<P extends { number: string }>(
  rows: ParsedRow[],
  read: (row: ParsedRow) => P,
  label: string,
): Built<P[]> {
  const seen = new Map<string, number>();
  const patents: P[] = [];
  const problems: (Problem & { row: number })[] = [];
  for (const row of rows) {
    const p = read(row);
    const first = seen.get(p.number);
    if (first !== undefined) {
      problems.push({
        row: row.rowNumber,
        column: '专利号',
        value: p.number,
        reason: `专利号与第 ${first} 行重复（同一${label}中每个专利只填一行）`,
      });
    } else {
      seen.set(p.number, row.rowNumber);
      patents.push(p);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, record: patents };
}

export function buildDeal(rows: ParsedRow[]): Built<DealRecord> {
  const first = rows[0] as ParsedRow;
  const patents = patentsOf(rows, patentOf, '合同');
  if (!patents.ok) return patents;
  return {
    ok: true,
    record: {
      contractNo: deal.text(first, '合同编号') as string,
      kind: deal.text(first, '交易类型') as DealRecord['kind'],
      licenseMode: deal.text(first, '许可方式') as DealRecord['licenseMode'],
      patents: patents.record,
      assignor: party(
        deal.text(first, '让与方名称'),
        deal.text(first, '让与方统一社会信用代码'),
        deal.text(first, '让与方类型') as PartyKind,
        deal.region(first, '让与方所在地'),
      ),
      assignee: party(
        deal.text(first, '受让方名称'),
        deal.text(first, '受让方统一社会信用代码'),
        deal.text(first, '受让方类型') as PartyKind,
        deal.region(first, '受让方所在地'),
      ),
      assigneeSize: deal.text(first, '受让方规模') as EnterpriseSize | null,
      industry: deal.text(first, '所属产业') ?? '其他',
      contractDate: deal.text(first, '合同日期') as string,
      recordationDate: deal.text(first, '备案日期'),
      amountFen: deal.num(first, '成交金额（万元）') as number,
      licenseEndDate: deal.text(first, '许可期限止'),
    },
  };
}

export function buildPayment(row: ParsedRow): RecordOf['到账'] {
  return {
    contractNo: payment.text(row, '合同编号') as string,
    paidDate: payment.text(row, '到账日期') as string,
    amountFen: payment.num(row, '到账金额（万元）') as number,
    voucherNo: payment.text(row, '凭证号') ?? '',
  };
}

export function paymentRowProblems(row: ParsedRow): Problem[] {
  return payment.num(row, '到账金额（万元）') === 0
    ? [{ column: '到账金额（万元）', value: payment.shown(row, '到账金额（万元）'), reason: '到账金额应大于 0' }]
    : [];
}

const patentNumberOf = (read: ReturnType<typeof reader>) => (row: ParsedRow) => {
  const p = read.patent(row, '专利号') as PatentValue;
  return { number: p.number, type: p.type };
};

type PatentNumber = Pick<PatentRecord, 'number' | 'type'>;

/** A record of several patent rows: built from its first row, with the patents of all its rows. */
function withPatents<T>(
  rows: ParsedRow[],
  read: ReturnType<typeof reader>,
  label: string,
  build: (first: ParsedRow, patents: PatentNumber[]) => T,
): Built<T> {
  const patents = patentsOf(rows, patentNumberOf(read), label);
  return patents.ok ? { ok: true, record: build(rows[0] as ParsedRow, patents.record) } : patents;
}

export function buildPledge(rows: ParsedRow[]): Built<RecordOf['质押']> {
  return withPatents(rows, pledge, '质押', (first, patents) => ({
    registrationNo: pledge.text(first, '质押登记号') as string,
    pledgor: party(
      pledge.text(first, '出质人名称'),
      pledge.text(first, '出质人统一社会信用代码'),
      '企业',
      pledge.region(first, '出质人所在地'),
    ),
    pledgeeName: pledge.text(first, '质权人') as string,
    patents,
    amountFen: pledge.num(first, '融资金额（万元）') as number,
    registrationDate: pledge.text(first, '登记日期') as string,
    termMonths: pledge.num(first, '期限（月）'),
  }));
}

export function buildRegistration(rows: ParsedRow[]): Built<RecordOf['产品备案']> {
  return withPatents(rows, registration, '备案', (first, patents) => ({
    registrationNo: registration.text(first, '备案号') as string,
    enterprise: party(
      registration.text(first, '企业名称'),
      registration.text(first, '企业统一社会信用代码'),
      '企业',
      registration.region(first, '企业所在地'),
    ),
    enterpriseSize: registration.text(first, '企业规模') as EnterpriseSize | null,
    productName: registration.text(first, '产品名称') as string,
    patents,
    registrationDate: registration.text(first, '备案日期') as string,
    outputValueFen: registration.num(first, '产值（万元）'),
  }));
}

export function buildFigures(row: ParsedRow): RecordOf['企业年度数据'] {
  return {
    enterprise: party(figures.text(row, '企业名称'), figures.text(row, '统一社会信用代码'), '企业', null),
    year: figures.num(row, '年度') as number,
    revenueFen: figures.num(row, '营业收入（万元）'),
    employees: figures.num(row, '就业人数'),
    sector: figures.text(row, '行业门类'),
  };
}

export function buildSubsidy(row: ParsedRow): RecordOf['奖补'] {
  return {
    subsidyNo: subsidy.text(row, '奖补编号') as string,
    recipient: party(subsidy.text(row, '受奖单位名称'), subsidy.text(row, '统一社会信用代码'), '企业', null),
    programName: subsidy.text(row, '项目名称') as string,
    amountFen: subsidy.num(row, '金额（万元）') as number,
    grantedDate: subsidy.text(row, '日期') as string,
    dealContractNo: subsidy.text(row, '关联合同编号'),
    pledgeRegistrationNo: subsidy.text(row, '关联质押登记号'),
  };
}

export function buildSupply(row: ParsedRow): RecordOf['专利供给'] {
  const open = supply.text(row, '开放许可') === '是';
  return {
    patentNumber: supply.patent(row, '专利号')?.number as string,
    title: supply.text(row, '专利名称') as string,
    owner: {
      ...party(
        supply.text(row, '权利人名称'),
        supply.text(row, '权利人统一社会信用代码'),
        supply.text(row, '权利人类型') as PartyKind,
        supply.region(row, '权利人所在地'),
      ),
      confirmUsccWarning: true,
    },
    industry: (supply.text(row, '所属产业') ?? '其他') as Industry,
    ipcClass: supply.text(row, 'IPC分类号'),
    keywords: supply.text(row, '关键词'),
    abstract: supply.text(row, '摘要'),
    askingTerms: supply.text(row, '转化意向与报价'),
    openLicense: open,
    openLicenseFeeFen: supply.num(row, '开放许可使用费（万元）'),
    openLicenseYears: supply.num(row, '开放许可期限（年）'),
    status: (supply.text(row, '状态') ?? '在库') as RecordOf['专利供给']['status'],
  };
}

export function buildNeed(row: ParsedRow): RecordOf['技术需求'] {
  return {
    needNo: need.text(row, '需求编号') as string,
    enterprise: {
      ...party(
        need.text(row, '企业名称'),
        need.text(row, '企业统一社会信用代码'),
        '企业',
        need.region(row, '企业所在地'),
      ),
      size: need.text(row, '企业规模') as EnterpriseSize | null,
      confirmUsccWarning: true,
    },
    industry: (need.text(row, '所属产业') ?? '其他') as Industry,
    needText: need.text(row, '需求描述') as string,
    keywords: need.text(row, '关键词'),
    budgetFen: need.num(row, '预算（万元）'),
    urgency: (need.text(row, '紧迫程度') ?? '一般') as RecordOf['技术需求']['urgency'],
  };
}
