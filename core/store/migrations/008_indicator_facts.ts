// Indicator facts of DOMAIN §7 kept by the database itself (DESIGN §7 budgets: a region-year ≤ 50 ms, the province
// ≤ 500 ms at a million deals). Triggers keep them right on every write path — filings, importer, province ingest,
// voids, flag decisions, an organization's size, kind or region — without those writers knowing about them.
//
// indicator_deals: one row per counted deal and family it qualifies for (I1: the assignee is a Shanxi SME, region
// the assignee's; I2: the assignor is a university or research institute, region the assignor's). indicator_payments:
// the live payments of those rows. Both are rebuilt per deal by one definition (refreshDeals below), so a deal's rows
// are always what that definition says of its current state. The yearly sums and the (region, year, enterprise) set
// behind I3 are running totals kept by triggers on the two row tables.
//
// This file is frozen once released: the SQL is spelled out here, not shared with code that may change.

const SME = `('微型','小型','中型')`;
const YEAR = (column: string) => `CAST(substr(${column}, 1, 4) AS INTEGER)`;
const COUNTED = `d.voided_at IS NULL AND d.recordation_date IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM flag_subjects fs JOIN anomaly_flags af ON af.id = fs.flag_id
      WHERE fs.entity = 'deal' AND fs.entity_id = d.id AND af.status = '确认异常')`;

/** The fact rows of the deals whose ids `ids` selects (a list or a subquery), from their current state. */
const dealRows = (
  ids: string,
) => `SELECT 'I1', o.city_code, d.recordation_date, d.id, d.assignee_id, d.industry, d.patent_count, d.amount_fen
    FROM deals d JOIN organizations o ON o.id = d.assignee_id
    WHERE d.id IN (${ids}) AND ${COUNTED} AND o.city_code IS NOT NULL AND coalesce(d.assignee_size, o.size) IN ${SME}
  UNION ALL
  SELECT 'I2', o.city_code, d.recordation_date, d.id, d.assignee_id, d.industry, d.patent_count, d.amount_fen
    FROM deals d JOIN organizations o ON o.id = d.assignor_id
    WHERE d.id IN (${ids}) AND ${COUNTED} AND o.city_code IS NOT NULL AND o.kind IN ('高校','科研院所')`;

const paymentRows = (ids: string) => `SELECT f.family, f.region, p.paid_date, p.id, p.deal_id, p.amount_fen
    FROM indicator_deals f INDEXED BY indicator_deals_deal JOIN payments p INDEXED BY payments_deal ON p.deal_id = f.deal_id
    WHERE f.deal_id IN (${ids}) AND p.voided_at IS NULL`;

const DEAL_COLUMNS = `(family, region, recordation_date, deal_id, assignee_id, industry, patent_count, amount_fen)`;
const PAYMENT_COLUMNS = `(family, region, paid_date, payment_id, deal_id, amount_fen)`;

export const refreshPayments = (ids: string) => `
  DELETE FROM indicator_payments WHERE deal_id IN (${ids});
  INSERT INTO indicator_payments ${PAYMENT_COLUMNS} ${paymentRows(ids)};`;

export const refreshDeals = (ids: string) => `
  DELETE FROM indicator_payments WHERE deal_id IN (${ids});
  DELETE FROM indicator_deals WHERE deal_id IN (${ids});
  INSERT INTO indicator_deals ${DEAL_COLUMNS} ${dealRows(ids)};
  INSERT INTO indicator_payments ${PAYMENT_COLUMNS} ${paymentRows(ids)};`;

const trigger = (name: string, event: string, body: string, when = '') =>
  `CREATE TRIGGER ${name} ${event} ${when ? `WHEN ${when} ` : ''}BEGIN${body}
END;`;

/** Counted deals of an organization as assignee or assignor (the only deals whose facts its columns decide). */
const dealsOfOrganization = (org: string) =>
  `SELECT id FROM deals INDEXED BY deals_assignee WHERE assignee_id = ${org} UNION SELECT id FROM deals INDEXED BY deals_assignor WHERE assignor_id = ${org}`;
const dealsOfFlag = (flag: string) => `SELECT entity_id FROM flag_subjects WHERE flag_id = ${flag} AND entity = 'deal'`;

