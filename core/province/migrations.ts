import type Database from 'better-sqlite3';
import type { VersionMark } from '../store/migrate';
import type { Migration } from '../store/migrations/index';

/**
 * What makes a city-schema store a provincial one, as numbered migrations of its own: the city's migrations count in
 * user_version, these in `province_schema_version`, so each is run once and a store from a newer province release is
 * refused. Never edited once released: add the next one.
 */
export const provinceMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'province_indexes',
    // Within one installation a contract number, pledge or subsidy number, or an enterprise's figures of a year are
    // unique; across the province they are not (two installations of one region may enter the same deal — which is
    // what R10 is there to find), so the provincial store keeps these as plain indexes.
    sql: /* sql */ `
DROP INDEX IF EXISTS deals_contract;
CREATE INDEX IF NOT EXISTS province_deals_contract ON deals(region_code, contract_no);
DROP INDEX IF EXISTS pledges_registration;
CREATE INDEX IF NOT EXISTS province_pledges_registration ON pledges(registration_no);
DROP INDEX IF EXISTS product_registrations_no;
CREATE INDEX IF NOT EXISTS province_product_registrations_no ON product_registrations(registration_no);
DROP INDEX IF EXISTS subsidies_no;
CREATE INDEX IF NOT EXISTS province_subsidies_no ON subsidies(subsidy_no);
DROP INDEX IF EXISTS enterprise_figures_org_year;
CREATE INDEX IF NOT EXISTS province_enterprise_figures_org_year ON enterprise_figures(organization_id, year);
`,
  },
  {
    version: 2,
    name: 'province_pool_indexes',
    // The same for the matching pool (city migration 22): a pooled patent or a need number is unique in one
    // installation, not across the province.
    sql: /* sql */ `
DROP INDEX IF EXISTS supply_patents_number;
CREATE INDEX IF NOT EXISTS province_supply_patents_number ON supply_patents(region_code, patent_number);
DROP INDEX IF EXISTS tech_needs_no;
CREATE INDEX IF NOT EXISTS province_tech_needs_no ON tech_needs(region_code, need_no);
`,
  },
];

/** The province's migrations count in a one-row table (user_version is the city schema's). */
export const PROVINCE_VERSION: VersionMark = {
  read: (db: Database.Database) => {
    const table = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'province_schema_version'")
      .get();
    return table
      ? ((db.prepare('SELECT version FROM province_schema_version').pluck().get() as number | undefined) ?? 0)
      : 0;
  },
  write: (db: Database.Database, version: number) => {
    db.exec('CREATE TABLE IF NOT EXISTS province_schema_version (version INTEGER NOT NULL) STRICT');
    db.prepare('DELETE FROM province_schema_version').run();
    db.prepare('INSERT INTO province_schema_version (version) VALUES (?)').run(version);
  },
};
