/**
 * Writes the assembled records through the filings write functions — the same checks, audit and outbox as the
 * forms — inside the caller's transaction. When the valid rows are kept, each record runs in its own savepoint, so a
 * record refused by a filings check leaves nothing of itself behind. All or nothing needs no savepoints: any refusal
 * rolls the caller's whole transaction back, so nothing a refused record wrote before its refusal is ever kept.
 */
import type { Statement } from 'better-sqlite3';
import type { ParsedParty } from '../../shared/contract/filings/parties';
import type { ImportSheet, RejectedRow } from '../../shared/contract/importing';
import type { Writer } from '../service/context';
import { DeskError } from '../service/errors';
import { upsertDeal } from '../filings/deals';
import { upsertEnterpriseFigures } from '../filings/figures';
import { upsertPayment } from '../filings/payments';
import { upsertPledge } from '../filings/pledges';
import { upsertRegistration } from '../filings/registrations';
import { upsertSubsidy } from '../filings/subsidies';
import { upsertNeed } from '../matching/needs';
import { upsertSupply } from '../matching/supply';
import { storedPartyKind } from './partyKind';
import { shownValue } from './cells';
import type { ParsedRow } from './parseRow';
import type { PartyRecord, RecordOf, SourcedRecord } from './records';
import { sheetSpec } from './sheets';

export type Outcome = 'new' | 'updated' | 'unchanged';

export interface WriteTarget {
  regionCode: string;
  actorId: string | null;
}

/**
 * Sheets are written in this order: figures first, so that a deal's assignee already has the size its figures give
 * (otherwise the second import would fill it in and version the party again); deals and pledges before the payments
 * and subsidies that name them.
 */
export const WRITE_ORDER: readonly ImportSheet[] = [
  '企业年度数据',
  '交易',
  '质押',
  '产品备案',
  '到账',
  '奖补',
  '专利供给',
  '技术需求',
];

function partyInput(party: PartyRecord, kind = party.kind): ParsedParty {
  return {
    name: party.name,
    uscc: kind === '个人' ? null : party.uscc,
    kind,
    regionCode: party.regionCode,
    // The file is the caseworker's confirmation: a code failing only its embedded org-code check was issued (DOMAIN §3).
    confirmUsccWarning: true,
  };
}

function withStoredKind(w: Writer, party: PartyRecord): ParsedParty {
  return partyInput(party, storedPartyKind(w.db, party));
}

/** What one record's write did, and the deal whose anomaly checks it touches (a deal, or a payment's deal). */
interface Written {
  outcome: Outcome;
  dealId?: string;
}

const dealIdStatements = new WeakMap<Writer['db'], Statement>();

function dealIdOf(w: Writer, regionCode: string, contractNo: string): string | undefined {
  let statement = dealIdStatements.get(w.db);
  if (!statement) {
    statement = w.db
      .prepare('SELECT id FROM deals WHERE region_code = ? AND contract_no = ? AND voided_at IS NULL')
      .pluck();
    dealIdStatements.set(w.db, statement);
  }
  return statement.get(regionCode, contractNo) as string | undefined;
}

type WriteFn<S extends ImportSheet> = (w: Writer, record: RecordOf[S], target: WriteTarget) => Written;

const plain = (result: { outcome: Outcome }): Written => ({ outcome: result.outcome });

