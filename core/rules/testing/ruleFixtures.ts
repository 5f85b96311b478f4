import type Database from 'better-sqlite3';
import { newId } from '../../store/ids';
import { normalizeOrgName } from '../../../shared/domain/text';

/**
 * Test builder: inserts real rows into a real store through plain SQL, with defaults for everything a rule does
 * not look at. Money in 分; amounts given in 万元 are converted exactly (integers only in tests).
 */
export function ruleFixtures(db: Database.Database) {
  const at = '2024-01-01T00:00:00.000Z';
  let patentSerial = 0;
  let contractSerial = 0;

  function org(o: {
    name: string;
    uscc?: string | null;
    kind?: string;
    size?: string | null;
    sector?: string | null;
    legalRep?: string;
    phone?: string;
    address?: string;
    region?: string;
  }): string {
    const id = newId();
    db.prepare(
      `INSERT INTO organizations (id, name, name_norm, uscc, kind, region_code, city_code, size, sector, legal_rep, phone, address, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      o.name,
      normalizeOrgName(o.name),
      o.uscc ?? null,
      o.kind ?? '企业',
      o.region ?? '140100',
      o.region ?? '140100',
      o.size ?? null,
      o.sector ?? null,
      o.legalRep ?? null,
      o.phone ?? null,
      o.address ?? null,
      at,
      at,
    );
    return id;
  }

  function patent(
    p: { type?: '发明' | '实用新型' | '外观设计'; filingDate?: string | null; status?: string; number?: string } = {},
  ): string {
    const number =
      p.number ??
      `2019${p.type === '实用新型' ? 2 : p.type === '外观设计' ? 3 : 1}${String(++patentSerial).padStart(7, '0')}.0`;
    db.prepare(
      'INSERT OR IGNORE INTO patents (number, type, title, filing_date, status, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(
      number,
      p.type ?? '发明',
      '测试专利',
      p.filingDate === undefined ? '2019-05-01' : p.filingDate,
      p.status ?? '有效',
      at,
    );
    return number;
  }

  function deal(d: {
    assignor: string;
    assignee: string;
    patents: string[];
    kind?: '转让' | '许可' | '作价入股';
    licenseMode?: '独占' | '排他' | '普通' | '开放许可';
    contractNo?: string;
    contractDate?: string;
    recordationDate?: string | null;
    licenseEndDate?: string | null;
    amountWan?: number;
    amountFen?: number;
    assigneeSize?: string | null;
    region?: string;
    createdBy?: string | null;
  }): string {
    const id = newId();
    const kind = d.kind ?? '转让';
    const contractDate = d.contractDate ?? '2023-03-01';
    db.prepare(
      `INSERT INTO deals (id, region_code, contract_no, kind, license_mode, assignor_id, assignee_id, assignee_size, contract_date, recordation_date,
         amount_fen, license_end_date, patent_count, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      d.region ?? '140100',
      d.contractNo ?? `HT-${++contractSerial}`,
      kind,
      kind === '许可' ? (d.licenseMode ?? '普通') : null,
      d.assignor,
      d.assignee,
      d.assigneeSize ?? null,
      contractDate,
      d.recordationDate === undefined ? contractDate : d.recordationDate,
      d.amountFen ?? (d.amountWan ?? 50) * 1_000_000,
      d.licenseEndDate ?? null,
      d.patents.length,
      at,
      d.createdBy ?? null,
      at,
    );
    d.patents.forEach((p, i) =>
      db.prepare('INSERT INTO deal_patents (deal_id, patent_number, position) VALUES (?, ?, ?)').run(id, p, i),
    );
    return id;
  }

  function payment(dealId: string, paidDate: string, amountFen: number): string {
    const id = newId();
    db.prepare(
      'INSERT INTO payments (id, deal_id, paid_date, amount_fen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, dealId, paidDate, amountFen, at, at);
    return id;
  }

  function pledge(p: {
    pledgor: string;
    patents: string[];
    registrationDate: string;
    termMonths?: number | null;
    registrationNo?: string;
  }): string {
    const id = newId();
    db.prepare(
      `INSERT INTO pledges (id, region_code, registration_no, pledgor_id, pledgee_name, amount_fen, registration_date, term_months, created_at, updated_at)
       VALUES (?, '140100', ?, ?, '某银行', 100000000, ?, ?, ?, ?)`,
    ).run(
      id,
      p.registrationNo ?? `ZY-${++contractSerial}`,
      p.pledgor,
      p.registrationDate,
      p.termMonths ?? null,
      at,
      at,
    );
    for (const n of p.patents)
      db.prepare('INSERT INTO pledge_patents (pledge_id, patent_number) VALUES (?, ?)').run(id, n);
    return id;
  }

  function subsidy(s: {
    recipient: string;
    dealId?: string;
    pledgeId?: string;
    programName?: string;
    subsidyNo?: string;
    grantedDate?: string;
  }): string {
    const id = newId();
    db.prepare(
      `INSERT INTO subsidies (id, region_code, subsidy_no, recipient_id, program_name, amount_fen, granted_date, deal_id, pledge_id, created_at, updated_at)
       VALUES (?, '140100', ?, ?, ?, 5000000, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      s.subsidyNo ?? `JB-${++contractSerial}`,
      s.recipient,
      s.programName ?? '专利转化奖补',
      s.grantedDate ?? '2023-06-01',
      s.dealId ?? null,
      s.pledgeId ?? null,
      at,
      at,
    );
    return id;
  }

  function figures(
    organizationId: string,
    year: number,
    f: { employees: number; revenueWan?: number | null; sector?: string | null },
  ): void {
    db.prepare(
      `INSERT INTO enterprise_figures (id, organization_id, year, revenue_fen, employees, sector, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      newId(),
      organizationId,
      year,
      f.revenueWan == null ? null : f.revenueWan * 1_000_000,
      f.employees,
      f.sector ?? null,
      at,
      at,
    );
  }

  function voidDeal(dealId: string): void {
    db.prepare("UPDATE deals SET voided_at = ?, void_reason = '录入错误' WHERE id = ?").run(at, dealId);
  }

  return { org, patent, deal, payment, pledge, subsidy, figures, voidDeal };
}

export type RuleFixtures = ReturnType<typeof ruleFixtures>;
