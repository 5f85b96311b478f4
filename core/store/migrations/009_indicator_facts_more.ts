// The rest of the indicator facts of DOMAIN §7 kept by triggers, as migration 8 does for deals and payments:
// - I3a/I3b: each benefited (region, year, enterprise) of indicator_enterprise_years carries its figures for Y and
//   Y−1 where both are recorded (NULL otherwise), kept right when a figure is entered, corrected or voided;
// - I4/I4a: the live product registrations of Shanxi SMEs and the patents they name, by (region, date/year);
// - I5/I5a: the live pledges by the pledgor's region and registration date.
// Each family is rebuilt per record by one definition (refresh… below) on every write that can change it.
//
// This file is frozen once released: the SQL is spelled out here, not shared with code that may change.

const SME = `('微型','小型','中型')`;
const YEAR = (column: string) => `CAST(substr(${column}, 1, 4) AS INTEGER)`;

const trigger = (name: string, event: string, body: string) => `CREATE TRIGGER ${name} ${event} BEGIN${body}
END;`;

/** The four figures of benefited enterprise `b` in year b.year: counted only when Y and Y−1 both hold the measure. */
export const FIGURES = `(revenue_now, revenue_before, employees_now, employees_before) = (
    SELECT CASE WHEN cur.revenue_fen IS NOT NULL AND prev.revenue_fen IS NOT NULL THEN cur.revenue_fen END,
      CASE WHEN cur.revenue_fen IS NOT NULL AND prev.revenue_fen IS NOT NULL THEN prev.revenue_fen END,
      CASE WHEN cur.employees IS NOT NULL AND prev.employees IS NOT NULL THEN cur.employees END,
      CASE WHEN cur.employees IS NOT NULL AND prev.employees IS NOT NULL THEN prev.employees END
    FROM enterprise_figures cur JOIN enterprise_figures prev
      ON prev.organization_id = cur.organization_id AND prev.year = cur.year - 1 AND prev.voided_at IS NULL
    WHERE cur.organization_id = indicator_enterprise_years.assignee_id AND cur.year = indicator_enterprise_years.year
      AND cur.voided_at IS NULL)`;

const refreshFiguresOf = (org: string, year: string) => `
  UPDATE indicator_enterprise_years SET ${FIGURES} WHERE assignee_id = ${org} AND year IN (${year}, ${year} + 1);`;

export const refreshRegistrations = (ids: string) => `
  DELETE FROM indicator_registration_patents WHERE registration_id IN (${ids});
  DELETE FROM indicator_registrations WHERE registration_id IN (${ids});
  INSERT INTO indicator_registrations (region, registration_date, registration_id)
    SELECT o.city_code, r.registration_date, r.id FROM product_registrations r JOIN organizations o ON o.id = r.enterprise_id
    WHERE r.id IN (${ids}) AND r.voided_at IS NULL AND o.city_code IS NOT NULL AND coalesce(r.enterprise_size, o.size) IN ${SME};
  INSERT INTO indicator_registration_patents (region, year, patent_number, registration_id)
    SELECT f.region, ${YEAR('f.registration_date')}, rp.patent_number, f.registration_id
    FROM indicator_registrations f INDEXED BY indicator_registrations_registration
      JOIN registration_patents rp ON rp.registration_id = f.registration_id
    WHERE f.registration_id IN (${ids});`;

export const refreshPledges = (ids: string) => `
  DELETE FROM indicator_pledges WHERE pledge_id IN (${ids});
  INSERT INTO indicator_pledges (region, registration_date, pledge_id, amount_fen)
    SELECT o.city_code, p.registration_date, p.id, p.amount_fen FROM pledges p JOIN organizations o ON o.id = p.pledgor_id
    WHERE p.id IN (${ids}) AND p.voided_at IS NULL AND o.city_code IS NOT NULL;`;

const registrationsOf = (org: string) =>
  `SELECT id FROM product_registrations INDEXED BY product_registrations_live_by_enterprise WHERE enterprise_id = ${org} AND voided_at IS NULL`;
const pledgesOf = (org: string) => `SELECT id FROM pledges INDEXED BY pledges_pledgor WHERE pledgor_id = ${org}`;