const WRITERS: { [S in ImportSheet]: WriteFn<S> } = {
  交易: (w, d, t) => {
    const written = upsertDeal(
      w,
      {
        kind: d.kind,
        licenseMode: d.licenseMode,
        contractNo: d.contractNo,
        contractDate: d.contractDate,
        recordationDate: d.recordationDate,
        licenseEndDate: d.licenseEndDate,
        patents: d.patents.map((p) => ({
          number: p.number,
          title: p.title || null,
          filingDate: p.filingDate,
          status: p.status,
        })),
        assignor: partyInput(d.assignor),
        assignee: partyInput(d.assignee),
        assigneeSize: d.assigneeSize,
        industry: d.industry as never,
        amountFen: d.amountFen,
      },
      { regionCode: t.regionCode, actorId: t.actorId },
    );
    return { outcome: written.outcome, dealId: written.id };
  },
  到账: (w, p, t) => {
    const dealId = dealIdOf(w, t.regionCode, p.contractNo);
    if (!dealId) {
      throw new DeskError(
        'VALIDATION',
        `找不到合同编号为 ${p.contractNo} 的交易：请在本文件“交易”表中填写该交易，或先录入该交易`,
        { field: 'contractNo' },
      );
    }
    const written = upsertPayment(w, dealId, {
      paidDate: p.paidDate,
      amountFen: p.amountFen,
      voucherNo: p.voucherNo,
      confirmOverpayment: false,
    });
    return { outcome: written.outcome, dealId };
  },
  质押: (w, p, t) =>
    plain(
      upsertPledge(
        w,
        {
          registrationNo: p.registrationNo,
          pledgor: withStoredKind(w, p.pledgor),
          pledgeeName: p.pledgeeName,
          amountFen: p.amountFen,
          registrationDate: p.registrationDate,
          termMonths: p.termMonths,
          patents: p.patents.map((x) => ({ number: x.number })),
        },
        t,
      ),
    ),
  产品备案: (w, r, t) =>
    plain(
      upsertRegistration(
        w,
        {
          registrationNo: r.registrationNo,
          enterprise: withStoredKind(w, r.enterprise),
          enterpriseSize: r.enterpriseSize,
          productName: r.productName,
          registrationDate: r.registrationDate,
          outputValueFen: r.outputValueFen,
          patents: r.patents.map((x) => ({ number: x.number })),
        },
        t,
      ),
    ),
  企业年度数据: (w, f) =>
    plain(
      upsertEnterpriseFigures(w, {
        enterprise: withStoredKind(w, f.enterprise),
        year: f.year,
        revenueFen: f.revenueFen,
        employees: f.employees,
        sector: f.sector as never,
      }),
    ),
  奖补: (w, s, t) =>
    plain(
      upsertSubsidy(
        w,
        {
          subsidyNo: s.subsidyNo,
          recipient: withStoredKind(w, s.recipient),
          programName: s.programName,
          amountFen: s.amountFen,
          grantedDate: s.grantedDate,
          dealContractNo: s.dealContractNo,
          pledgeRegistrationNo: s.pledgeRegistrationNo,
        },
        t,
      ),
    ),
  // The pool's rows are the forms' input: the same upsert, by 专利号 / 需求编号 within the region.
  专利供给: (w, s, t) => plain(upsertSupply(w, s, t)),
  技术需求: (w, n, t) => plain(upsertNeed(w, n, t)),
};

// Where a filings check's field path lands on the sheet: [field prefix, column]. Longest prefix wins.
const FIELD_COLUMNS: Record<ImportSheet, [string, string][]> = {
  交易: [
    ['contractNo', '合同编号'],
    ['kind', '交易类型'],
    ['licenseMode', '许可方式'],
    ['contractDate', '合同日期'],
    ['recordationDate', '备案日期'],
    ['licenseEndDate', '许可期限止'],
    ['amountFen', '成交金额（万元）'],
    ['industry', '所属产业'],
    ['assigneeSize', '受让方规模'],
    ['assignor.uscc', '让与方统一社会信用代码'],
    ['assignor.regionCode', '让与方所在地'],
    ['assignor.kind', '让与方类型'],
    ['assignor', '让与方名称'],
    ['assignee.uscc', '受让方统一社会信用代码'],
    ['assignee.regionCode', '受让方所在地'],
    ['assignee.kind', '受让方类型'],
    ['assignee', '受让方名称'],
  ],
  到账: [
    ['contractNo', '合同编号'],
    ['dealId', '合同编号'],
    ['paidDate', '到账日期'],
    ['amountFen', '到账金额（万元）'],
    ['voucherNo', '凭证号'],
  ],
  质押: [
    ['registrationNo', '质押登记号'],
    ['pledgor.uscc', '出质人统一社会信用代码'],
    ['pledgor.regionCode', '出质人所在地'],
    ['pledgor', '出质人名称'],
    ['pledgeeName', '质权人'],
    ['amountFen', '融资金额（万元）'],
    ['registrationDate', '登记日期'],
    ['termMonths', '期限（月）'],
  ],
  产品备案: [
    ['registrationNo', '备案号'],
    ['enterprise.uscc', '企业统一社会信用代码'],
    ['enterprise.regionCode', '企业所在地'],
    ['enterprise', '企业名称'],
    ['enterpriseSize', '企业规模'],
    ['productName', '产品名称'],
    ['registrationDate', '备案日期'],
    ['outputValueFen', '产值（万元）'],
  ],
  企业年度数据: [
    ['enterprise.uscc', '统一社会信用代码'],
    ['enterprise', '企业名称'],
    ['year', '年度'],
    ['revenueFen', '营业收入（万元）'],
    ['employees', '就业人数'],
    ['sector', '行业门类'],
  ],
  奖补: [
    ['subsidyNo', '奖补编号'],
    ['recipient.uscc', '统一社会信用代码'],
    ['recipient', '受奖单位名称'],
    ['programName', '项目名称'],
    ['amountFen', '金额（万元）'],
    ['grantedDate', '日期'],
    ['dealContractNo', '关联合同编号'],
    ['pledgeRegistrationNo', '关联质押登记号'],
  ],
  专利供给: [
    ['patentNumber', '专利号'],
    ['title', '专利名称'],
    ['owner.uscc', '权利人统一社会信用代码'],
    ['owner.regionCode', '权利人所在地'],
    ['owner.kind', '权利人类型'],
    ['owner', '权利人名称'],
    ['industry', '所属产业'],
    ['ipcClass', 'IPC分类号'],
    ['keywords', '关键词'],
    ['abstract', '摘要'],
    ['askingTerms', '转化意向与报价'],
    ['openLicenseFeeFen', '开放许可使用费（万元）'],
    ['openLicenseYears', '开放许可期限（年）'],
    ['status', '状态'],
  ],
  技术需求: [
    ['needNo', '需求编号'],
    ['enterprise.uscc', '企业统一社会信用代码'],
    ['enterprise.regionCode', '企业所在地'],
    ['enterprise.size', '企业规模'],
    ['enterprise', '企业名称'],
    ['industry', '所属产业'],
    ['needText', '需求描述'],
    ['keywords', '关键词'],
    ['budgetFen', '预算（万元）'],
    ['urgency', '紧迫程度'],
  ],
};