export const sql = /* sql */ `
CREATE TABLE indicator_deals (
  family TEXT NOT NULL CHECK (family IN ('I1','I2')),
  region TEXT NOT NULL,
  recordation_date TEXT NOT NULL,
  deal_id TEXT NOT NULL,
  assignee_id TEXT NOT NULL,
  industry TEXT NOT NULL,
  patent_count INTEGER NOT NULL,
  amount_fen INTEGER NOT NULL,
  PRIMARY KEY (family, region, recordation_date, deal_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX indicator_deals_deal ON indicator_deals(deal_id);

CREATE TABLE indicator_payments (
  family TEXT NOT NULL,
  region TEXT NOT NULL,
  paid_date TEXT NOT NULL,
  payment_id TEXT NOT NULL,
  deal_id TEXT NOT NULL,
  amount_fen INTEGER NOT NULL,
  PRIMARY KEY (family, region, paid_date, payment_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX indicator_payments_deal ON indicator_payments(deal_id);

CREATE TABLE indicator_deal_years (
  family TEXT NOT NULL,
  region TEXT NOT NULL,
  year INTEGER NOT NULL,
  deals INTEGER NOT NULL,
  patents INTEGER NOT NULL,
  amount_fen INTEGER NOT NULL,
  PRIMARY KEY (family, region, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE indicator_payment_years (
  family TEXT NOT NULL,
  region TEXT NOT NULL,
  year INTEGER NOT NULL,
  payments INTEGER NOT NULL,
  amount_fen INTEGER NOT NULL,
  PRIMARY KEY (family, region, year)
) STRICT, WITHOUT ROWID;

-- I3: the SMEs benefited per region and year, with how many of their I1 deals keep them there.
CREATE TABLE indicator_enterprise_years (
  region TEXT NOT NULL,
  year INTEGER NOT NULL,
  assignee_id TEXT NOT NULL,
  deals INTEGER NOT NULL,
  PRIMARY KEY (region, year, assignee_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX indicator_enterprise_years_enterprise ON indicator_enterprise_years(region, assignee_id, year);

-- Backfill: the rows from the definition, then the sums from the rows.
INSERT INTO indicator_deals ${DEAL_COLUMNS} ${dealRows('SELECT id FROM deals WHERE voided_at IS NULL AND recordation_date IS NOT NULL')};
INSERT INTO indicator_payments ${PAYMENT_COLUMNS} SELECT f.family, f.region, p.paid_date, p.id, p.deal_id, p.amount_fen
  FROM indicator_deals f JOIN payments p ON p.deal_id = f.deal_id WHERE p.voided_at IS NULL;
INSERT INTO indicator_deal_years SELECT family, region, ${YEAR('recordation_date')}, count(*), sum(patent_count), sum(amount_fen)
  FROM indicator_deals GROUP BY 1, 2, 3;
INSERT INTO indicator_payment_years SELECT family, region, ${YEAR('paid_date')}, count(*), sum(amount_fen)
  FROM indicator_payments GROUP BY 1, 2, 3;
INSERT INTO indicator_enterprise_years SELECT region, ${YEAR('recordation_date')}, assignee_id, count(*)
  FROM indicator_deals WHERE family = 'I1' GROUP BY 1, 2, 3;

-- Running totals of the row tables.
${trigger(
  'indicator_deals_added',
  'AFTER INSERT ON indicator_deals FOR EACH ROW',
  `
  INSERT INTO indicator_deal_years VALUES (NEW.family, NEW.region, ${YEAR('NEW.recordation_date')}, 1, NEW.patent_count, NEW.amount_fen)
    ON CONFLICT (family, region, year) DO UPDATE SET deals = deals + 1, patents = patents + excluded.patents,
      amount_fen = amount_fen + excluded.amount_fen;
  INSERT INTO indicator_enterprise_years SELECT NEW.region, ${YEAR('NEW.recordation_date')}, NEW.assignee_id, 1 WHERE NEW.family = 'I1'
    ON CONFLICT (region, year, assignee_id) DO UPDATE SET deals = deals + 1;`,
)}
${trigger(
  'indicator_deals_removed',
  'AFTER DELETE ON indicator_deals FOR EACH ROW',
  `
  UPDATE indicator_deal_years SET deals = deals - 1, patents = patents - OLD.patent_count, amount_fen = amount_fen - OLD.amount_fen
    WHERE family = OLD.family AND region = OLD.region AND year = ${YEAR('OLD.recordation_date')};
  DELETE FROM indicator_deal_years WHERE family = OLD.family AND region = OLD.region AND year = ${YEAR('OLD.recordation_date')} AND deals = 0;
  UPDATE indicator_enterprise_years SET deals = deals - 1
    WHERE OLD.family = 'I1' AND region = OLD.region AND year = ${YEAR('OLD.recordation_date')} AND assignee_id = OLD.assignee_id;
  DELETE FROM indicator_enterprise_years
    WHERE OLD.family = 'I1' AND region = OLD.region AND year = ${YEAR('OLD.recordation_date')} AND assignee_id = OLD.assignee_id AND deals = 0;`,
)}
${trigger(
  'indicator_payments_added',
  'AFTER INSERT ON indicator_payments FOR EACH ROW',
  `
  INSERT INTO indicator_payment_years VALUES (NEW.family, NEW.region, ${YEAR('NEW.paid_date')}, 1, NEW.amount_fen)
    ON CONFLICT (family, region, year) DO UPDATE SET payments = payments + 1, amount_fen = amount_fen + excluded.amount_fen;`,
)}
${trigger(
  'indicator_payments_removed',
  'AFTER DELETE ON indicator_payments FOR EACH ROW',
  `
  UPDATE indicator_payment_years SET payments = payments - 1, amount_fen = amount_fen - OLD.amount_fen
    WHERE family = OLD.family AND region = OLD.region AND year = ${YEAR('OLD.paid_date')};
  DELETE FROM indicator_payment_years WHERE family = OLD.family AND region = OLD.region AND year = ${YEAR('OLD.paid_date')} AND payments = 0;`,
)}

-- Every write that can change what a deal contributes rebuilds that deal's rows.
${trigger('indicator_facts_deal_added', 'AFTER INSERT ON deals FOR EACH ROW', refreshDeals('NEW.id'))}
${trigger(
  'indicator_facts_deal_changed',
  `AFTER UPDATE OF id, voided_at, recordation_date, assignor_id, assignee_id, assignee_size,
  industry, patent_count, amount_fen ON deals FOR EACH ROW`,
  refreshDeals('OLD.id, NEW.id'),
)}
${trigger('indicator_facts_deal_removed', 'AFTER DELETE ON deals FOR EACH ROW', refreshDeals('OLD.id'))}
${trigger('indicator_facts_payment_added', 'AFTER INSERT ON payments FOR EACH ROW', refreshPayments('NEW.deal_id'))}
${trigger('indicator_facts_payment_changed', 'AFTER UPDATE OF id, deal_id, paid_date, amount_fen, voided_at ON payments FOR EACH ROW', refreshPayments('OLD.deal_id, NEW.deal_id'))}
${trigger('indicator_facts_payment_removed', 'AFTER DELETE ON payments FOR EACH ROW', refreshPayments('OLD.deal_id'))}
${trigger('indicator_facts_party_added', 'AFTER INSERT ON organizations FOR EACH ROW', refreshDeals(dealsOfOrganization('NEW.id')))}
${trigger('indicator_facts_party_changed', 'AFTER UPDATE OF id, kind, city_code, size ON organizations FOR EACH ROW', `${refreshDeals(dealsOfOrganization('OLD.id'))}${refreshDeals(dealsOfOrganization('NEW.id'))}`)}
${trigger('indicator_facts_flag_decided', 'AFTER UPDATE OF id, status ON anomaly_flags FOR EACH ROW', `${refreshDeals(dealsOfFlag('OLD.id'))}${refreshDeals(dealsOfFlag('NEW.id'))}`)}
${trigger('indicator_facts_flag_removed', 'AFTER DELETE ON anomaly_flags FOR EACH ROW', refreshDeals(dealsOfFlag('OLD.id')))}
${trigger('indicator_facts_subject_added', 'AFTER INSERT ON flag_subjects FOR EACH ROW', refreshDeals('NEW.entity_id'), `NEW.entity = 'deal'`)}
${trigger('indicator_facts_subject_changed', 'AFTER UPDATE ON flag_subjects FOR EACH ROW', refreshDeals('OLD.entity_id, NEW.entity_id'), `OLD.entity = 'deal' OR NEW.entity = 'deal'`)}
${trigger('indicator_facts_subject_removed', 'AFTER DELETE ON flag_subjects FOR EACH ROW', refreshDeals('OLD.entity_id'), `OLD.entity = 'deal'`)}
`;