export const sql = /* sql */ `
ALTER TABLE indicator_enterprise_years ADD COLUMN revenue_now INTEGER;
ALTER TABLE indicator_enterprise_years ADD COLUMN revenue_before INTEGER;
ALTER TABLE indicator_enterprise_years ADD COLUMN employees_now INTEGER;
ALTER TABLE indicator_enterprise_years ADD COLUMN employees_before INTEGER;
CREATE INDEX indicator_enterprise_years_by_enterprise ON indicator_enterprise_years(assignee_id, year);
UPDATE indicator_enterprise_years SET ${FIGURES};
-- Migration 8's running totals again, naming their columns now that the table has more.
DROP TRIGGER indicator_deals_added;
${trigger(
  'indicator_deals_added',
  'AFTER INSERT ON indicator_deals FOR EACH ROW',
  `
  INSERT INTO indicator_deal_years (family, region, year, deals, patents, amount_fen)
    VALUES (NEW.family, NEW.region, ${YEAR('NEW.recordation_date')}, 1, NEW.patent_count, NEW.amount_fen)
    ON CONFLICT (family, region, year) DO UPDATE SET deals = deals + 1, patents = patents + excluded.patents,
      amount_fen = amount_fen + excluded.amount_fen;
  INSERT INTO indicator_enterprise_years (region, year, assignee_id, deals)
    SELECT NEW.region, ${YEAR('NEW.recordation_date')}, NEW.assignee_id, 1 WHERE NEW.family = 'I1'
    ON CONFLICT (region, year, assignee_id) DO UPDATE SET deals = deals + 1;`,
)}

CREATE TABLE indicator_registrations (
  region TEXT NOT NULL,
  registration_date TEXT NOT NULL,
  registration_id TEXT NOT NULL,
  PRIMARY KEY (region, registration_date, registration_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX indicator_registrations_registration ON indicator_registrations(registration_id);

CREATE TABLE indicator_registration_patents (
  region TEXT NOT NULL,
  year INTEGER NOT NULL,
  patent_number TEXT NOT NULL,
  registration_id TEXT NOT NULL,
  PRIMARY KEY (region, year, patent_number, registration_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX indicator_registration_patents_registration ON indicator_registration_patents(registration_id);

CREATE TABLE indicator_pledges (
  region TEXT NOT NULL,
  registration_date TEXT NOT NULL,
  pledge_id TEXT NOT NULL,
  amount_fen INTEGER NOT NULL,
  PRIMARY KEY (region, registration_date, pledge_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX indicator_pledges_pledge ON indicator_pledges(pledge_id);

${refreshRegistrations('SELECT id FROM product_registrations WHERE voided_at IS NULL')}
${refreshPledges('SELECT id FROM pledges WHERE voided_at IS NULL')}

${trigger(
  'indicator_facts_benefited_added',
  'AFTER INSERT ON indicator_enterprise_years FOR EACH ROW',
  `
  UPDATE indicator_enterprise_years SET ${FIGURES} WHERE region = NEW.region AND year = NEW.year AND assignee_id = NEW.assignee_id;`,
)}
${trigger('indicator_facts_figures_added', 'AFTER INSERT ON enterprise_figures FOR EACH ROW', refreshFiguresOf('NEW.organization_id', 'NEW.year'))}
${trigger(
  'indicator_facts_figures_changed',
  'AFTER UPDATE ON enterprise_figures FOR EACH ROW',
  refreshFiguresOf('OLD.organization_id', 'OLD.year') + refreshFiguresOf('NEW.organization_id', 'NEW.year'),
)}
${trigger('indicator_facts_figures_removed', 'AFTER DELETE ON enterprise_figures FOR EACH ROW', refreshFiguresOf('OLD.organization_id', 'OLD.year'))}

${trigger('indicator_facts_registration_added', 'AFTER INSERT ON product_registrations FOR EACH ROW', refreshRegistrations('NEW.id'))}
${trigger(
  'indicator_facts_registration_changed',
  `AFTER UPDATE OF id, enterprise_id, enterprise_size, registration_date, voided_at
  ON product_registrations FOR EACH ROW`,
  refreshRegistrations('OLD.id, NEW.id'),
)}
${trigger('indicator_facts_registration_removed', 'AFTER DELETE ON product_registrations FOR EACH ROW', refreshRegistrations('OLD.id'))}
${trigger('indicator_facts_registration_patent_added', 'AFTER INSERT ON registration_patents FOR EACH ROW', refreshRegistrations('NEW.registration_id'))}
${trigger(
  'indicator_facts_registration_patent_changed',
  'AFTER UPDATE ON registration_patents FOR EACH ROW',
  refreshRegistrations('OLD.registration_id, NEW.registration_id'),
)}
${trigger('indicator_facts_registration_patent_removed', 'AFTER DELETE ON registration_patents FOR EACH ROW', refreshRegistrations('OLD.registration_id'))}

${trigger('indicator_facts_pledge_added', 'AFTER INSERT ON pledges FOR EACH ROW', refreshPledges('NEW.id'))}
${trigger(
  'indicator_facts_pledge_changed',
  'AFTER UPDATE OF id, pledgor_id, amount_fen, registration_date, voided_at ON pledges FOR EACH ROW',
  refreshPledges('OLD.id, NEW.id'),
)}
${trigger('indicator_facts_pledge_removed', 'AFTER DELETE ON pledges FOR EACH ROW', refreshPledges('OLD.id'))}

${trigger(
  'indicator_facts_holder_added',
  'AFTER INSERT ON organizations FOR EACH ROW',
  refreshRegistrations(registrationsOf('NEW.id')) + refreshPledges(pledgesOf('NEW.id')),
)}
${trigger(
  'indicator_facts_holder_changed',
  'AFTER UPDATE OF id, city_code, size ON organizations FOR EACH ROW',
  refreshRegistrations(registrationsOf('OLD.id')) +
    refreshRegistrations(registrationsOf('NEW.id')) +
    refreshPledges(pledgesOf('OLD.id')) +
    refreshPledges(pledgesOf('NEW.id')),
)}
`;