const PATENT_FIELD_COLUMNS: Record<string, string> = {
  number: '专利号',
  title: '专利名称',
  filingDate: '申请日',
  status: '专利状态',
};

/** The sheet row and column a refusal of the filings checks is about. */
function locate(source: SourcedRecord<ImportSheet>, field: string | undefined): RejectedRow {
  const patent = /^patents\.(\d+)(?:\.(\w+))?/.exec(field ?? '');
  const row = (patent ? source.rows[Number(patent[1])] : undefined) ?? (source.rows[0] as ParsedRow);
  const column = patent
    ? (PATENT_FIELD_COLUMNS[patent[2] ?? 'number'] ?? '专利号')
    : (FIELD_COLUMNS[source.sheet].find(([prefix]) => field === prefix || field?.startsWith(`${prefix}.`))?.[1] ??
      sheetSpec(source.sheet).columns[0]?.header ??
      '');
  const index = sheetSpec(source.sheet).columns.findIndex((c) => c.header === column);
  return { sheet: source.sheetName, row: row.rowNumber, column, value: shownValue(row.raw[index] ?? null), reason: '' };
}

export interface WriteResult {
  outcomes: Map<SourcedRecord<ImportSheet>, Outcome>;
  rejected: RejectedRow[];
  /** Deals created or changed, or given a new payment: the anomaly checks run on them. */
  touchedDealIds: string[];
}

export function writeRecords(
  w: Writer,
  records: SourcedRecord<ImportSheet>[],
  target: WriteTarget,
  /**
   * Valid rows only: the good records are kept, so each record gets a savepoint, and the other rows of a refused
   * deal, pledge or registration are listed too (they are not imported).
   */
  validOnly = false,
): WriteResult {
  const outcomes = new Map<SourcedRecord<ImportSheet>, Outcome>();
  const rejected: RejectedRow[] = [];
  const touched = new Set<string>();
  // In a savepoint, a refused record takes its party and patent writes with it.
  const run = validOnly ? (write: () => Written) => w.savepoint(write) : (write: () => Written) => write();
  const ordered = WRITE_ORDER.flatMap((sheet) => records.filter((r) => r.sheet === sheet));
  for (const source of ordered) {
    const write = WRITERS[source.sheet] as WriteFn<ImportSheet>;
    try {
      const written = run(() => write(w, source.record, target));
      outcomes.set(source, written.outcome);
      if (written.dealId && written.outcome !== 'unchanged') touched.add(written.dealId);
    } catch (error) {
      if (!(error instanceof DeskError)) throw error;
      const refused = locate(source, error.extra.field);
      rejected.push({ ...refused, reason: error.message });
      const groupBy = sheetSpec(source.sheet).groupBy;
      if (validOnly && groupBy) {
        for (const row of source.rows) {
          if (row.rowNumber === refused.row) continue;
          rejected.push({
            sheet: source.sheetName,
            row: row.rowNumber,
            column: groupBy,
            value: shownValue(row.raw[0] ?? null),
            reason: `同一${groupBy}的第 ${refused.row} 行有误，整条记录未导入`,
          });
        }
      }
    }
  }
  return { outcomes, rejected, touchedDealIds: [...touched] };
}
