/**
 * A seeded store read back as the rows of the import template (DESIGN §3), in the template's column order, with
 * values in their stored form (ISO dates, 分, normalized codes). `sampleWorkbook` spells them the ways people write.
 */
import type Database from 'better-sqlite3';
import type { ImportSheet } from '../../shared/contract/importing';

const DEAL_ROWS = `
  SELECT d.contract_no, d.kind, d.license_mode, p.number, p.title, p.filing_date, p.status,
         a.name AS assignor_name, a.uscc AS assignor_uscc, a.kind AS assignor_kind, a.region_code AS assignor_region,
         e.name AS assignee_name, e.uscc AS assignee_uscc, e.kind AS assignee_kind, d.assignee_size,
         e.region_code AS assignee_region, d.industry, d.contract_date, d.recordation_date, d.amount_fen,
         d.license_end_date
  FROM deals d
  JOIN deal_patents dp ON dp.deal_id = d.id
  JOIN patents p ON p.number = dp.patent_number
  JOIN organizations a ON a.id = d.assignor_id
  JOIN organizations e ON e.id = d.assignee_id
  ORDER BY d.contract_no, dp.position`;

const PAYMENT_ROWS = `
  SELECT d.contract_no, pay.paid_date, pay.amount_fen, pay.voucher_no
  FROM payments pay JOIN deals d ON d.id = pay.deal_id
  ORDER BY d.contract_no, pay.paid_date, pay.id`;

const PLEDGE_ROWS = `
  SELECT pl.registration_no, o.name, o.uscc, o.region_code, pl.pledgee_name, pp.patent_number, pl.amount_fen,
         pl.registration_date, pl.term_months
  FROM pledges pl
  JOIN pledge_patents pp ON pp.pledge_id = pl.id
  JOIN organizations o ON o.id = pl.pledgor_id
  ORDER BY pl.registration_no, pp.patent_number`;

const REGISTRATION_ROWS = `
  SELECT r.registration_no, o.name, o.uscc, r.enterprise_size, o.region_code, r.product_name, rp.patent_number,
         r.registration_date, r.output_value_fen
  FROM product_registrations r
  JOIN registration_patents rp ON rp.registration_id = r.id
  JOIN organizations o ON o.id = r.enterprise_id
  ORDER BY r.registration_no, rp.patent_number`;

const FIGURES_ROWS = `
  SELECT o.name, o.uscc, f.year, f.revenue_fen, f.employees, f.sector
  FROM enterprise_figures f JOIN organizations o ON o.id = f.organization_id
  ORDER BY o.region_code, o.name, f.year`;

const SUBSIDY_ROWS = `
  SELECT s.subsidy_no, o.name, o.uscc, s.program_name, s.amount_fen, s.granted_date, d.contract_no,
         pl.registration_no
  FROM subsidies s
  JOIN organizations o ON o.id = s.recipient_id
  LEFT JOIN deals d ON d.id = s.deal_id
  LEFT JOIN pledges pl ON pl.id = s.pledge_id
  ORDER BY s.subsidy_no`;

const SUPPLY_ROWS = `
  SELECT s.patent_number, s.title, o.name, o.uscc, o.kind, o.region_code, s.industry, s.ipc_class, s.keywords,
         s.abstract, s.asking_terms, CASE s.open_license WHEN 1 THEN '是' ELSE '否' END, s.open_license_fee_fen,
         s.open_license_years, s.status
  FROM supply_patents s JOIN organizations o ON o.id = s.owner_id
  ORDER BY s.patent_number`;

const NEED_ROWS = `
  SELECT n.need_no, o.name, o.uscc, o.size, o.region_code, n.industry, n.need_text, n.keywords, n.budget_fen, n.urgency
  FROM tech_needs n JOIN organizations o ON o.id = n.enterprise_id
  ORDER BY n.need_no`;

export type StoredRow = (string | number | null)[];

/** Every sheet's rows, each row's cells in the template's column order. */
export function templateRowsOf(db: Database.Database): Record<ImportSheet, StoredRow[]> {
  const rows = (sql: string) => db.prepare(sql).raw().all() as StoredRow[];
  return {
    交易: rows(DEAL_ROWS),
    到账: rows(PAYMENT_ROWS),
    质押: rows(PLEDGE_ROWS),
    产品备案: rows(REGISTRATION_ROWS),
    企业年度数据: rows(FIGURES_ROWS),
    奖补: rows(SUBSIDY_ROWS),
    专利供给: rows(SUPPLY_ROWS),
    技术需求: rows(NEED_ROWS),
  };
}
