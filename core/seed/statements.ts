import type Database from 'better-sqlite3';

/** Prepared inserts for every table the seed fills: one statement each, reused for a million rows. */
export function seedStatements(db: Database.Database) {
  const prepare = (sql: string) => db.prepare(sql);
  return {
    organization: prepare(
      `INSERT INTO organizations (id, name, name_norm, uscc, kind, region_code, city_code, size, sector, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    figures: prepare(
      `INSERT INTO enterprise_figures (id, organization_id, year, revenue_fen, employees, sector, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    patent: prepare(
      'INSERT INTO patents (number, type, title, filing_date, status, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    deal: prepare(
      `INSERT INTO deals (id, region_code, contract_no, kind, license_mode, assignor_id, assignee_id, assignee_size, industry,
         contract_date, recordation_date, amount_fen, license_end_date, patent_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    dealPatent: prepare('INSERT INTO deal_patents (deal_id, patent_number, position) VALUES (?, ?, ?)'),
    payment: prepare(
      'INSERT INTO payments (id, deal_id, paid_date, amount_fen, voucher_no, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    pledge: prepare(
      `INSERT INTO pledges (id, region_code, registration_no, pledgor_id, pledgee_name, amount_fen, registration_date, term_months,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    pledgePatent: prepare('INSERT INTO pledge_patents (pledge_id, patent_number) VALUES (?, ?)'),
    registration: prepare(
      `INSERT INTO product_registrations (id, region_code, registration_no, enterprise_id, enterprise_size, product_name,
         registration_date, output_value_fen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    registrationPatent: prepare('INSERT INTO registration_patents (registration_id, patent_number) VALUES (?, ?)'),
    subsidy: prepare(
      `INSERT INTO subsidies (id, region_code, subsidy_no, recipient_id, program_name, amount_fen, granted_date, deal_id, pledge_id,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}
export type SeedStatements = ReturnType<typeof seedStatements>;
